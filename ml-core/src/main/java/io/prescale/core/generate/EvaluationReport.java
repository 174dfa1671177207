package io.prescale.core.generate;

import java.util.List;
import java.util.Objects;

/**
 * The result of {@link Evaluation}, field for field the {@code prescale generate evaluate} document after its
 * header. Scores are in the scaled units; lower is better for all but {@code memorisationRatio} (≈ 1 is
 * healthy, far below 1 means the model copies training windows).
 *
 * @param model model kind
 * @param window steps per window
 * @param features features per step
 * @param trainWindows windows the model trained on
 * @param testWindows real windows held out of training (temporal: the ones scored against; timegan: the ones
 *                    the memorisation ratio compares with — the scores compare with all windows)
 * @param runs metric runs averaged
 * @param seed the seed of the whole evaluation
 * @param protocol the protocol the figures were measured under
 * @param scaling how windows were scaled: {@code global} (one min-max scaler) or {@code per-window}
 * @param discriminativeScore mean |accuracy − 0.5| of the post-hoc classifier
 * @param discriminativeScoreStd its standard deviation over runs
 * @param predictiveScore mean one-step MAE on real windows of a GRU trained on synthetic ones
 * @param predictiveScoreReal the same with the GRU trained on the real training windows
 * @param acfDistance mean squared difference of the mean within-window autocorrelation, lags 1..W−1
 * @param memorisationRatio median nearest-training distance of synthetic ÷ of held-out real windows
 * @param activeLatentDims latent dimensions with mean KL &gt; 0.01 nats (VAE), or null
 * @param deviations every departure from TimeGAN's protocol
 */
public record EvaluationReport(
        String model,
        int window,
        int features,
        int trainWindows,
        int testWindows,
        int runs,
        long seed,
        EvaluationProtocol protocol,
        String scaling,
        double discriminativeScore,
        double discriminativeScoreStd,
        double predictiveScore,
        double predictiveScoreReal,
        double acfDistance,
        double memorisationRatio,
        Integer activeLatentDims,
        List<String> deviations) {
    public EvaluationReport {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(scaling, "scaling");
        deviations = List.copyOf(deviations);
    }
}
