package io.prescale.cli.base;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The JSON rules of DESIGN.md §4 in one place: one mapper, and {@link #sanitise} which turns every non-finite
 * number into {@code null} with a sibling {@code <field>Reason} (kept if the command already wrote one).
 */
public final class Json {
    /** Shared mapper: ISO-8601 dates, no pretty printing on stdout. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private Json() {}

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * Puts a number, or {@code null} and {@code <field>Reason} when it is NaN or infinite.
     *
     * @param reason why the value may be non-finite (e.g. "no scored targets"); used only when it is
     */
    public static ObjectNode putNumber(ObjectNode node, String field, double value, String reason) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
            node.put(field + "Reason", reason == null ? describe(value) : reason);
        }
        return node;
    }

    /** Replaces non-finite numbers anywhere in the tree, in place. */
    public static JsonNode sanitise(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode child = object.get(name);
                if (child.isNumber()
                        && !Double.isFinite(child.doubleValue())
                        && (child.isDouble() || child.isFloat())) {
                    object.putNull(name);
                    if (!object.has(name + "Reason")) {
                        object.put(name + "Reason", describe(child.doubleValue()));
                    }
                } else {
                    sanitise(child);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode child = array.get(i);
                if ((child.isDouble() || child.isFloat()) && !Double.isFinite(child.doubleValue())) {
                    array.set(i, JsonNodeFactory.instance.nullNode());
                } else {
                    sanitise(child);
                }
            }
        }
        return node;
    }

    /** Copies the fields of {@code from} into {@code into}, after the ones already there. */
    public static void appendFields(ObjectNode into, ObjectNode from) {
        Iterator<Map.Entry<String, JsonNode>> fields = from.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!into.has(field.getKey())) {
                into.set(field.getKey(), field.getValue());
            }
        }
    }

    private static String describe(double value) {
        return Double.isNaN(value) ? "not a number" : (value > 0 ? "positive infinity" : "negative infinity");
    }
}
