package io.prescale.core.forecast;

import io.prescale.core.series.TimeSeries;
import java.util.Arrays;
import java.util.Objects;

/**
 * The rolling-origin backtest of issue 3 (Tashman 2000, "Out-of-sample tests of forecasting accuracy"): see
 * {@link BacktestSpec}. NaN targets are skipped and counted. Forecasts ask for p10/p50/p90; the median is the
 * point forecast.
 */
public final class Backtest {
    private Backtest() {
    }

    /** Runs {@code forecaster} over {@code series} as {@code spec} says. */
    public static BacktestResult run(TimeSeries series, Forecaster forecaster, BacktestSpec spec) {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(forecaster, "forecaster");
        int n = series.size();
        if (spec.testFrom() >= n) {
            throw new IllegalArgumentException("testFrom " + spec.testFrom() + " is not inside the series of " + n
                    + " steps");
        }
        double[] y = series.values();
        double scale = ForecastMetrics.maseScale(y, spec.testFrom(), Seasonality.weekly(series.step()),
                Seasonality.daily(series.step()));
        int targets = n - spec.testFrom();
        double[][] q = new double[3][targets];
        double[] actual = new double[targets];
        int scored = 0;
        int skipped = 0;
        int h = spec.horizon();
        ForecastModel model = null;
        int fitEnd = -1;
        long fitNanos = 0;
        long predictNanos = 0;
        int predictions = 0;
        String fallback = null;
        for (int t = spec.testFrom(); t < n; t++) {
            if (!Double.isFinite(y[t])) {
                skipped++;
                continue;
            }
            int origin = t - h + 1;
            if (model == null || origin - fitEnd >= spec.refitEvery()) {
                long start = System.nanoTime();
                TimeSeries history = series.slice(0, origin);
                model = model instanceof Refittable refittable ? refittable.refit(history) : forecaster.fit(history);
                fitNanos += System.nanoTime() - start;
                fitEnd = origin;
                if (fallback == null && model.provenance() != null) {
                    fallback = model.provenance().fallback();
                }
            }
            long start = System.nanoTime();
            QuantileForecast forecast = model.forecast(series.slice(0, origin), h, ForecastMetrics.LEVELS);
            predictNanos += System.nanoTime() - start;
            predictions++;
            for (int k = 0; k < 3; k++) {
                q[k][scored] = forecast.value(h - 1, k);
            }
            actual[scored++] = y[t];
        }
        ForecastMetrics metrics = ForecastMetrics.of(Arrays.copyOf(actual, scored), Arrays.copyOf(q[0], scored),
                Arrays.copyOf(q[1], scored), Arrays.copyOf(q[2], scored), scale);
        return new BacktestResult(forecaster.name(), metrics, skipped, fitNanos / 1e9,
                predictions == 0 ? 0 : predictNanos / 1e3 / predictions, fallback,
                model == null || model.provenance() == null ? null : model.provenance().fit());
    }
}
