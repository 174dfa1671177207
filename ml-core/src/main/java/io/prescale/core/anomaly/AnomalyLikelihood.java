package io.prescale.core.anomaly;

/**
 * Calibrates raw anomaly scores into [0, 1] as the anomaly likelihood of S. Ahmad, A. Lavin, S. Purdy and
 * Z. Agha, "Unsupervised real-time anomaly detection for streaming data", Neurocomputing 262 (2017) 134–147,
 * §4.2: the mean of the last {@code shortWindow} raw scores is compared with a normal distribution fitted to the
 * last {@code longWindow} raw scores; the likelihood is L = 1 − Q((μ̃ − μ)/σ) and the reported score is the
 * log form {@code ln(1 + 1e−10 − L) / ln(1e−10)} used by NAB's numenta detector, which spreads the tail near 1.
 * Causal: score i uses raw scores ≤ i. The lower bounds on the mean (0.03) and variance (0.0003) are the
 * reference implementation's guards against a flat history.
 */
final class AnomalyLikelihood {
    private static final double LOG_EPSILON = Math.log(1e-10);

    /**
     * @param shortWindow raw scores averaged for the current level (paper: 10)
     * @param longWindow  raw scores in the fitted distribution
     * @param learning    raw scores needed before a likelihood is reported (earlier rows score 0)
     */
    record Options(int shortWindow, int longWindow, int learning) {
        Options {
            if (shortWindow < 1 || longWindow <= shortWindow || learning < 2) {
                throw new IllegalArgumentException("need 1 ≤ shortWindow < longWindow and learning ≥ 2, got "
                        + shortWindow + ", " + longWindow + ", " + learning);
            }
        }

        static Options defaults() {
            return new Options(10, 2000, 64);
        }
    }

    private AnomalyLikelihood() {}

    /**
     * Calibrated scores; {@code valid[i]} false marks rows without a raw score yet (they are skipped and score 0)
     * or gaps (NaN out).
     */
    static double[] calibrate(double[] raw, boolean[] valid, Options options) {
        double[] out = new double[raw.length];
        double[] history = new double[raw.length];
        int n = 0;
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < raw.length; i++) {
            if (!valid[i]) {
                out[i] = Double.isNaN(raw[i]) ? Double.NaN : 0;
                continue;
            }
            history[n++] = raw[i];
            sum += raw[i];
            sumSquares += raw[i] * raw[i];
            if (n > options.longWindow()) {
                double old = history[n - 1 - options.longWindow()];
                sum -= old;
                sumSquares -= old * old;
            }
            if (n < options.learning()) {
                continue;
            }
            int count = Math.min(n, options.longWindow());
            double mean = Math.max(0.03, sum / count);
            double variance = Math.max(0.0003, sumSquares / count - (sum / count) * (sum / count));
            double recent = 0;
            int k = Math.min(n, options.shortWindow());
            for (int j = n - k; j < n; j++) {
                recent += history[j];
            }
            double z = (recent / k - mean) / Math.sqrt(variance);
            out[i] = logScore(tail(z));
        }
        return out;
    }

    /** Q(z) = P(Z > z) for a standard normal Z. */
    static double tail(double z) {
        return 0.5 * erfc(z / Math.sqrt(2));
    }

    /** The log form of the likelihood L = 1 − q, in [0, 1]. */
    static double logScore(double q) {
        return Math.min(1, Math.max(0, Math.log(q + 1e-10) / LOG_EPSILON));
    }

    /** Complementary error function, Chebyshev fit with fractional error below 1.2e-7 (Numerical Recipes §6.2). */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t
                * Math.exp(
                        -z * z
                                - 1.26551223
                                + t
                                        * (1.00002368
                                                + t
                                                        * (0.37409196
                                                                + t
                                                                        * (0.09678418
                                                                                + t
                                                                                        * (-0.18628806
                                                                                                + t
                                                                                                        * (0.27886807
                                                                                                                + t
                                                                                                                        * (-1.13520398
                                                                                                                                + t
                                                                                                                                        * (1.48851587
                                                                                                                                                + t
                                                                                                                                                        * (-0.82215223
                                                                                                                                                                + t
                                                                                                                                                                        * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
