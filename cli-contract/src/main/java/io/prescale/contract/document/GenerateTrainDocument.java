package io.prescale.contract.document;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.prescale.contract.summary.Figure;
import java.util.List;

/**
 * {@code generate train}: the load model trained and written.
 *
 * @param activeLatentDims latent dimensions in use (VAE), or null
 * @param trainSeconds wall time of the training, s
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GenerateTrainDocument(
        String command,
        int schemaVersion,
        String prescaleVersion,
        Long seed,
        String model,
        int window,
        int features,
        int trainWindows,
        Integer activeLatentDims,
        Double trainSeconds,
        String out)
        implements CommandDocument {
    @Override
    public List<String> writtenFiles() {
        return out == null ? List.of() : List.of(out);
    }

    @Override
    public List<Figure> figures() {
        return new Figures()
                .text("Load model", model)
                .number("Window", (double) window, "steps")
                .number("Training windows", (double) trainWindows, null)
                .number(
                        "Active latent dimensions",
                        activeLatentDims == null ? null : activeLatentDims.doubleValue(),
                        null)
                .number("Training time", trainSeconds, "s")
                .list();
    }
}
