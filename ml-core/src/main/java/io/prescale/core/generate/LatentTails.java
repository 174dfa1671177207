package io.prescale.core.generate;

import java.util.random.RandomGenerator;

/**
 * Draws from the tails of a standard normal latent space: a uniform direction, and a radius whose squared value
 * lies beyond the {@code 1 − p} quantile of χ²(d) (Wilson &amp; Hilferty's cube-root approximation, PNAS 1931,
 * with Acklam's rational approximation of the normal quantile), so that only a fraction {@code p} of ordinary
 * prior draws would reach that far.
 */
final class LatentTails {
    private LatentTails() {}

    static float[] draw(RandomGenerator random, int n, int dims, double tailProbability) {
        if (!(tailProbability > 0 && tailProbability < 1)) {
            throw new IllegalArgumentException("tail probability must be in (0, 1), got " + tailProbability);
        }
        float[] z = new float[n * dims];
        for (int i = 0; i < n; i++) {
            double p = tailProbability * (0.05 + 0.95 * random.nextDouble());
            double radius = Math.sqrt(chiSquareQuantile(1 - p, dims));
            double[] direction = new double[dims];
            double norm = 0;
            for (int k = 0; k < dims; k++) {
                direction[k] = random.nextGaussian();
                norm += direction[k] * direction[k];
            }
            norm = Math.sqrt(norm);
            for (int k = 0; k < dims; k++) {
                z[i * dims + k] = (float) (direction[k] / norm * radius);
            }
        }
        return z;
    }

    static double chiSquareQuantile(double q, int dims) {
        double a = 2.0 / (9.0 * dims);
        double base = 1 - a + normalQuantile(q) * Math.sqrt(a);
        return dims * Math.max(0, base * base * base);
    }

    /** Acklam's approximation of the standard normal quantile, relative error &lt; 1.2e-9. */
    static double normalQuantile(double p) {
        double[] a = {
            -3.969683028665376e+01,
            2.209460984245205e+02,
            -2.759285104469687e+02,
            1.383577518672690e+02,
            -3.066479806614716e+01,
            2.506628277459239e+00
        };
        double[] b = {
            -5.447609879822406e+01,
            1.615858368580409e+02,
            -1.556989798598866e+02,
            6.680131188771972e+01,
            -1.328068155288572e+01
        };
        double[] c = {
            -7.784894002430293e-03,
            -3.223964580411365e-01,
            -2.400758277161838e+00,
            -2.549732539343734e+00,
            4.374664141464968e+00,
            2.938163982698783e+00
        };
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - low) {
            return -normalQuantile(1 - p);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5])
                * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
}
