package io.prescale.nomad.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Nomad's {@code JobRegisterResponse}, the answer of register and scale: the evaluation created ({@code evalId}
 * empty when none), the write's raft index and the job's modify index. {@code warnings} is empty when none.
 */
public record WriteResponse(String evalId, long evalCreateIndex, long jobModifyIndex, long index, String warnings) {
    static WriteResponse from(JsonNode n) {
        return new WriteResponse(
                Json.text(n, "EvalID") == null ? "" : Json.text(n, "EvalID"),
                Json.number(n, "EvalCreateIndex", 0),
                Json.number(n, "JobModifyIndex", 0),
                Json.number(n, "Index", 0),
                Json.text(n, "Warnings") == null ? "" : Json.text(n, "Warnings"));
    }
}
