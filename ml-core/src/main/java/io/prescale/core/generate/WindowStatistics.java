package io.prescale.core.generate;

/**
 * Distribution checks that need no network: the autocorrelation distance (the ACF comparison of DoppelGANger,
 * Lin et al., IMC 2020) and the nearest-neighbour memorisation ratio.
 */
final class WindowStatistics {
    private WindowStatistics() {}

    /**
     * Mean over features and lags 1..W−1 of the squared difference between the mean within-window ACF of
     * {@code a} and of {@code b}.
     */
    static double acfDistance(double[][][] a, double[][][] b) {
        int steps = a[0].length;
        int features = a[0][0].length;
        double sum = 0;
        for (int f = 0; f < features; f++) {
            double[] acfA = meanAcf(a, f);
            double[] acfB = meanAcf(b, f);
            for (int lag = 1; lag < steps; lag++) {
                sum += (acfA[lag] - acfB[lag]) * (acfA[lag] - acfB[lag]);
            }
        }
        return sum / (features * (steps - 1));
    }

    private static double[] meanAcf(double[][][] windows, int f) {
        int steps = windows[0].length;
        double[] acf = new double[steps];
        for (double[][] w : windows) {
            double mean = 0;
            for (double[] step : w) {
                mean += step[f];
            }
            mean /= steps;
            double var = 0;
            for (double[] step : w) {
                var += (step[f] - mean) * (step[f] - mean);
            }
            if (var <= 1e-12) {
                continue;
            }
            for (int lag = 1; lag < steps; lag++) {
                double c = 0;
                for (int t = 0; t + lag < steps; t++) {
                    c += (w[t][f] - mean) * (w[t + lag][f] - mean);
                }
                acf[lag] += c / var / windows.length;
            }
        }
        return acf;
    }

    /** Median over {@code queries} of the Euclidean distance to the nearest window in {@code reference}. */
    static double medianNearestDistance(double[][][] queries, double[][][] reference) {
        float[][] ref = flatten(reference);
        float[][] q = flatten(queries);
        double[] nearest = new double[q.length];
        java.util.stream.IntStream.range(0, q.length).parallel().forEach(i -> {
            float[] x = q[i];
            double best = Double.POSITIVE_INFINITY;
            for (float[] r : ref) {
                double d = 0;
                for (int k = 0; k < x.length && d < best; k++) {
                    double diff = x[k] - r[k];
                    d += diff * diff;
                }
                best = Math.min(best, d);
            }
            nearest[i] = Math.sqrt(best);
        });
        java.util.Arrays.sort(nearest);
        int mid = nearest.length / 2;
        return nearest.length % 2 == 1 ? nearest[mid] : (nearest[mid - 1] + nearest[mid]) / 2;
    }

    private static float[][] flatten(double[][][] windows) {
        float[][] out = new float[windows.length][];
        for (int i = 0; i < windows.length; i++) {
            int steps = windows[i].length;
            int features = windows[i][0].length;
            out[i] = new float[steps * features];
            for (int t = 0; t < steps; t++) {
                for (int f = 0; f < features; f++) {
                    out[i][t * features + f] = (float) windows[i][t][f];
                }
            }
        }
        return out;
    }
}
