package io.prescale.core.anomaly;

/**
 * Causal window features of a row sequence: row i's features use rows ≤ i only, so they serve the streaming form
 * as well as batch scoring. Per row: the value, its first difference, the short-window mean minus the
 * long-window mean (a level shift), the short-window standard deviation (a burst of noise or a flat line), and
 * the long-window standard deviation (a change of regime). A gap (NaN) carries the last finite value forward.
 */
final class WindowFeatures {
    static final int DIMENSIONS = 5;

    /**
     * @param shortWindow rows in the short window (default 6)
     * @param longWindow  rows in the long window (default 60)
     */
    record Options(int shortWindow, int longWindow) {
        Options {
            if (shortWindow < 2 || longWindow <= shortWindow) {
                throw new IllegalArgumentException(
                        "windows must satisfy 2 ≤ shortWindow < longWindow, got " + shortWindow + " and " + longWindow);
            }
        }

        static Options defaults() {
            return new Options(6, 60);
        }
    }

    private WindowFeatures() {}

    /** One feature vector per row. */
    static double[][] of(double[] rows, Options options) {
        double[] x = carryForward(rows);
        double[][] features = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            features[i] = at(x, i, options);
        }
        return features;
    }

    static double[] at(double[] x, int i, Options options) {
        double previous = i > 0 ? x[i - 1] : x[i];
        double shortMean = mean(x, i, options.shortWindow());
        double longMean = mean(x, i, options.longWindow());
        return new double[] {
            x[i],
            x[i] - previous,
            shortMean - longMean,
            std(x, i, options.shortWindow(), shortMean),
            std(x, i, options.longWindow(), longMean)
        };
    }

    private static double mean(double[] x, int i, int window) {
        int from = Math.max(0, i - window + 1);
        double sum = 0;
        for (int k = from; k <= i; k++) {
            sum += x[k];
        }
        return sum / (i - from + 1);
    }

    private static double std(double[] x, int i, int window, double mean) {
        int from = Math.max(0, i - window + 1);
        double sum = 0;
        for (int k = from; k <= i; k++) {
            double d = x[k] - mean;
            sum += d * d;
        }
        return Math.sqrt(sum / (i - from + 1));
    }

    /** NaN rows take the last finite value (0 before the first one). */
    static double[] carryForward(double[] rows) {
        double[] x = new double[rows.length];
        double last = Double.NaN;
        for (double v : rows) {
            if (!Double.isNaN(v)) {
                last = v;
                break;
            }
        }
        if (Double.isNaN(last)) {
            last = 0;
        }
        for (int i = 0; i < rows.length; i++) {
            if (!Double.isNaN(rows[i])) {
                last = rows[i];
            }
            x[i] = last;
        }
        return x;
    }
}
