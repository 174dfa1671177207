package io.prescale.core.forecast;

import io.prescale.core.series.TimeSeries;
import java.util.Objects;

/**
 * The rolling-origin backtest (Tashman 2000, "Out-of-sample tests of forecasting accuracy"): see
 * {@link BacktestSpec}. NaN targets are skipped and counted. Forecasts ask for p10/p50/p90; the median is the
 * point forecast. The origins between two refits are forecast in one batch when the model can.
 */
public final class Backtest {
    private Backtest() {}

    /** Runs {@code forecaster} over {@code series} as {@code spec} says. */
    public static BacktestResult run(TimeSeries series, Forecaster forecaster, BacktestSpec spec) {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(forecaster, "forecaster");
        int n = series.size();
        if (spec.testFrom() >= n) {
            throw new IllegalArgumentException(
                    "testFrom " + spec.testFrom() + " is not inside the series of " + n + " steps");
        }
        double[] y = series.values();
        double scale = ForecastMetrics.maseScale(
                y, spec.testFrom(), Seasonality.weekly(series.step()), Seasonality.daily(series.step()));
        int h = spec.horizon();
        int[] targets = new int[n - spec.testFrom()];
        int count = 0;
        for (int t = spec.testFrom(); t < n; t++) {
            if (Double.isFinite(y[t])) {
                targets[count++] = t;
            }
        }
        int skipped = n - spec.testFrom() - count;
        double[][] q = new double[3][count];
        ForecastModel model = null;
        long fitNanos = 0;
        long predictNanos = 0;
        String fallback = null;
        for (int i = 0; i < count; ) {
            int fitEnd = targets[i] - h + 1;
            long start = System.nanoTime();
            TimeSeries history = series.slice(0, fitEnd);
            model = model instanceof Refittable refittable ? refittable.refit(history) : forecaster.fit(history);
            fitNanos += System.nanoTime() - start;
            if (fallback == null && model.provenance() != null) {
                fallback = model.provenance().fallback();
            }
            int j = i;
            while (j < count && targets[j] - h + 1 - fitEnd < spec.refitEvery()) {
                j++;
            }
            int[] origins = new int[j - i];
            for (int k = i; k < j; k++) {
                origins[k - i] = targets[k] - h + 1;
            }
            start = System.nanoTime();
            QuantileForecast[] forecasts =
                    forecastAll(model, series.slice(0, targets[j - 1] - h + 1), origins, h, ForecastMetrics.LEVELS);
            predictNanos += System.nanoTime() - start;
            for (int k = i; k < j; k++) {
                for (int level = 0; level < 3; level++) {
                    q[level][k] = forecasts[k - i].value(h - 1, level);
                }
            }
            i = j;
        }
        double[] actual = new double[count];
        for (int k = 0; k < count; k++) {
            actual[k] = y[targets[k]];
        }
        ForecastMetrics metrics = ForecastMetrics.of(actual, q[0], q[1], q[2], scale);
        return new BacktestResult(
                forecaster.name(),
                metrics,
                skipped,
                fitNanos / 1e9,
                count == 0 ? 0 : predictNanos / 1e3 / count,
                fallback,
                model == null || model.provenance() == null
                        ? null
                        : model.provenance().fit());
    }

    /**
     * Forecasts from each origin of {@code series} (history {@code [0, origin)}), in one batch when the model
     * supports it. {@code series} must not extend past the last origin, so no forecast can see its target.
     */
    static QuantileForecast[] forecastAll(
            ForecastModel model, TimeSeries series, int[] origins, int horizon, double[] levels) {
        if (model instanceof BatchForecast batch) {
            return batch.forecastAll(series, origins, horizon, levels);
        }
        QuantileForecast[] out = new QuantileForecast[origins.length];
        for (int i = 0; i < origins.length; i++) {
            out[i] = model.forecast(series.slice(0, origins[i]), horizon, levels);
        }
        return out;
    }
}
