package io.prescale.core.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * Quantile forecasts for the steps after {@code origin}: {@code values[h][q]} is the forecast of quantile
 * {@code levels[q]} for step {@code h} (step 0 starts at {@code origin}). Levels are strictly increasing in
 * (0, 1) and quantiles do not cross. Immutable; arrays are copied in and out.
 */
public final class QuantileForecast {
    private final Instant origin;
    private final Duration step;
    private final double[] levels;
    private final double[][] values;

    public QuantileForecast(Instant origin, Duration step, double[] levels, double[][] values) {
        this.origin = Objects.requireNonNull(origin, "origin");
        this.step = Objects.requireNonNull(step, "step");
        if (step.isZero() || step.isNegative()) {
            throw new IllegalArgumentException("step must be positive, got " + step);
        }
        Objects.requireNonNull(levels, "levels");
        Objects.requireNonNull(values, "values");
        for (int q = 0; q < levels.length; q++) {
            if (!(levels[q] > 0 && levels[q] < 1) || (q > 0 && levels[q] <= levels[q - 1])) {
                throw new IllegalArgumentException(
                        "levels must be strictly increasing in (0, 1), got " + Arrays.toString(levels));
            }
        }
        this.levels = levels.clone();
        this.values = new double[values.length][];
        for (int h = 0; h < values.length; h++) {
            if (values[h].length != levels.length) {
                throw new IllegalArgumentException(
                        "step " + h + " has " + values[h].length + " quantiles, expected " + levels.length);
            }
            for (int q = 1; q < levels.length; q++) {
                if (values[h][q] < values[h][q - 1]) {
                    throw new IllegalArgumentException(
                            "quantiles cross at step " + h + ": " + Arrays.toString(values[h]));
                }
            }
            this.values[h] = values[h].clone();
        }
    }

    public Instant origin() {
        return origin;
    }

    public Duration step() {
        return step;
    }

    /** Number of forecast steps. */
    public int horizon() {
        return values.length;
    }

    public double[] levels() {
        return levels.clone();
    }

    /** Forecast of quantile {@code levels[q]} at step {@code h}. */
    public double value(int h, int q) {
        return values[h][q];
    }

    /**
     * The forecast path of one level, which must be one of {@link #levels()}.
     *
     * @throws IllegalArgumentException naming the level and the available ones
     */
    public double[] quantile(double level) {
        int q = indexOfLevel(level);
        double[] path = new double[values.length];
        for (int h = 0; h < values.length; h++) {
            path[h] = values[h][q];
        }
        return path;
    }

    /** Index of {@code level} in {@link #levels()}, within 1e-9. */
    public int indexOfLevel(double level) {
        for (int q = 0; q < levels.length; q++) {
            if (Math.abs(levels[q] - level) < 1e-9) {
                return q;
            }
        }
        throw new IllegalArgumentException(
                "level " + level + " is not forecast; available: " + Arrays.toString(levels));
    }

    /** Start of forecast step {@code h}. */
    public Instant timeAt(int h) {
        return origin.plus(step.multipliedBy(h));
    }

    @Override
    public String toString() {
        return "QuantileForecast[origin=" + origin + ", step=" + step + ", horizon=" + values.length + ", levels="
                + Arrays.toString(levels) + "]";
    }
}
