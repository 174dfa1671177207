package io.prescale.nomad.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** A task group of a {@link Job}: name, count, meta (empty when Nomad sent {@code null}), scaling block or null. */
public record TaskGroup(String name, int count, Map<String, String> meta, ScalingBlock scaling) {
    public TaskGroup {
        meta = meta == null ? Map.of() : Map.copyOf(meta);
    }

    static TaskGroup from(JsonNode n) {
        String name = Json.text(n, "Name");
        if (name == null) {
            throw new IllegalArgumentException("task group has no Name");
        }
        Map<String, String> meta = new java.util.HashMap<>(Json.strings(n, "Meta"));
        meta.values().removeIf(java.util.Objects::isNull);
        return new TaskGroup(name, (int) Json.number(n, "Count", 1), meta, ScalingBlock.from(n.get("Scaling")));
    }
}
