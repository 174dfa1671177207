package io.prescale.core.generate;

/**
 * Hyper-parameters of {@link Evaluation}. {@link #defaults()} is TimeGAN's protocol: 10 runs, 2,000
 * discriminator and 5,000 predictor iterations at batch size 128; anything else is listed in the deviations.
 *
 * @param runs metric runs averaged (each a fresh synthetic sample and fresh post-hoc networks), ≥ 1
 * @param discriminatorIterations Adam steps of the post-hoc classifier, ≥ 1
 * @param predictorIterations Adam steps of the post-hoc predictor, ≥ 1
 * @param batchSize windows per step (the classifier takes this many real and as many synthetic), ≥ 1
 */
public record EvaluationOptions(int runs, int discriminatorIterations, int predictorIterations, int batchSize) {
    public static final int TIMEGAN_RUNS = 10;
    public static final int TIMEGAN_DISCRIMINATOR_ITERATIONS = 2000;
    public static final int TIMEGAN_PREDICTOR_ITERATIONS = 5000;
    public static final int TIMEGAN_BATCH = 128;

    public EvaluationOptions {
        positive("runs", runs);
        positive("discriminatorIterations", discriminatorIterations);
        positive("predictorIterations", predictorIterations);
        positive("batchSize", batchSize);
    }

    public static EvaluationOptions defaults() {
        return new EvaluationOptions(TIMEGAN_RUNS, TIMEGAN_DISCRIMINATOR_ITERATIONS, TIMEGAN_PREDICTOR_ITERATIONS,
                TIMEGAN_BATCH);
    }

    public EvaluationOptions withRuns(int newRuns) {
        return new EvaluationOptions(newRuns, discriminatorIterations, predictorIterations, batchSize);
    }

    public EvaluationOptions withDiscriminatorIterations(int iterations) {
        return new EvaluationOptions(runs, iterations, predictorIterations, batchSize);
    }

    public EvaluationOptions withPredictorIterations(int iterations) {
        return new EvaluationOptions(runs, discriminatorIterations, iterations, batchSize);
    }

    public EvaluationOptions withBatchSize(int newBatchSize) {
        return new EvaluationOptions(runs, discriminatorIterations, predictorIterations, newBatchSize);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("evaluation " + name + " must be >= 1, got " + value);
        }
    }
}
