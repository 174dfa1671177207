package io.prescale.core.forecast;

import io.prescale.core.series.TimeSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/** Seeded synthetic load for tests: daily and weekly cycles, noise, optional gaps (30-min steps). */
final class SyntheticLoad {
    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    static final Duration STEP = Duration.ofMinutes(30);

    private SyntheticLoad() {
    }

    static TimeSeries series(int n, long seed, double gapShare) {
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
}
