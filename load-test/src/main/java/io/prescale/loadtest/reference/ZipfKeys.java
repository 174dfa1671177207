package io.prescale.loadtest.reference;

import java.util.Arrays;

/**
 * Keys 0..n-1 drawn from a Zipf distribution, P(k) ∝ 1/(k+1)^s (Zipf 1949; the request-key model of YCSB,
 * Cooper et al., SoCC 2010), by inverting the cumulative distribution with a binary search. The draw for request
 * number i depends only on the seed and i, so a replay with the same seed sees the same keys in the same order.
 * Thread-safe (immutable).
 */
final class ZipfKeys {
    private final double[] cumulative;
    private final long seed;

    ZipfKeys(int n, double s, long seed) {
        cumulative = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += 1.0 / Math.pow(k + 1, s);
            cumulative[k] = sum;
        }
        for (int k = 0; k < n; k++) {
            cumulative[k] /= sum;
        }
        this.seed = seed;
    }

    /** The key of request number {@code index}. */
    int key(long index) {
        double u = (mix(seed + index * 0x9E3779B97F4A7C15L) >>> 11) * 0x1.0p-53;
        int found = Arrays.binarySearch(cumulative, u);
        int key = found >= 0 ? found : -found - 1;
        return Math.min(key, cumulative.length - 1);
    }

    /** SplitMix64's finaliser (Steele, Lea, Flood, OOPSLA 2014). */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
