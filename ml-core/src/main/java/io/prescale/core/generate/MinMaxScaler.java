package io.prescale.core.generate;

import java.util.Arrays;

/**
 * TimeGAN's per-feature min-max scaling (Yoon et al., NeurIPS 2019, {@code data_loading.py}):
 * {@code (x - min) / (max - min + 1e-7)}, so fitted data lies in [0, 1]. Immutable; arrays copied in and out.
 *
 * @param min per-feature minimum of the fitted rows
 * @param max per-feature maximum of the fitted rows
 */
public record MinMaxScaler(double[] min, double[] max) {
    static final double EPSILON = 1e-7;

    public MinMaxScaler {
        if (min == null || max == null || min.length != max.length || min.length == 0) {
            throw new IllegalArgumentException("scaler min and max must be non-empty and of equal length, got "
                    + (min == null ? "null" : min.length) + " and " + (max == null ? "null" : max.length));
        }
        min = min.clone();
        max = max.clone();
    }

    /** The largest magnitude a training value may have: beyond it the networks' arithmetic overflows. */
    public static final double MAX_MAGNITUDE = 1e12;

    /**
     * Fits on rows × features, the last feature being the load (as {@link LoadModel} lays them out).
     *
     * @throws IllegalArgumentException naming the row and feature of a value that is not finite, exceeds
     *                                  {@value #MAX_MAGNITUDE} in magnitude, or is a negative load
     */
    public static MinMaxScaler fit(double[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("no rows to fit the scaling on");
        }
        int features = rows[0].length;
        for (int r = 0; r < rows.length; r++) {
            for (int f = 0; f < features; f++) {
                double value = rows[r][f];
                if (!Double.isFinite(value) || Math.abs(value) > MAX_MAGNITUDE) {
                    throw new IllegalArgumentException("training value at row " + r + ", feature " + f + " is " + value
                            + "; expected a finite number of magnitude at most " + MAX_MAGNITUDE);
                }
                if (f == features - 1 && value < 0) {
                    throw new IllegalArgumentException(
                            "load at row " + r + " is " + value + "; loads must be >= 0 (requests cannot be negative)");
                }
            }
        }
        double[] min = new double[features];
        double[] max = new double[features];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (double[] row : rows) {
            for (int f = 0; f < features; f++) {
                min[f] = Math.min(min[f], row[f]);
                max[f] = Math.max(max[f], row[f]);
            }
        }
        return new MinMaxScaler(min, max);
    }

    public int features() {
        return min.length;
    }

    public double scale(int feature, double value) {
        return (value - min[feature]) / (max[feature] - min[feature] + EPSILON);
    }

    public double unscale(int feature, double scaled) {
        return scaled * (max[feature] - min[feature] + EPSILON) + min[feature];
    }

    @Override
    public double[] min() {
        return min.clone();
    }

    @Override
    public double[] max() {
        return max.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MinMaxScaler other && Arrays.equals(min, other.min) && Arrays.equals(max, other.max);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(min) + Arrays.hashCode(max);
    }

    @Override
    public String toString() {
        return "MinMaxScaler[min=" + Arrays.toString(min) + ", max=" + Arrays.toString(max) + "]";
    }
}
