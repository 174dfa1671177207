package io.prescale.core.generate;

import java.util.SplittableRandom;

/**
 * The two trivial baselines every generator must beat, which also prove the metrics: copying training windows
 * (perfect realism, no novelty: the memorisation ratio must catch it) and the mean window plus independent
 * Gaussian noise of each step's standard deviation (right marginals, wrong dynamics: the discriminator and the
 * autocorrelation distance must catch it).
 */
public final class Baselines {
    private Baselines() {}

    /** Samples are uniformly drawn training windows, copied. */
    public static LoadModelTrainer copyTraining() {
        return (training, seed) -> new Fitted("copy-training", training, null, null);
    }

    /** Samples are the per-step mean of the training windows plus N(0, per-step std²) noise. */
    public static LoadModelTrainer meanPlusNoise() {
        return (training, seed) -> {
            int steps = training.window();
            int features = training.features();
            double[][] mean = new double[steps][features];
            double[][] std = new double[steps][features];
            for (double[][] w : training.windows()) {
                for (int t = 0; t < steps; t++) {
                    for (int f = 0; f < features; f++) {
                        mean[t][f] += w[t][f] / training.size();
                    }
                }
            }
            for (double[][] w : training.windows()) {
                for (int t = 0; t < steps; t++) {
                    for (int f = 0; f < features; f++) {
                        std[t][f] += (w[t][f] - mean[t][f]) * (w[t][f] - mean[t][f]) / training.size();
                    }
                }
            }
            for (double[] row : std) {
                for (int f = 0; f < features; f++) {
                    row[f] = Math.sqrt(row[f]);
                }
            }
            return new Fitted("mean-plus-noise", training, mean, std);
        };
    }

    private record Fitted(String kind, WindowSet training, double[][] mean, double[][] std) implements LoadModel {
        @Override
        public int window() {
            return training.window();
        }

        @Override
        public int features() {
            return training.features();
        }

        @Override
        public MinMaxScaler scaler() {
            return training.scaler();
        }

        @Override
        public double[][][] sample(int n, Conditioning conditioning, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            double[][][] out = new double[n][window()][features()];
            for (int i = 0; i < n; i++) {
                double[][] source = mean == null ? training.windows()[random.nextInt(training.size())] : null;
                for (int t = 0; t < window(); t++) {
                    for (int f = 0; f < features(); f++) {
                        out[i][t][f] = source != null ? source[t][f] : mean[t][f] + std[t][f] * random.nextGaussian();
                    }
                }
            }
            return out;
        }
    }
}
