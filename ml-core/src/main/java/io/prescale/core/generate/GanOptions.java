package io.prescale.core.generate;

/**
 * Hyper-parameters of {@link TimeGan}. TimeGAN's code uses 10,000 iterations per phase, hidden size 24 and
 * batch 128; the defaults keep the sizes and shorten the phases (600 autoencoder, 600 supervisor, 500 joint
 * iterations, about 2 CPU-minutes on NYC taxi with folded windows) so that training fits 5 minutes on two cores.
 *
 * @param hidden GRU state size of all five networks, ≥ 1
 * @param noiseDims noise features per step fed to the generator, ≥ 1
 * @param embeddingIterations phase 1 (autoencoder) Adam steps, ≥ 1
 * @param supervisedIterations phase 2 (supervisor) Adam steps, ≥ 1
 * @param jointIterations phase 3 (joint adversarial) iterations, ≥ 1
 * @param batchSize windows per step, ≥ 1
 * @param learningRate Adam's learning rate, &gt; 0
 */
public record GanOptions(
        int hidden,
        int noiseDims,
        int embeddingIterations,
        int supervisedIterations,
        int jointIterations,
        int batchSize,
        double learningRate) {
    public GanOptions {
        if (hidden < 1
                || noiseDims < 1
                || embeddingIterations < 1
                || supervisedIterations < 1
                || jointIterations < 1
                || batchSize < 1) {
            throw new IllegalArgumentException("GAN sizes and iteration counts must be >= 1, got hidden " + hidden
                    + ", noiseDims " + noiseDims + ", iterations " + embeddingIterations + "/"
                    + supervisedIterations + "/" + jointIterations + ", batchSize " + batchSize);
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("GAN learningRate must be > 0, got " + learningRate);
        }
    }

    public static GanOptions defaults() {
        return new GanOptions(24, 4, 600, 600, 500, 128, 1e-3);
    }

    /** The same with every phase set to {@code iterations}. */
    public GanOptions withIterations(int iterations) {
        return new GanOptions(hidden, noiseDims, iterations, iterations, iterations, batchSize, learningRate);
    }
}
