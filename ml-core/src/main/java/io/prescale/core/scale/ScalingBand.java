package io.prescale.core.scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One load band of a {@link ScalingPolicy}: loads in {@code [loadFrom, loadTo)} (in {@code unit}; an open top
 * band has {@code loadTo} = +∞, written {@code null}) run {@code config}. The instance count is
 * {@code config.count}, or {@code ceil(load / capacityPerInstance)} when the band gives a per-instance capacity.
 * Config values are strings, numbers or booleans; other keys ({@code cpu}, {@code env.THREADS}…) are knobs.
 *
 * @param predictedP99Ms expected p99 latency in ms at the top of the band, or null
 * @param costPerHour cost of the band's configuration per hour, or null
 * @param capacityPerInstance requests (in {@code unit}) one instance holds within the SLO, or null
 */
public record ScalingBand(
        double loadFrom,
        double loadTo,
        String unit,
        Map<String, Object> config,
        boolean restartRequired,
        Double predictedP99Ms,
        Double costPerHour,
        Double capacityPerInstance) {
    private static final List<String> FIELDS = List.of(
            "loadFrom",
            "loadTo",
            "unit",
            "config",
            "restartRequired",
            "predictedP99Ms",
            "costPerHour",
            "capacityPerInstance");

    public ScalingBand {
        if (!Double.isFinite(loadFrom) || loadFrom < 0) {
            throw new IllegalArgumentException("band loadFrom must be a finite number ≥ 0, got " + loadFrom);
        }
        if (Double.isNaN(loadTo) || loadTo <= loadFrom) {
            throw new IllegalArgumentException(
                    "band loadTo must be greater than loadFrom " + loadFrom + ", got " + loadTo);
        }
        if (unit == null || unit.isBlank()) {
            throw new IllegalArgumentException("band unit must not be blank, got '" + unit + "'");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        Objects.requireNonNull(config, "config").forEach((key, value) -> {
            if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                throw new IllegalArgumentException(
                        "band config value '" + key + "' must be a string, number or boolean, got " + value);
            }
            copy.put(key, value);
        });
        config = Collections.unmodifiableMap(copy);
        if (capacityPerInstance != null && !(capacityPerInstance > 0 && Double.isFinite(capacityPerInstance))) {
            throw new IllegalArgumentException(
                    "band capacityPerInstance must be a finite number > 0, got " + capacityPerInstance);
        }
        if (capacityPerInstance == null) {
            Object count = config.get("count");
            if (!(count instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.doubleValue() < 0) {
                throw new IllegalArgumentException(
                        "band config 'count' must be a whole number ≥ 0 (or give capacityPerInstance), got " + count);
            }
        }
    }

    /** The open band of a capacity-only policy. */
    public static ScalingBand capacityOnly(double perInstanceCapacity, String unit) {
        return new ScalingBand(0, Double.POSITIVE_INFINITY, unit, Map.of(), false, null, null, perInstanceCapacity);
    }

    /** Instances for {@code load}: the band's count, or {@code ceil(load / capacityPerInstance)}. */
    public int instancesFor(double load) {
        if (capacityPerInstance != null) {
            double needed = Math.ceil(Math.max(0, load) / capacityPerInstance);
            return needed >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) needed;
        }
        return ((Number) config.get("count")).intValue();
    }

    /** The knobs without {@code count}: what changes the running configuration. */
    public Map<String, Object> knobs() {
        Map<String, Object> knobs = new LinkedHashMap<>(config);
        knobs.remove("count");
        return Collections.unmodifiableMap(knobs);
    }

    ObjectNode toJsonNode() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("loadFrom", loadFrom);
        if (Double.isInfinite(loadTo)) {
            node.putNull("loadTo");
        } else {
            node.put("loadTo", loadTo);
        }
        node.put("unit", unit);
        ObjectNode configNode = node.putObject("config");
        config.forEach((key, value) -> {
            if (value instanceof String s) {
                configNode.put(key, s);
            } else if (value instanceof Boolean b) {
                configNode.put(key, b);
            } else if (value instanceof Long || value instanceof Integer) {
                configNode.put(key, ((Number) value).longValue());
            } else {
                configNode.put(key, ((Number) value).doubleValue());
            }
        });
        node.put("restartRequired", restartRequired);
        putNullable(node, "predictedP99Ms", predictedP99Ms);
        putNullable(node, "costPerHour", costPerHour);
        if (capacityPerInstance != null) {
            node.put("capacityPerInstance", capacityPerInstance);
        }
        return node;
    }

    static ScalingBand fromJson(JsonNode node, int index) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("band " + index + " must be a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("band " + index + " has unknown field '" + field + "'");
            }
        }
        Map<String, Object> config = new LinkedHashMap<>();
        node.path("config").fields().forEachRemaining(entry -> {
            JsonNode value = entry.getValue();
            Object converted = value.isTextual()
                    ? value.textValue()
                    : value.isBoolean()
                            ? (Object) value.booleanValue()
                            : value.isIntegralNumber()
                                    ? (Object) value.longValue()
                                    : value.isNumber() ? (Object) value.doubleValue() : value.toString();
            config.put(entry.getKey(), converted);
        });
        try {
            return new ScalingBand(
                    number(node, "loadFrom", Double.NaN),
                    number(node, "loadTo", Double.POSITIVE_INFINITY),
                    node.path("unit").asText(null),
                    config,
                    node.path("restartRequired").asBoolean(false),
                    nullable(node, "predictedP99Ms"),
                    nullable(node, "costPerHour"),
                    nullable(node, "capacityPerInstance"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("band " + index + ": " + e.getMessage(), e);
        }
    }

    private static double number(JsonNode node, String field, double whenNull) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return whenNull;
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException(field + " must be a number, got " + value);
        }
        return value.doubleValue();
    }

    private static Double nullable(JsonNode node, String field) {
        double value = number(node, field, Double.NaN);
        return Double.isNaN(value) ? null : value;
    }

    private static void putNullable(ObjectNode node, String field, Double value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
