package io.prescale.nomad.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A task group's {@code scaling} block ({@code structs.ScalingPolicy}): {@code min} (null when Nomad sent none),
 * {@code max}, {@code enabled}, {@code type} ({@code horizontal} for group counts).
 */
public record ScalingBlock(String id, String type, Long min, long max, boolean enabled) {
    static ScalingBlock from(JsonNode n) {
        if (n == null || n.isNull() || !n.isObject()) {
            return null;
        }
        String type = Json.text(n, "Type");
        return new ScalingBlock(
                Json.text(n, "ID"),
                type == null || type.isEmpty() ? "horizontal" : type,
                Json.nullableNumber(n, "Min"),
                Json.number(n, "Max", -1),
                Json.bool(n, "Enabled", true));
    }
}
