package io.prescale.core.scale;

import io.prescale.core.forecast.ForecastModel;
import io.prescale.core.forecast.QuantileForecast;
import io.prescale.core.series.TimeSeries;
import java.time.Duration;
import java.util.Arrays;

/** The fitted {@link SeasonalQuantileForecaster}: its {@link SeasonalShape} and sorted scaled errors per horizon. */
final class SeasonalModel implements ForecastModel {
    private static final double[] SCORED_LEVELS = {0.5, 0.9, 0.95, 0.99};
    private static final double[] ERROR_POWERS = {0, 0.5, 1};
    private final SeasonalShape shape;
    private final double[][] sortedErrors;
    private final double scaleFloor;
    private final double errorPower;
    private final Duration step;

    SeasonalModel(SeasonalShape shape) {
        this(shape, null, 0, 0, null);
    }

    private SeasonalModel(
            SeasonalShape shape, double[][] sortedErrors, double scaleFloor, double errorPower, Duration step) {
        this.shape = shape;
        this.sortedErrors = sortedErrors;
        this.scaleFloor = scaleFloor;
        this.errorPower = errorPower;
        this.step = step;
    }

    @Override
    public QuantileForecast forecast(TimeSeries history, int horizon, double[] levels) {
        if (step != null && !history.step().equals(step)) {
            throw new IllegalArgumentException("history step " + history.step() + " differs from the model's " + step);
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be ≥ 1, got " + horizon);
        }
        int n = history.size();
        double[][] values = new double[horizon][levels.length];
        for (int h = 0; h < horizon; h++) {
            double point = point(history, n, h);
            double[] errors = sortedErrors[Math.min(h, sortedErrors.length - 1)];
            double scale = scale(point, scaleFloor, errorPower);
            for (int q = 0; q < levels.length; q++) {
                values[h][q] =
                        Double.isFinite(point) ? Math.max(0, point + quantile(errors, levels[q]) * scale) : Double.NaN;
            }
        }
        return new QuantileForecast(history.end(), history.step(), levels, values);
    }

    SeasonalShape shape() {
        return shape;
    }

    double point(TimeSeries y, int n, int h) {
        return shape.point(y, n, h);
    }

    double meanAbsoluteError(double[] y, int firstOrigin, int stride, int horizons) {
        TimeSeries series = TimeSeries.of(java.time.Instant.EPOCH, Duration.ofSeconds(1), y);
        double sum = 0;
        long count = 0;
        for (int o = firstOrigin; o < y.length; o += stride) {
            for (int h = 0; h < horizons && o + h < y.length; h++) {
                double actual = y[o + h];
                double predicted = point(series, o, h);
                if (Double.isFinite(actual) && Double.isFinite(predicted)) {
                    sum += Math.abs(actual - predicted);
                    count++;
                }
            }
        }
        return count == 0 ? Double.POSITIVE_INFINITY : sum / count;
    }

    /**
     * The model with its error quantiles: relative errors (y − ŷ)/g(ŷ), g = max(|ŷ|, floor)^p, per horizon, with
     * p ∈ {0, ½, 1} (absolute, square-root, relative) chosen by the mean pinball loss at p50/p90/p95/p99.
     */
    SeasonalModel withResiduals(double[] y, int firstOrigin, int stride, int horizons, Duration seriesStep) {
        TimeSeries series = TimeSeries.of(java.time.Instant.EPOCH, Duration.ofSeconds(1), y);
        double floor = Math.max(0.05 * meanAbs(y), 1e-9);
        int origins = (y.length - firstOrigin + stride - 1) / stride;
        double[][] predicted = new double[horizons][origins];
        for (int h = 0; h < horizons; h++) {
            int m = 0;
            for (int o = firstOrigin; o < y.length; o += stride) {
                predicted[h][m++] = o + h < y.length ? point(series, o, h) : Double.NaN;
            }
        }
        double bestLoss = Double.POSITIVE_INFINITY;
        SeasonalModel best = null;
        for (double power : ERROR_POWERS) {
            double[][] errors = errors(y, firstOrigin, stride, predicted, floor, power);
            if (errors.length == 0) {
                break;
            }
            SeasonalModel candidate = new SeasonalModel(shape, errors, floor, power, seriesStep);
            double loss = candidate.pinball(y, firstOrigin, stride, predicted);
            if (loss < bestLoss) {
                bestLoss = loss;
                best = candidate;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("too few finite values in the last " + (y.length - firstOrigin)
                    + " steps to estimate forecast errors");
        }
        return best;
    }

    private static double[][] errors(
            double[] y, int firstOrigin, int stride, double[][] predicted, double floor, double power) {
        double[][] errors = new double[predicted.length][];
        for (int h = 0; h < predicted.length; h++) {
            double[] e = new double[predicted[h].length];
            int m = 0;
            int i = 0;
            for (int o = firstOrigin; o < y.length; o += stride, i++) {
                double p = predicted[h][i];
                if (o + h < y.length && Double.isFinite(y[o + h]) && Double.isFinite(p)) {
                    e[m++] = (y[o + h] - p) / scale(p, floor, power);
                }
            }
            if (m < 10) {
                return Arrays.copyOf(errors, h);
            }
            errors[h] = Arrays.copyOf(e, m);
            Arrays.sort(errors[h]);
        }
        return errors;
    }

    private double pinball(double[] y, int firstOrigin, int stride, double[][] predicted) {
        double loss = 0;
        long count = 0;
        for (int h = 0; h < Math.min(sortedErrors.length, 16); h++) {
            int i = 0;
            for (int o = firstOrigin; o + h < y.length; o += stride, i++) {
                double p = predicted[h][i];
                if (!Double.isFinite(y[o + h]) || !Double.isFinite(p)) {
                    continue;
                }
                for (double level : SCORED_LEVELS) {
                    double q = Math.max(0, p + quantile(sortedErrors[h], level) * scale(p, scaleFloor, errorPower));
                    double diff = y[o + h] - q;
                    loss += diff >= 0 ? level * diff : (level - 1) * diff;
                    count++;
                }
            }
        }
        return count == 0 ? Double.POSITIVE_INFINITY : loss / count;
    }

    private static double scale(double point, double floor, double power) {
        double base = Math.max(Math.abs(point), floor);
        return power == 0 ? 1 : power == 1 ? base : Math.sqrt(base);
    }

    private static double meanAbs(double[] y) {
        double sum = 0;
        int count = 0;
        for (double v : y) {
            if (Double.isFinite(v)) {
                sum += Math.abs(v);
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }

    /** Linear interpolation between order statistics (Hyndman and Fan 1996, type 7). */
    static double quantile(double[] sorted, double level) {
        double position = level * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(sorted.length - 1, lower + 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }

    @Override
    public String toString() {
        return "seasonal-quantile[" + shape + ", error power=" + errorPower + "]";
    }
}
