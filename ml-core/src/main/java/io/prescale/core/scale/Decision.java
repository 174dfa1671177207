package io.prescale.core.scale;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the controller decided: the action, the target count, the configuration to run (the knobs without
 * {@code count}), whether applying it needs a restart, the reason in words and the numbers behind it
 * ({@code currentCount}, {@code reactiveNeed}, {@code forecastLoad}…, in instances or requests).
 */
public record Decision(
        Action action,
        int targetCount,
        Map<String, Object> config,
        boolean restart,
        String reason,
        Map<String, Double> numbers) {
    /** The kind of change. */
    public enum Action {
        SCALE_OUT,
        SCALE_IN,
        RECONFIGURE,
        HOLD
    }

    public Decision {
        Objects.requireNonNull(action, "action");
        if (targetCount < 0) {
            throw new IllegalArgumentException("targetCount must be ≥ 0, got " + targetCount);
        }
        config = config == null || config.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(config));
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("every decision needs a reason");
        }
        numbers = numbers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
    }

    /** Keep everything as it is, saying why. */
    public static Decision hold(ScalingState state, String reason, Map<String, Double> numbers) {
        return new Decision(Action.HOLD, state.currentCount(), state.currentConfig(), false, reason, numbers);
    }

    /** Whether the count changes. */
    public boolean changesCount(int currentCount) {
        return targetCount != currentCount;
    }
}
