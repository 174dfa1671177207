package io.prescale.core.generate;

/** Trains a {@link LoadModel} on scaled training windows; the seed fixes initialisation and batches. */
@FunctionalInterface
public interface LoadModelTrainer {
    LoadModel train(WindowSet training, long seed);
}
