package io.prescale.nomad.loop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.nomad.client.Job;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A policy band's knobs on a Nomad group: {@code cpu} (MHz) and {@code memory}/{@code memoryMB} (MiB) are every
 * task's {@code Resources.CPU}/{@code MemoryMB}; any other knob is the group meta key {@code prescale-config.KNOB}
 * (for the task to read through its template or environment).
 */
final class JobConfig {
    static final String META_PREFIX = "prescale-config.";

    private JobConfig() {}

    /** The running values of {@code knobs} in the group (absent knobs are left out). */
    static Map<String, Object> current(Job job, String group, Set<String> knobs) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (knobs.isEmpty()) {
            return out;
        }
        ObjectNode g = job.groupNode(group);
        if (g == null) {
            return out;
        }
        for (String knob : knobs) {
            JsonNode v = switch (knob) {
                case "cpu" -> g.at("/Tasks/0/Resources/CPU");
                case "memory", "memoryMB" -> g.at("/Tasks/0/Resources/MemoryMB");
                default -> g.path("Meta").get(META_PREFIX + knob);
            };
            if (v != null && !v.isMissingNode() && !v.isNull()) {
                out.put(knob, v.isNumber() ? (Object) v.numberValue() : parse(v.asText()));
            }
        }
        return out;
    }

    /** The job body with {@code config} applied to the group. */
    static ObjectNode apply(Job job, String group, Map<String, Object> config) {
        ObjectNode raw = job.raw();
        ObjectNode g = group(raw, group);
        config.forEach((knob, value) -> {
            switch (knob) {
                case "cpu", "memory", "memoryMB" ->
                    g.path("Tasks").forEach(t -> {
                        ObjectNode r = t.path("Resources").isObject()
                                ? (ObjectNode) t.get("Resources")
                                : ((ObjectNode) t).putObject("Resources");
                        r.put(knob.equals("cpu") ? "CPU" : "MemoryMB", ((Number) value).intValue());
                    });
                default -> {
                    ObjectNode meta = g.path("Meta").isObject() ? (ObjectNode) g.get("Meta") : g.putObject("Meta");
                    meta.put(META_PREFIX + knob, String.valueOf(value));
                }
            }
        });
        return raw;
    }

    private static ObjectNode group(ObjectNode raw, String name) {
        for (JsonNode g : raw.path("TaskGroups")) {
            if (g.path("Name").asText().equals(name)) {
                return (ObjectNode) g;
            }
        }
        return null;
    }

    private static Object parse(String text) {
        try {
            double d = Double.parseDouble(text);
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : d;
        } catch (NumberFormatException e) {
            return text;
        }
    }
}
