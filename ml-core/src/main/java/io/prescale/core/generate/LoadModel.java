package io.prescale.core.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * A trained generator of day-long load windows. Windows are in the scaled units of {@link #scaler()}
 * (TimeGAN's min-max scaling, about [0, 1]), {@code windows × steps × features}. Immutable and reproducible:
 * the same seed gives the same samples. Not thread-safe for concurrent sampling (DJL models share native
 * state); sample from one thread.
 */
public interface LoadModel {
    /** {@code vae}, {@code gan}, {@code copy-training} or {@code mean-plus-noise}. */
    String kind();

    /** Steps per window. */
    int window();

    /** Features (columns) per step; the last one is the load. */
    int features();

    /** The scaling the model was trained in. */
    MinMaxScaler scaler();

    /** {@code n} windows, each starting at a phase and with a shape drawn from the training windows. */
    default double[][][] sample(int n, long seed) {
        return sample(n, Conditioning.FROM_TRAINING, seed);
    }

    /**
     * {@code n} windows under {@code conditioning}: models conditioned on the profile controls (the VAE, the
     * GAN) steer towards the requested phase and controls; the baselines ignore it.
     */
    double[][][] sample(int n, Conditioning conditioning, long seed);

    /**
     * {@code n} windows from the tails of the latent space: latent draws whose norm is scaled to the
     * {@code 1 − tailProbability} quantile of the prior's norm or beyond. Only latent-variable models do this.
     *
     * @throws UnsupportedOperationException for models without a latent space (the baselines)
     */
    default double[][][] sampleTail(int n, double tailProbability, Conditioning conditioning, long seed) {
        throw new UnsupportedOperationException(kind() + " has no latent space to sample tails from");
    }

    /** The manifest provenance of a model read from a file (empty for a model trained in this process). */
    default java.util.Map<String, Object> provenance() {
        return java.util.Map.of();
    }

    /** The latent dimensions the model uses (mean KL &gt; 0.01 nats), for the VAE; empty otherwise. */
    default OptionalInt activeLatentDims() {
        return OptionalInt.empty();
    }

    /**
     * Writes the model with a {@code core.nn} manifest, atomically; {@code provenance} (e.g. the input file, its
     * first timestamp, step and unit) is added to the manifest's own.
     *
     * @throws UnsupportedOperationException for the baselines, which exist only inside an evaluation
     */
    default void save(
            Path file, String prescaleVersion, java.time.Clock clock, java.util.Map<String, Object> provenance)
            throws IOException {
        throw new UnsupportedOperationException(kind() + " is an evaluation baseline and is not saved");
    }
}
