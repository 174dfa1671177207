package io.prescale.core.scale;

import io.prescale.core.forecast.ForecastModel;
import io.prescale.core.forecast.Forecaster;
import io.prescale.core.forecast.ModelProvenance;
import io.prescale.core.forecast.QuantileForecast;
import io.prescale.core.series.TimeSeries;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A forecaster that remembers its fits (by the fitted history's first and last time) and each fitted model's
 * forecasts (by the history's first and last time and the horizon), always at the same fixed levels. Fits and
 * forecasts are deterministic, so a replay of the past (the {@link RiskBudget}'s) that meets the same
 * histories as the live run gets the very same forecasts without recomputing them. Not thread-safe: one
 * simulated strategy owns it.
 */
final class ForecastMemo implements Forecaster {
    private final Forecaster inner;
    private final double[] levels;
    private final int maxForecasts;
    private final Map<String, MemoModel> models = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, MemoModel> eldest) {
            return size() > 16;
        }
    };

    /**
     * @param levels the levels every forecast is made at (strictly increasing); a request for another level is
     *     computed and not remembered
     * @param maxForecasts how many forecasts each model keeps (the oldest go first)
     */
    ForecastMemo(Forecaster inner, double[] levels, int maxForecasts) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.levels = levels.clone();
        this.maxForecasts = maxForecasts;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public ForecastModel fit(TimeSeries history) {
        String key = key(history, 0);
        MemoModel model = models.get(key);
        if (model == null) {
            model = new MemoModel(inner.fit(history));
            models.put(key, model);
        }
        return model;
    }

    private static String key(TimeSeries history, int horizon) {
        return key(history.start(), history.size(), horizon);
    }

    private static String key(Instant first, int size, int horizon) {
        return first + "|" + size + "|" + horizon;
    }

    /**
     * The remembered forecast of {@code model} (a model this memo fitted) for the history of {@code size} steps
     * from {@code first}, or null: lets a caller skip building the history when the forecast is known.
     */
    static QuantileForecast remembered(ForecastModel model, Instant first, int size, int horizon, double[] levels) {
        if (!(model instanceof MemoModel memo)) {
            return null;
        }
        for (double level : levels) {
            if (Arrays.binarySearch(memo.levels(), level) < 0) {
                return null;
            }
        }
        return memo.forecasts.get(key(first, size, horizon));
    }

    private final class MemoModel implements ForecastModel {
        double[] levels() {
            return levels;
        }

        private final ForecastModel model;
        private final Map<String, QuantileForecast> forecasts = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, QuantileForecast> eldest) {
                return size() > maxForecasts;
            }
        };

        MemoModel(ForecastModel model) {
            this.model = model;
        }

        @Override
        public QuantileForecast forecast(TimeSeries history, int horizon, double[] requested) {
            for (double level : requested) {
                if (Arrays.binarySearch(levels, level) < 0) {
                    return model.forecast(history, horizon, requested);
                }
            }
            String key = key(history, horizon);
            QuantileForecast forecast = forecasts.get(key);
            if (forecast == null) {
                forecast = model.forecast(history, horizon, levels);
                forecasts.put(key, forecast);
            }
            return forecast;
        }

        @Override
        public ModelProvenance provenance() {
            return model.provenance();
        }
    }
}
