package io.prescale.core.generate;

/**
 * The four shape measures of a load profile that {@link ProfileControls} set, all relative to the profile's
 * mean {@code m} (so they are unit-free): with a least-squares line {@code a + b·t}, a centred moving average
 * {@code S} (width ≈ steps/8, odd, ≥ 3) and residual {@code R = x − S},
 * <ul>
 *   <li>seasonality = std(S − line) / m, the amplitude of the smooth within-period shape;</li>
 *   <li>trend = (line(end) − line(start)) / m, the relative change over the profile;</li>
 *   <li>noise = std(R) / m, the step-to-step roughness;</li>
 *   <li>peakFactor = max(x) / m (≥ 1).</li>
 * </ul>
 *
 * @param seasonality ≥ 0
 * @param trend relative change, any sign
 * @param noise ≥ 0
 * @param peakFactor ≥ 1 for a non-negative profile
 */
public record ProfileShape(double seasonality, double trend, double noise, double peakFactor) {
    /** Measures a profile of rates (values ≥ 0, at least 3 steps). */
    public static ProfileShape measure(double[] x) {
        Parts parts = Parts.of(x);
        return new ProfileShape(
                std(parts.seasonal) / parts.mean,
                parts.slope * (x.length - 1) / parts.mean,
                std(parts.residual) / parts.mean,
                max(x) / parts.mean);
    }

    /** The measures as an array in declaration order. */
    double[] toArray() {
        return new double[] {seasonality, trend, noise, peakFactor};
    }

    /**
     * Reshapes {@code x} so that the measures set in {@code controls} hold: seasonal part and residual are
     * rescaled, the line replaced (keeping the mean), then the peak factor set exactly by stretching deviations
     * from the mean; values are clipped at 0. Unset controls keep the profile's own measure.
     */
    static double[] apply(double[] x, ProfileControls controls) {
        Parts parts = Parts.of(x);
        double m = parts.mean;
        double seasonalScale = ratio(controls.seasonality(), std(parts.seasonal) / m);
        double noiseScale = ratio(controls.noise(), std(parts.residual) / m);
        double slope = controls.trend() == null ? parts.slope : controls.trend() * m / (x.length - 1);
        double[] y = new double[x.length];
        double centre = (x.length - 1) / 2.0;
        for (int t = 0; t < x.length; t++) {
            y[t] = m + slope * (t - centre) + parts.seasonal[t] * seasonalScale + parts.residual[t] * noiseScale;
        }
        for (int t = 0; t < y.length; t++) {
            y[t] = Math.max(0, y[t]);
        }
        if (controls.peakFactor() != null) {
            setPeakFactor(y, controls.peakFactor());
        }
        return y;
    }

    /**
     * Stretches deviations from the mean so that max/mean = {@code target}; clipping at 0 moves the mean, so it
     * repeats until the factor holds to 1e-9 (or 100 rounds).
     */
    private static void setPeakFactor(double[] y, double target) {
        for (int round = 0; round < 100; round++) {
            double m = 0;
            for (double v : y) {
                m += v / y.length;
            }
            double top = max(y);
            if (m <= 0 || top <= m || Math.abs(top / m - target) < 1e-9) {
                return;
            }
            double stretch = (target * m - m) / (top - m);
            for (int t = 0; t < y.length; t++) {
                y[t] = Math.max(0, m + (y[t] - m) * stretch);
            }
        }
    }

    private static double ratio(Double target, double current) {
        if (target == null) {
            return 1;
        }
        return current > 1e-12 ? target / current : 0;
    }

    private static double max(double[] x) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            max = Math.max(max, v);
        }
        return max;
    }

    private static double std(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double sum = 0;
        for (double v : x) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / x.length);
    }

    /** Mean, line slope (centred at the middle step), seasonal part S − line, residual x − S. */
    private record Parts(double mean, double slope, double[] seasonal, double[] residual) {
        static Parts of(double[] x) {
            int n = x.length;
            if (n < 3) {
                throw new IllegalArgumentException("a profile needs at least 3 steps to measure its shape, got " + n);
            }
            double mean = 0;
            for (double v : x) {
                mean += v;
            }
            mean = Math.max(mean / n, 1e-9);
            double centre = (n - 1) / 2.0;
            double sxy = 0;
            double sxx = 0;
            for (int t = 0; t < n; t++) {
                sxy += (t - centre) * (x[t] - mean);
                sxx += (t - centre) * (t - centre);
            }
            double slope = sxy / sxx;
            int half = Math.max(1, n / 16);
            double[] seasonal = new double[n];
            double[] residual = new double[n];
            for (int t = 0; t < n; t++) {
                int from = Math.max(0, t - half);
                int to = Math.min(n - 1, t + half);
                double sum = 0;
                for (int u = from; u <= to; u++) {
                    sum += x[u];
                }
                double smooth = sum / (to - from + 1);
                seasonal[t] = smooth - (mean + slope * (t - centre));
                residual[t] = x[t] - smooth;
            }
            return new Parts(mean, slope, seasonal, residual);
        }
    }
}
