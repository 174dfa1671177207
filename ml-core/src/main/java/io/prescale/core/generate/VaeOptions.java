package io.prescale.core.generate;

/**
 * Hyper-parameters of the {@link ConditionalVae}.
 *
 * @param latentDims size of the latent space, ≥ 1
 * @param hidden units of each of the two hidden layers of encoder and decoder, ≥ 1
 * @param iterations Adam steps, ≥ 1
 * @param batchSize windows per step, ≥ 1
 * @param learningRate Adam's learning rate, &gt; 0
 * @param reconstructionWeight weight of the summed squared reconstruction error against the KL term, &gt; 0
 *                             (TimeVAE uses 3; higher trades prior fit for sharper samples)
 */
public record VaeOptions(
        int latentDims, int hidden, int iterations, int batchSize, double learningRate, double reconstructionWeight) {
    public VaeOptions {
        if (latentDims < 1 || hidden < 1 || iterations < 1 || batchSize < 1) {
            throw new IllegalArgumentException("VAE latentDims, hidden, iterations and batchSize must be >= 1, got "
                    + latentDims + ", " + hidden + ", " + iterations + ", " + batchSize);
        }
        if (!(learningRate > 0) || !(reconstructionWeight > 0)) {
            throw new IllegalArgumentException("VAE learningRate and reconstructionWeight must be > 0, got "
                    + learningRate + " and " + reconstructionWeight);
        }
    }

    public static VaeOptions defaults() {
        return new VaeOptions(8, 128, 3000, 128, 1e-3, 10);
    }

    public VaeOptions withLatentDims(int newLatentDims) {
        return new VaeOptions(newLatentDims, hidden, iterations, batchSize, learningRate, reconstructionWeight);
    }

    public VaeOptions withHidden(int newHidden) {
        return new VaeOptions(latentDims, newHidden, iterations, batchSize, learningRate, reconstructionWeight);
    }

    public VaeOptions withIterations(int newIterations) {
        return new VaeOptions(latentDims, hidden, newIterations, batchSize, learningRate, reconstructionWeight);
    }

    public VaeOptions withBatchSize(int newBatchSize) {
        return new VaeOptions(latentDims, hidden, iterations, newBatchSize, learningRate, reconstructionWeight);
    }

    public VaeOptions withLearningRate(double newLearningRate) {
        return new VaeOptions(latentDims, hidden, iterations, batchSize, newLearningRate, reconstructionWeight);
    }

    public VaeOptions withReconstructionWeight(double newWeight) {
        return new VaeOptions(latentDims, hidden, iterations, batchSize, learningRate, newWeight);
    }
}
