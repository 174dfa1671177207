package io.prescale.core.scale;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the controller knows at decision time {@code now}: the running count and configuration, the latest
 * observed load (requests in the policy's unit; may be NaN when the metric is missing, which holds) and when it
 * was observed, and when the last scale-out and scale-in happened (null when never).
 */
public record ScalingState(
        Instant now,
        int currentCount,
        Map<String, Object> currentConfig,
        double currentLoad,
        Instant loadObservedAt,
        Instant lastScaleOutAt,
        Instant lastScaleInAt) {
    public ScalingState {
        Objects.requireNonNull(now, "now");
        if (currentCount < 0) {
            throw new IllegalArgumentException("currentCount must be ≥ 0, got " + currentCount);
        }
        currentConfig = currentConfig == null || currentConfig.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(currentConfig));
    }

    /** A state with no configuration knobs, as in a capacity-only simulation. */
    public static ScalingState of(
            Instant now, int currentCount, double currentLoad, Instant lastScaleOutAt, Instant lastScaleInAt) {
        return new ScalingState(now, currentCount, Map.of(), currentLoad, now, lastScaleOutAt, lastScaleInAt);
    }
}
