package io.prescale.core.forecast;

import java.util.Arrays;

/**
 * Empirical forecast-error quantiles per horizon step, from a rolling-origin pass of the fitted model over the
 * end of its training data. Errors are relative to a scale {@code max(|ŷ|, floor)} so that one distribution
 * serves quiet nights and busy afternoons. Beyond the calibrated horizon the last step's errors widen by
 * √(h/H). Quantiles are monotone in the level by construction, so they never cross.
 */
final class ResidualQuantiles {
    private final double[][] sorted;
    private final double floor;

    ResidualQuantiles(double[][] errors, double floor) {
        this.sorted = new double[errors.length][];
        for (int h = 0; h < errors.length; h++) {
            double[] e = errors[h].clone();
            Arrays.sort(e);
            sorted[h] = e;
        }
        this.floor = floor;
    }

    double floor() {
        return floor;
    }

    double[][] errors() {
        double[][] copy = new double[sorted.length][];
        for (int h = 0; h < sorted.length; h++) {
            copy[h] = sorted[h].clone();
        }
        return copy;
    }

    int calibratedHorizon() {
        return sorted.length;
    }

    /** Scale of step {@code h}'s errors for point forecast {@code point}. */
    double scale(double point) {
        return Math.max(Math.abs(point), floor);
    }

    /** The {@code level} quantile of the forecast at step {@code h} (0-based) around {@code point}. */
    double quantile(int h, double point, double level) {
        return point + scale(point) * relativeQuantile(h, level);
    }

    double relativeQuantile(int h, double level) {
        int last = sorted.length - 1;
        int k = Math.min(h, last);
        while (k > 0 && sorted[k].length < 10) {
            k--;
        }
        double[] e = sorted[k];
        if (e.length == 0) {
            return 0;
        }
        double q = empirical(e, level);
        if (h > last) {
            q *= Math.sqrt((h + 1.0) / (last + 1.0));
        }
        return q;
    }

    /** Type-7 empirical quantile of sorted values. */
    static double empirical(double[] sortedValues, double level) {
        double pos = level * (sortedValues.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sortedValues.length - 1);
        return sortedValues[lo] + (pos - lo) * (sortedValues[hi] - sortedValues[lo]);
    }
}
