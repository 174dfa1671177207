package io.prescale.nomad.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading Nomad's PascalCase JSON by hand: explicit field names, {@code null} and absent handled alike. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static long number(JsonNode node, String field, long otherwise) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || !v.isNumber() ? otherwise : v.asLong();
    }

    static Long nullableNumber(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || !v.isNumber() ? null : v.asLong();
    }

    static boolean bool(JsonNode node, String field, boolean otherwise) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? otherwise : v.asBoolean();
    }

    /** A {@code map[string]string}: {@code null} or absent → empty. */
    static Map<String, String> strings(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isObject()) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        v.fields()
                .forEachRemaining(e -> out.put(
                        e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        return Collections.unmodifiableMap(out);
    }
}
