package io.prescale.grafana.report;

import java.time.Instant;
import java.util.Objects;

/** One scaling decision: when, which action ({@code scale_out}, {@code scale_in}, {@code hold}), from → to instances, and why. */
public record Decision(Instant time, String action, int from, int to, String reason) {
    public Decision {
        Objects.requireNonNull(time, "time");
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("decision action must not be blank");
        }
        if (from < 0 || to < 0) {
            throw new IllegalArgumentException("instance counts must be >= 0, got " + from + " → " + to);
        }
        reason = reason == null ? "" : reason;
    }
}
