package io.prescale.nomad.annotations;

import io.prescale.core.scale.Bounds;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

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
 * @param eventKinds the kinds of the actuator's calendar that move this group's load: empty for none,
 *                   {@link #ALL_EVENTS} alone for all
 * @param maxUnserved the risk budget (share of load in (0, 1)) that chooses the quantile at each refit, or NaN to
 *                    use {@code quantile}
 * @param interval the shortest time between two evaluations of this group, or null for every cycle
 */
public record GroupSpec(
        GroupRef ref,
        String query,
        Duration lead,
        Mode mode,
        String policyName,
        double capacity,
        double quantile,
        Duration cooldown,
        Bounds bounds,
        Set<String> eventKinds,
        double maxUnserved,
        Duration interval) {
    /** The prefix of a {@code query} that names a series of the embedded store. */
    public static final String STORE_PREFIX = "store:";
    /** The {@code eventKinds} entry that selects every kind of the calendar. */
    public static final String ALL_EVENTS = "*";

    public GroupSpec {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(cooldown, "cooldown");
        Objects.requireNonNull(bounds, "bounds");
        eventKinds = eventKinds == null ? Set.of() : Set.copyOf(eventKinds);
        if (!Double.isNaN(maxUnserved) && !(maxUnserved > 0 && maxUnserved < 1)) {
            throw new IllegalArgumentException("max unserved share must be in (0, 1), got " + maxUnserved);
        }
        if (policyName == null && !(capacity > 0)) {
            throw new IllegalArgumentException("a group needs a policy or a positive capacity");
        }
    }

    /** Whether a risk budget chooses the quantile. */
    public boolean hasRiskBudget() {
        return !Double.isNaN(maxUnserved);
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
