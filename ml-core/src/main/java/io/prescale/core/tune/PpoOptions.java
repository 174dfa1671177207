package io.prescale.core.tune;

/**
 * Hyper-parameters of {@link Ppo} (names as in Schulman et al. 2017 and the GAE paper).
 *
 * @param iterations rollout–update rounds
 * @param episodesPerIteration parallel episodes per rollout (their steps form one batch)
 * @param hidden width of the two hidden layers of the actor and of the critic
 * @param learningRate Adam step size
 * @param gamma discount γ
 * @param lambda GAE λ
 * @param clip clipping ε of the probability ratio
 * @param entropy weight of the entropy bonus (decays linearly to a tenth of it)
 * @param valueWeight weight of the critic's squared error
 * @param epochs passes over each batch
 * @param minibatch steps per gradient step
 * @param seed seed of network initialisation, episode draws and action sampling
 */
public record PpoOptions(
        int iterations,
        int episodesPerIteration,
        int hidden,
        double learningRate,
        double gamma,
        double lambda,
        double clip,
        double entropy,
        double valueWeight,
        int epochs,
        int minibatch,
        long seed) {
    public PpoOptions {
        positive(iterations, "iterations");
        positive(episodesPerIteration, "episodesPerIteration");
        positive(hidden, "hidden");
        positive(epochs, "epochs");
        positive(minibatch, "minibatch");
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("ppo learningRate must be > 0, got " + learningRate);
        }
        if (!(gamma >= 0 && gamma <= 1) || !(lambda >= 0 && lambda <= 1)) {
            throw new IllegalArgumentException("ppo gamma and lambda must be in [0, 1], got " + gamma + ", " + lambda);
        }
        if (!(clip > 0 && clip < 1)) {
            throw new IllegalArgumentException("ppo clip must be in (0, 1), got " + clip);
        }
        if (!(entropy >= 0) || !(valueWeight > 0)) {
            throw new IllegalArgumentException(
                    "ppo entropy must be ≥ 0 and valueWeight > 0, got " + entropy + ", " + valueWeight);
        }
    }

    /**
     * 60 iterations of 8 episodes, 64 hidden units, Adam 3e-3, γ 0.9, λ 0.9, ε 0.2, entropy 0.02, 4 epochs over
     * minibatches of 512 (one or two gradient steps per epoch: each native round trip is costly on a crowded CPU).
     */
    public static PpoOptions defaults() {
        return new PpoOptions(60, 8, 64, 3e-3, 0.9, 0.9, 0.2, 0.02, 0.5, 4, 512, 1);
    }

    public PpoOptions withIterations(int value) {
        return new PpoOptions(
                value,
                episodesPerIteration,
                hidden,
                learningRate,
                gamma,
                lambda,
                clip,
                entropy,
                valueWeight,
                epochs,
                minibatch,
                seed);
    }

    public PpoOptions withSeed(long value) {
        return new PpoOptions(
                iterations,
                episodesPerIteration,
                hidden,
                learningRate,
                gamma,
                lambda,
                clip,
                entropy,
                valueWeight,
                epochs,
                minibatch,
                value);
    }

    public PpoOptions withLearningRate(double value) {
        return new PpoOptions(
                iterations,
                episodesPerIteration,
                hidden,
                value,
                gamma,
                lambda,
                clip,
                entropy,
                valueWeight,
                epochs,
                minibatch,
                seed);
    }

    public PpoOptions withEpochs(int value) {
        return new PpoOptions(
                iterations,
                episodesPerIteration,
                hidden,
                learningRate,
                gamma,
                lambda,
                clip,
                entropy,
                valueWeight,
                value,
                minibatch,
                seed);
    }

    public PpoOptions withGamma(double value) {
        return new PpoOptions(
                iterations,
                episodesPerIteration,
                hidden,
                learningRate,
                value,
                lambda,
                clip,
                entropy,
                valueWeight,
                epochs,
                minibatch,
                seed);
    }

    private static void positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException("ppo " + name + " must be ≥ 1, got " + value);
        }
    }
}
