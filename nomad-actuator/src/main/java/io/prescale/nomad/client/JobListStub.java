package io.prescale.nomad.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One entry of {@code GET /v1/jobs}: enough to decide whether the full job must be read again
 * ({@code modifyIndex} changed) and whether it can hold scalable groups ({@code type}, {@code parentId}).
 */
public record JobListStub(
        String id,
        String name,
        String namespace,
        String type,
        String status,
        boolean stop,
        String parentId,
        long modifyIndex,
        long jobModifyIndex,
        Map<String, String> meta) {
    public JobListStub {
        meta = meta == null ? Map.of() : Map.copyOf(meta);
    }

    static JobListStub from(JsonNode n) {
        if (!n.isObject() || Json.text(n, "ID") == null) {
            throw new IllegalArgumentException("job list entry has no ID");
        }
        Map<String, String> meta = new java.util.HashMap<>(Json.strings(n, "Meta"));
        meta.values().removeIf(java.util.Objects::isNull);
        return new JobListStub(
                Json.text(n, "ID"),
                Json.text(n, "Name"),
                Json.text(n, "Namespace"),
                Json.text(n, "Type"),
                Json.text(n, "Status"),
                Json.bool(n, "Stop", false),
                Json.text(n, "ParentID"),
                Json.number(n, "ModifyIndex", 0),
                Json.number(n, "JobModifyIndex", 0),
                meta);
    }
}
