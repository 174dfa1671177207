package io.prescale.core.tune;

/**
 * What the requests of a load test look like, as far as the capacity model's physics needs: the keys they draw
 * (Zipf-distributed) and the size of a cached value, from which a cache of a given size gets its hit ratio.
 *
 * @param keys distinct keys, ≥ 1
 * @param zipfExponent exponent s of the key distribution, &gt; 0
 * @param valueKb size of one cached value, KiB, ≥ 1
 */
public record Workload(int keys, double zipfExponent, double valueKb) {
    /** Hit ratios already computed: the capacity model asks for the same few cache sizes millions of times. */
    private static final java.util.Map<Workload, java.util.Map<Double, Double>> HIT_RATIOS =
            new java.util.concurrent.ConcurrentHashMap<>();

    public Workload {
        if (keys < 1) {
            throw new IllegalArgumentException("workload keys must be ≥ 1, got " + keys);
        }
        if (!(zipfExponent > 0) || !Double.isFinite(zipfExponent)) {
            throw new IllegalArgumentException("workload zipfExponent must be > 0, got " + zipfExponent);
        }
        if (!(valueKb >= 1) || !Double.isFinite(valueKb)) {
            throw new IllegalArgumentException("workload valueKb must be ≥ 1, got " + valueKb);
        }
    }

    /** The reference service's defaults: 100,000 keys, s = 1, 4 KiB values. */
    public static Workload referenceDefaults() {
        return new Workload(100_000, 1.0, 4);
    }

    /**
     * Hit ratio of an LRU cache of {@code cacheMb} MiB in steady state, approximated by the probability mass of
     * the most popular keys that fit: {@code H(C, s) / H(N, s)} with the generalised harmonic numbers (the
     * independent-reference model; Breslau et al., INFOCOM 1999, show LRU close to it for Zipf requests).
     */
    public double hitRatio(double cacheMb) {
        return HIT_RATIOS
                .computeIfAbsent(this, w -> new java.util.concurrent.ConcurrentHashMap<>())
                .computeIfAbsent(cacheMb, this::computeHitRatio);
    }

    private double computeHitRatio(double cacheMb) {
        double entries = Math.min(keys, Math.floor(cacheMb * 1024 / valueKb));
        if (entries < 1) {
            return 0;
        }
        return harmonic(entries) / harmonic(keys);
    }

    private double harmonic(double n) {
        // exact for the first 1,000 terms, then the Euler–Maclaurin integral for the tail
        double sum = 0;
        int exact = (int) Math.min(n, 1000);
        for (int k = 1; k <= exact; k++) {
            sum += Math.pow(k, -zipfExponent);
        }
        if (n > exact) {
            double a = exact + 0.5;
            double b = n + 0.5;
            sum += Math.abs(zipfExponent - 1) < 1e-9
                    ? Math.log(b / a)
                    : (Math.pow(b, 1 - zipfExponent) - Math.pow(a, 1 - zipfExponent)) / (1 - zipfExponent);
        }
        return sum;
    }
}
