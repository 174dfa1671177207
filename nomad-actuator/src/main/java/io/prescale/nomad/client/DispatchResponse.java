package io.prescale.nomad.client;

import com.fasterxml.jackson.databind.JsonNode;

/** The answer of a dispatch: the child job's ID ({@code <parent>/dispatch-<unix>-<8 hex>}) and its evaluation. */
public record DispatchResponse(
        String dispatchedJobId, String evalId, long evalCreateIndex, long jobCreateIndex, long index) {
    static DispatchResponse from(JsonNode n) {
        String id = Json.text(n, "DispatchedJobID");
        if (id == null) {
            throw new IllegalArgumentException("dispatch response has no DispatchedJobID");
        }
        return new DispatchResponse(
                id,
                Json.text(n, "EvalID"),
                Json.number(n, "EvalCreateIndex", 0),
                Json.number(n, "JobCreateIndex", 0),
                Json.number(n, "Index", 0));
    }
}
