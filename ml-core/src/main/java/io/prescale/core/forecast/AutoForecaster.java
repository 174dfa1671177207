package io.prescale.core.forecast;

import io.prescale.core.series.TimeSeries;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code auto}: picks one model per series by a rolling-origin backtest on the newest part of the history it is
 * given (in a backtest that is only data before {@code --test-from}). Each candidate is fitted on the history
 * before a validation window V (a quarter of the history, at most two weeks), forecasts every validation target
 * at the configured horizon H from the data before it, and is scored by the under-prediction-penalising error
 *
 * <pre>  E = Σ_t [ 2·max(y_t − ŷ_t, 0) + max(ŷ_t − y_t, 0) ] / Σ_t |y_t|</pre>
 *
 * where ŷ is the candidate's median: running short of capacity costs twice as much as over-provisioning (the
 * asymmetry Crane's predictor applies). The candidate with the least E is refitted on the whole history; refits
 * in a backtest keep the choice.
 */
final class AutoForecaster implements Forecaster {
    static final List<String> CANDIDATES = List.of("seasonal-naive-daily", "seasonal-naive-weekly", "holt-winters",
            "arima");
    static final double UNDER_WEIGHT = 2.0;
    private static final int MAX_ORIGINS = 300;
    private final ForecastOptions options;

    AutoForecaster(ForecastOptions options) {
        this.options = options;
    }

    @Override
    public String name() {
        return "auto";
    }

    @Override
    public ForecastModel fit(TimeSeries history) {
        ClassicalForecaster.checkHistory(history);
        int n = history.size();
        int weekly = Seasonality.weekly(history.step());
        int v = Math.min(n / 4, weekly > 0 ? 2 * weekly : 2000);
        Map<String, Object> scores = new LinkedHashMap<>();
        String best = "naive";
        double bestScore = Double.POSITIVE_INFINITY;
        if (v >= options.horizon() + 10 && n - v >= 20) {
            for (String candidate : CANDIDATES) {
                double score = score(Forecasters.byName(candidate, options), history, n - v);
                scores.put(candidate, score);
                if (score < bestScore) {
                    bestScore = score;
                    best = candidate;
                }
            }
        }
        return choose(best, history, scores, bestScore);
    }

    private ForecastModel choose(String chosen, TimeSeries history, Map<String, Object> scores, double bestScore) {
        ForecastModel inner = Forecasters.byName(chosen, options).fit(history);
        ModelProvenance innerProvenance = inner.provenance();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("chosen", chosen);
        facts.put("scores", scores);
        facts.put("chosenFit", innerProvenance.fit());
        String fallback = scores.isEmpty()
                ? "history of " + history.size() + " steps is too short to compare models: " + chosen
                : innerProvenance.fallback();
        ModelProvenance provenance = new ModelProvenance("auto", history.start(), history.end(), history.size(),
                history.step(), Map.of("horizon", options.horizon(), "candidates", CANDIDATES,
                "underWeight", UNDER_WEIGHT), options.seed(), "auto/1", fallback, facts);
        return new AutoModel(inner, chosen, provenance, options);
    }

    /** E (see the class comment) of {@code forecaster} fitted on {@code [0, split)} over {@code [split, n)}. */
    double score(Forecaster forecaster, TimeSeries history, int split) {
        ForecastModel model;
        try {
            model = forecaster.fit(history.slice(0, split));
        } catch (RuntimeException e) {
            return Double.POSITIVE_INFINITY;
        }
        int h = options.horizon();
        int n = history.size();
        int first = split + h - 1;
        int stride = Math.max(1, (n - first) / MAX_ORIGINS);
        double loss = 0;
        double total = 0;
        double[] levels = {0.5};
        for (int t = first; t < n; t += stride) {
            double y = history.valueAt(t);
            if (!Double.isFinite(y)) {
                continue;
            }
            double p = model.forecast(history.slice(0, t - h + 1), h, levels).value(h - 1, 0);
            loss += y > p ? UNDER_WEIGHT * (y - p) : p - y;
            total += Math.abs(y);
        }
        return total == 0 ? Double.POSITIVE_INFINITY : loss / total;
    }

    /** The chosen model, with auto's provenance; a refit keeps the choice. */
    record AutoModel(ForecastModel inner, String chosen, ModelProvenance provenance, ForecastOptions options)
            implements ForecastModel, Refittable, BatchForecast {
        @Override
        public QuantileForecast forecast(TimeSeries history, int horizon, double[] levels) {
            return inner.forecast(history, horizon, levels);
        }

        @Override
        public QuantileForecast[] forecastAll(TimeSeries series, int[] origins, int horizon, double[] levels) {
            return Backtest.forecastAll(inner, series, origins, horizon, levels);
        }

        @Override
        public ForecastModel refit(TimeSeries history) {
            ForecastModel next = inner instanceof Refittable r ? r.refit(history)
                    : Forecasters.byName(chosen, options).fit(history);
            ModelProvenance p = provenance;
            return new AutoModel(next, chosen, new ModelProvenance(p.model(), history.start(), history.end(),
                    history.size(), p.step(), p.options(), p.seed(), p.version(), p.fallback(), p.fit()), options);
        }
    }
}
