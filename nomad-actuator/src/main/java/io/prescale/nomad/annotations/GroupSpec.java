package io.prescale.nomad.annotations;

import io.prescale.core.scale.Bounds;
import java.time.Duration;
import java.util.Objects;

/**
 * A valid predictive-scaling request of one task group.
 *
 * @param query PromQL (read from Prometheus) or a series of the embedded store ({@link #storeSeries()})
 * @param lead how far ahead capacity must be ready
 * @param policyName the published policy to size with, or null to use {@code capacity}
 * @param capacity requests/s one instance serves (used when {@code policyName} is null), or NaN
 * @param quantile the forecast level sized for, in (0, 1)
 * @param cooldown no scale-in within this after a change
 * @param bounds from the group's {@code scaling} block (min, max)
 */
public record GroupSpec(GroupRef ref, String query, Duration lead, Mode mode, String policyName, double capacity,
                        double quantile, Duration cooldown, Bounds bounds) {
    /** The prefix of a {@code query} that names a series of the embedded store. */
    public static final String STORE_PREFIX = "store:";

    public GroupSpec {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(cooldown, "cooldown");
        Objects.requireNonNull(bounds, "bounds");
        if (policyName == null && !(capacity > 0)) {
            throw new IllegalArgumentException("a group needs a policy or a positive capacity");
        }
    }

    /** Whether the load comes from the embedded store. */
    public boolean fromStore() {
        return query.startsWith(STORE_PREFIX);
    }

    /** The store series name, for a {@code store:} query. */
    public String storeSeries() {
        return fromStore() ? query.substring(STORE_PREFIX.length()) : null;
    }
}
