package io.prescale.contract.document;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.prescale.contract.summary.Figure;
import java.util.List;
import java.util.Map;

/**
 * {@code forecast train}: the model fitted, the data range it saw and the model file written.
 *
 * @param step the series step, ISO-8601
 * @param fallback why a simpler model was used instead of the one asked for, or null
 * @param fit the model's fitted parameters (model-specific)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ForecastTrainDocument(
        String command,
        int schemaVersion,
        String prescaleVersion,
        Long seed,
        String input,
        String model,
        String out,
        String step,
        String dataFrom,
        String dataTo,
        String fallback,
        Map<String, Object> fit)
        implements CommandDocument {
    @Override
    public List<String> writtenFiles() {
        return out == null ? List.of() : List.of(out);
    }

    @Override
    public List<Figure> figures() {
        return new Figures()
                .text("Forecast model", model)
                .text("Fallback", fallback)
                .text("Trained on", dataFrom + " to " + dataTo)
                .text("Step", step)
                .text("Seed", seed)
                .list();
    }
}
