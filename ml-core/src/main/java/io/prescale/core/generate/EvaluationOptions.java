package io.prescale.core.generate;

import java.util.Objects;

/**
 * Hyper-parameters of {@link Evaluation}. TimeGAN's own counts are 10 runs, 2,000 discriminator and 5,000
 * predictor iterations at batch size 128 ({@link #timegan()}); anything else is listed in the deviations.
 *
 * @param runs metric runs averaged (each a fresh synthetic sample and fresh post-hoc networks), ≥ 1
 * @param discriminatorIterations Adam steps of the post-hoc classifier, ≥ 1
 * @param predictorIterations Adam steps of the post-hoc predictor, ≥ 1
 * @param batchSize windows per step (the classifier takes this many real and as many synthetic), ≥ 1
 * @param protocol how windows are split, scaled and compared
 */
public record EvaluationOptions(
        int runs, int discriminatorIterations, int predictorIterations, int batchSize, EvaluationProtocol protocol) {
    public static final int TIMEGAN_RUNS = 10;
    public static final int TIMEGAN_DISCRIMINATOR_ITERATIONS = 2000;
    public static final int TIMEGAN_PREDICTOR_ITERATIONS = 5000;
    public static final int TIMEGAN_BATCH = 128;

    public EvaluationOptions {
        positive("runs", runs);
        positive("discriminatorIterations", discriminatorIterations);
        positive("predictorIterations", predictorIterations);
        positive("batchSize", batchSize);
        Objects.requireNonNull(protocol, "protocol");
    }

    /** The {@link EvaluationProtocol#TEMPORAL} protocol with these counts. */
    public EvaluationOptions(int runs, int discriminatorIterations, int predictorIterations, int batchSize) {
        this(runs, discriminatorIterations, predictorIterations, batchSize, EvaluationProtocol.TEMPORAL);
    }

    /** The temporal protocol with TimeGAN's counts. */
    public static EvaluationOptions defaults() {
        return new EvaluationOptions(
                TIMEGAN_RUNS,
                TIMEGAN_DISCRIMINATOR_ITERATIONS,
                TIMEGAN_PREDICTOR_ITERATIONS,
                TIMEGAN_BATCH,
                EvaluationProtocol.TEMPORAL);
    }

    /** TimeGAN's protocol with TimeGAN's counts: no deviation from the paper but the ones the report lists. */
    public static EvaluationOptions timegan() {
        return defaults().withProtocol(EvaluationProtocol.TIMEGAN);
    }

    public EvaluationOptions withRuns(int newRuns) {
        return new EvaluationOptions(newRuns, discriminatorIterations, predictorIterations, batchSize, protocol);
    }

    public EvaluationOptions withDiscriminatorIterations(int iterations) {
        return new EvaluationOptions(runs, iterations, predictorIterations, batchSize, protocol);
    }

    public EvaluationOptions withPredictorIterations(int iterations) {
        return new EvaluationOptions(runs, discriminatorIterations, iterations, batchSize, protocol);
    }

    public EvaluationOptions withBatchSize(int newBatchSize) {
        return new EvaluationOptions(runs, discriminatorIterations, predictorIterations, newBatchSize, protocol);
    }

    public EvaluationOptions withProtocol(EvaluationProtocol newProtocol) {
        return new EvaluationOptions(runs, discriminatorIterations, predictorIterations, batchSize, newProtocol);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("evaluation " + name + " must be >= 1, got " + value);
        }
    }
}
