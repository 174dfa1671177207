package io.prescale.contract.document;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.prescale.contract.summary.Figure;
import java.util.List;

/**
 * {@code policy publish}: the policy stored by the actuator ({@code PUT /v1/policies/{name}}).
 *
 * @param url the actuator's base URL
 * @param name the policy's name
 * @param digest the policy's {@code sha256:} digest as the actuator accepted it
 * @param httpStatus the actuator's answer, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PolicyPublishDocument(
        String command,
        int schemaVersion,
        String prescaleVersion,
        String url,
        String name,
        String digest,
        Integer httpStatus)
        implements CommandDocument {
    @Override
    public List<String> writtenFiles() {
        return List.of();
    }

    @Override
    public List<Figure> figures() {
        return new Figures()
                .text("Policy published", name)
                .text("Actuator", url)
                .text("Digest", digest)
                .text("HTTP status", httpStatus)
                .list();
    }
}
