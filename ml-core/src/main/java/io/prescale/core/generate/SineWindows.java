package io.prescale.core.generate;

import java.util.SplittableRandom;

/**
 * TimeGAN's Sines data set (Yoon, Jarrett &amp; van der Schaar, NeurIPS 2019, {@code data_loading.py},
 * {@code sine_data_generation}): independent windows whose every feature is {@code sin(f·t + p)} over
 * t = 0..steps−1 with frequency f and phase p each drawn uniformly from [0, 0.1], mapped to [0, 1] by
 * {@code (x + 1) / 2}. The paper uses 10,000 windows of 24 steps and 5 features.
 */
public final class SineWindows {
    public static final int PAPER_WINDOWS = 10_000;
    public static final int PAPER_STEPS = 24;
    public static final int PAPER_FEATURES = 5;

    private SineWindows() {}

    /** {@code n} windows of {@code steps} × {@code features}, reproducible from {@code seed}. */
    public static double[][][] generate(int n, int steps, int features, long seed) {
        if (n < 1 || steps < 2 || features < 1) {
            throw new IllegalArgumentException(
                    "sines need n >= 1, steps >= 2 and features >= 1, got " + n + ", " + steps + ", " + features);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[][][] out = new double[n][steps][features];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < features; f++) {
                double frequency = random.nextDouble(0, 0.1);
                double phase = random.nextDouble(0, 0.1);
                for (int t = 0; t < steps; t++) {
                    out[i][t][f] = (Math.sin(frequency * t + phase) + 1) * 0.5;
                }
            }
        }
        return out;
    }
}
