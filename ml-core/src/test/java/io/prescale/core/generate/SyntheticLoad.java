package io.prescale.core.generate;

import java.util.SplittableRandom;

/** Seeded day-periodic load for tests: a daily shape with a random daily level and AR(1) noise. */
final class SyntheticLoad {
    private SyntheticLoad() {
    }

    /** {@code days} days of {@code period} steps, one feature. */
    static double[][] daily(int days, int period, long seed) {
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
