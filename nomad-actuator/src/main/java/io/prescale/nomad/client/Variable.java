package io.prescale.nomad.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * A Nomad Variable: namespace, path, items ({@code map[string]string}; empty when Nomad sent none), its indexes
 * and times (Unix nanoseconds on the wire), and its lock when Nomad shows it (null otherwise).
 */
public record Variable(
        String namespace,
        String path,
        Map<String, String> items,
        long createIndex,
        long modifyIndex,
        Instant createTime,
        Instant modifyTime,
        VariableLock lock) {
    public Variable {
        items = items == null ? Map.of() : Map.copyOf(items);
    }

    static Variable from(JsonNode n) {
        if (!n.isObject()) {
            throw new IllegalArgumentException("variable is not a JSON object");
        }
        Map<String, String> items = new java.util.HashMap<>(Json.strings(n, "Items"));
        items.values().removeIf(java.util.Objects::isNull);
        return new Variable(
                Json.text(n, "Namespace"),
                Json.text(n, "Path"),
                items,
                Json.number(n, "CreateIndex", 0),
                Json.number(n, "ModifyIndex", 0),
                Instant.ofEpochSecond(0, Json.number(n, "CreateTime", 0)),
                Instant.ofEpochSecond(0, Json.number(n, "ModifyTime", 0)),
                VariableLock.from(n.get("Lock")));
    }
}
