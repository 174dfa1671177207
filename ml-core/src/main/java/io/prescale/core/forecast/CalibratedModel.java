package io.prescale.core.forecast;

import io.prescale.core.series.TimeSeries;
import java.util.Arrays;
import java.util.Objects;

/**
 * A {@link Predictor} with empirical error quantiles per horizon (see {@link ResidualQuantiles}): the forecast
 * of level τ at step h is {@code ŷ_h + scale(ŷ_h)·Q_τ(e_h)}. For count series (training data never negative)
 * quantiles are clipped at 0, which keeps their order.
 */
final class CalibratedModel implements ForecastModel, BatchForecast {
    private static final int MAX_ORIGINS = 400;
    private final Predictor predictor;
    private final ResidualQuantiles residuals;
    private final ModelProvenance provenance;
    private final boolean nonNegative;

    CalibratedModel(Predictor predictor, ResidualQuantiles residuals, ModelProvenance provenance, boolean nonNegative) {
        this.predictor = Objects.requireNonNull(predictor, "predictor");
        this.residuals = Objects.requireNonNull(residuals, "residuals");
        this.provenance = Objects.requireNonNull(provenance, "provenance");
        this.nonNegative = nonNegative;
    }

    /**
     * Calibrates {@code predictor} on the end of {@code training}: forecasts from up to 400 origins spread over
     * the newest quarter of the data (at most four weeks) and collects the relative errors per step.
     */
    static CalibratedModel calibrate(
            Predictor predictor, TimeSeries training, int horizon, ModelProvenance provenance) {
        double[] y = training.values();
        int n = y.length;
        int window =
                Math.max(Math.min(n / 4, Math.max(Seasonality.weekly(training.step()) * 4, 2000)), Math.min(n - 2, 50));
        int first = Math.max(2, n - window);
        int stride = Math.max(1, (n - first) / MAX_ORIGINS);
        double floor = Math.max(1e-9, 0.1 * Gaps.meanAbs(y));
        double[][] errors = collect(predictor, training, horizon, first, stride, floor);
        return new CalibratedModel(predictor, new ResidualQuantiles(errors, floor), provenance, isNonNegative(y));
    }

    private static double[][] collect(
            Predictor predictor, TimeSeries training, int horizon, int first, int stride, double floor) {
        double[] y = training.values();
        int n = y.length;
        double[][] buffer = new double[horizon][(n - first) / stride + 1];
        int[] counts = new int[horizon];
        int[] origins = new int[(n - 1 - first) / stride + 1];
        for (int i = 0; i < origins.length; i++) {
            origins[i] = first + i * stride;
        }
        double[][] points = predictor.points(y, training.start(), origins, horizon);
        for (int i = 0; i < origins.length; i++) {
            int origin = origins[i];
            double[] point = points[i];
            for (int h = 0; h < horizon && origin + h < n; h++) {
                double actual = y[origin + h];
                if (Double.isFinite(actual) && Double.isFinite(point[h])) {
                    buffer[h][counts[h]++] = (actual - point[h]) / Math.max(Math.abs(point[h]), floor);
                }
            }
        }
        double[][] errors = new double[horizon][];
        for (int h = 0; h < horizon; h++) {
            errors[h] = Arrays.copyOf(buffer[h], counts[h]);
        }
        return errors;
    }

    static boolean isNonNegative(double[] y) {
        for (double v : y) {
            if (v < 0) {
                return false;
            }
        }
        return true;
    }

    Predictor predictor() {
        return predictor;
    }

    ResidualQuantiles residuals() {
        return residuals;
    }

    boolean nonNegative() {
        return nonNegative;
    }

    @Override
    public ModelProvenance provenance() {
        return provenance;
    }

    CalibratedModel withProvenance(ModelProvenance newProvenance) {
        return new CalibratedModel(predictor, residuals, newProvenance, nonNegative);
    }

    @Override
    public QuantileForecast forecast(TimeSeries history, int horizon, double[] levels) {
        checkRequest(history, horizon, levels, provenance);
        return quantiles(predictor.point(history.values(), history.start(), horizon), history.end(), history, levels);
    }

    @Override
    public QuantileForecast[] forecastAll(TimeSeries series, int[] origins, int horizon, double[] levels) {
        checkRequest(series, horizon, levels, provenance);
        double[][] points = predictor.points(series.values(), series.start(), origins, horizon);
        QuantileForecast[] out = new QuantileForecast[origins.length];
        for (int i = 0; i < origins.length; i++) {
            out[i] = quantiles(points[i], series.timeAt(origins[i]), series, levels);
        }
        return out;
    }

    private QuantileForecast quantiles(double[] point, java.time.Instant origin, TimeSeries series, double[] levels) {
        int horizon = point.length;
        double[][] values = new double[horizon][levels.length];
        for (int h = 0; h < horizon; h++) {
            double p = Double.isFinite(point[h]) ? point[h] : 0;
            for (int q = 0; q < levels.length; q++) {
                double v = residuals.quantile(h, p, levels[q]);
                values[h][q] = nonNegative ? Math.max(0, v) : v;
            }
            for (int q = 1; q < levels.length; q++) {
                values[h][q] = Math.max(values[h][q], values[h][q - 1]);
            }
        }
        return new QuantileForecast(origin, series.step(), levels, values);
    }

    static void checkRequest(TimeSeries history, int horizon, double[] levels, ModelProvenance provenance) {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(levels, "levels");
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1 step, got " + horizon);
        }
        if (!history.step().equals(provenance.step())) {
            throw new IllegalArgumentException(
                    "history step " + history.step() + " differs from the model's step " + provenance.step());
        }
        if (history.isEmpty()) {
            throw new IllegalArgumentException("history must not be empty");
        }
    }
}
