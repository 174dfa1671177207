package io.prescale.core.testing;

import io.prescale.core.series.TimeSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Seeded synthetic load for tests of every module (shared through the ml-core test-jar): the same seed gives the
 * same values. Three shapes, each named by what it is for.
 */
public final class SyntheticLoad {
    /** Start of {@link #weekly}: 2024-01-01T00:00Z. */
    public static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    /** Step of {@link #weekly} and {@link #daily(int, long)}: 30 minutes. */
    public static final Duration STEP = Duration.ofMinutes(30);

    private SyntheticLoad() {}

    /**
     * {@code n} half-hour steps from {@link #START}: a daily sine around 1,000 (±600), weekends at 70 %, AR(1)
     * noise (φ = 0.8, σ = 40), clipped at 0, and a share {@code gapShare} of NaN gaps.
     */
    public static TimeSeries weekly(int n, long seed, double gapShare) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[n];
        double ar = 0;
        for (int i = 0; i < n; i++) {
            double day = Math.sin(2 * Math.PI * i / 48.0 - Math.PI / 2);
            double weekend = (i / 48) % 7 >= 5 ? 0.7 : 1.0;
            ar = 0.8 * ar + random.nextGaussian() * 40;
            v[i] = Math.max(0, weekend * (1000 + 600 * day) + ar);
            if (random.nextDouble() < gapShare) {
                v[i] = Double.NaN;
            }
        }
        return TimeSeries.of(START, STEP, v);
    }

    /**
     * {@code days} days of half-hour steps from 2026-01-01: 1,000 + 600·sin(2πi/48) plus Gaussian noise (σ = 30),
     * no weekly cycle and no gaps.
     */
    public static TimeSeries daily(int days, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[days * 48];
        for (int i = 0; i < values.length; i++) {
            values[i] = 1000 + 600 * Math.sin(2 * Math.PI * i / 48.0) + 30 * random.nextGaussian();
        }
        return TimeSeries.of(Instant.parse("2026-01-01T00:00:00Z"), STEP, values);
    }

    /**
     * {@code days} days of {@code period} steps as rows of one feature (for the load models): a daily shape with a
     * random daily level (100 ± 20 %) and multiplicative AR(1) noise.
     */
    public static double[][] dailyRows(int days, int period, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] rows = new double[days * period][1];
        double ar = 0;
        for (int d = 0; d < days; d++) {
            double level = 100 * (1 + 0.2 * random.nextGaussian());
            for (int t = 0; t < period; t++) {
                ar = 0.8 * ar + 0.05 * random.nextGaussian();
                double phase = 2 * Math.PI * t / period;
                double shape = 1 + 0.6 * Math.sin(phase - Math.PI / 2) + 0.2 * Math.sin(2 * phase);
                rows[d * period + t][0] = Math.max(0, level * shape * (1 + ar));
            }
        }
        return rows;
    }
}
