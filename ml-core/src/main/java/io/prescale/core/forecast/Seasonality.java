package io.prescale.core.forecast;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Calendar periods in steps and period detection from the autocorrelation function, computed with an FFT
 * (Wiener–Khinchin), as Crane's predictor does: a calendar period (day, week) is kept when the series covers two
 * of them and its autocorrelation is a clear local peak; without one, the strongest ACF peak is used.
 */
final class Seasonality {
    static final double MIN_ACF = 0.2;

    private Seasonality() {}

    /** Steps in {@code period}, or 0 when it is not a whole number of steps. */
    static int stepsIn(Duration period, Duration step) {
        long p = period.toNanos();
        long s = step.toNanos();
        return p % s == 0 && p / s > 1 ? (int) Math.min(Integer.MAX_VALUE, p / s) : 0;
    }

    static int daily(Duration step) {
        return stepsIn(Duration.ofDays(1), step);
    }

    static int weekly(Duration step) {
        return stepsIn(Duration.ofDays(7), step);
    }

    /** Detected periods (ascending, at most two), from {@code values} with gaps already filled. */
    static int[] detect(double[] filled, Duration step) {
        int n = filled.length;
        if (n < 8) {
            return new int[0];
        }
        double[] acf = acf(filled, n / 2);
        List<Integer> periods = new ArrayList<>();
        for (int candidate : new int[] {daily(step), weekly(step)}) {
            if (candidate > 1 && 2 * candidate <= n && candidate < acf.length - 1 && isPeak(acf, candidate)) {
                periods.add(candidate);
            }
        }
        if (periods.isEmpty()) {
            int best = 0;
            for (int lag = 2; lag < acf.length - 1; lag++) {
                if (isPeak(acf, lag) && (best == 0 || acf[lag] > acf[best]) && 2 * lag <= n) {
                    best = lag;
                }
            }
            if (best > 0) {
                periods.add(best);
            }
        }
        return periods.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean isPeak(double[] acf, int lag) {
        return acf[lag] >= MIN_ACF && acf[lag] >= acf[lag - 1] - 0.02 && acf[lag] >= acf[lag + 1] - 0.02;
    }

    /** Sample autocorrelation for lags 0..maxLag (acf[0] = 1), by FFT of the demeaned, zero-padded series. */
    static double[] acf(double[] x, int maxLag) {
        int n = x.length;
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        int size = Integer.highestOneBit(Math.max(1, 2 * n - 1)) * 2;
        double[] re = new double[size];
        double[] im = new double[size];
        for (int i = 0; i < n; i++) {
            re[i] = x[i] - mean;
        }
        fft(re, im, false);
        for (int i = 0; i < size; i++) {
            re[i] = re[i] * re[i] + im[i] * im[i];
            im[i] = 0;
        }
        fft(re, im, true);
        double[] acf = new double[maxLag + 1];
        double c0 = re[0];
        for (int k = 0; k <= maxLag; k++) {
            acf[k] = c0 > 0 ? re[k] / c0 : 0;
        }
        return acf;
    }

    /** In-place iterative radix-2 FFT (Cooley–Tukey); {@code inverse} divides by the size. */
    static void fft(double[] re, double[] im, boolean inverse) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double angle = 2 * Math.PI / len * (inverse ? 1 : -1);
            double wr = Math.cos(angle);
            double wi = Math.sin(angle);
            for (int i = 0; i < n; i += len) {
                double cr = 1;
                double ci = 0;
                for (int k = 0; k < len / 2; k++) {
                    int a = i + k;
                    int b = a + len / 2;
                    double tr = re[b] * cr - im[b] * ci;
                    double ti = re[b] * ci + im[b] * cr;
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                    double next = cr * wr - ci * wi;
                    ci = cr * wi + ci * wr;
                    cr = next;
                }
            }
        }
        if (inverse) {
            for (int i = 0; i < n; i++) {
                re[i] /= n;
                im[i] /= n;
            }
        }
    }
}
