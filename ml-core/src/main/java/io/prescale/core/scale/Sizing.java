package io.prescale.core.scale;

import java.util.LinkedHashMap;
import java.util.Map;

/** Instance needs of one decision: reactive (current load), scale-out (forecast peak) and scale-in (with hysteresis). */
record Sizing(
        int reactiveNeed,
        int forecastNeed,
        int upNeed,
        int downNeed,
        double currentLoad,
        double upLoad,
        double downLoad) {
    static Sizing of(ScalingState state, Window window, ScalingPolicy policy, double hysteresis) {
        int reactive = policy.instancesFor(state.currentLoad());
        int forecast = policy.instancesFor(window.upPeak());
        double downLoad = window.downVisible() ? window.downPeak() * (1 + hysteresis) : window.upPeak();
        int down = Math.max(reactive, policy.instancesFor(downLoad));
        return new Sizing(
                reactive, forecast, Math.max(reactive, forecast), down, state.currentLoad(), window.upPeak(), downLoad);
    }

    Map<String, Double> numbers(int currentCount) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("currentCount", (double) currentCount);
        numbers.put("currentLoad", currentLoad);
        numbers.put("reactiveNeed", (double) reactiveNeed);
        numbers.put("forecastPeak", upLoad);
        numbers.put("scaleOutNeed", (double) upNeed);
        numbers.put("scaleInLoad", downLoad);
        numbers.put("scaleInNeed", (double) downNeed);
        return numbers;
    }
}
