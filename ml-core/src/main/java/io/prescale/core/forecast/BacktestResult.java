package io.prescale.core.forecast;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One model's backtest.
 *
 * @param model the model name
 * @param metrics accuracy over the scored targets
 * @param skippedTargets targets that were NaN and not scored
 * @param fitSeconds wall time of all fits (first fit and refits)
 * @param predictMicros mean wall time of one forecast call
 * @param fallback the first fallback note of any fit, or null
 * @param facts what the fits reported (e.g. auto's choice, the LSTM's losses), from the last fit
 */
public record BacktestResult(
        String model,
        ForecastMetrics metrics,
        int skippedTargets,
        double fitSeconds,
        double predictMicros,
        String fallback,
        Map<String, Object> facts) {
    public BacktestResult {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(metrics, "metrics");
        facts = new LinkedHashMap<>(facts == null ? Map.of() : facts);
    }
}
