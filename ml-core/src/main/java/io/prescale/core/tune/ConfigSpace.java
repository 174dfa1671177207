package io.prescale.core.tune;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What may be tuned and what it costs: the knobs (exactly one with role {@code instances}), the cost model, the SLO
 * and the workload's key distribution. Read from YAML ({@code deploy/tune/reference-space.yaml} is the documented
 * example); every problem of a file is collected and reported at once; unknown keys are an error. Immutable.
 */
public record ConfigSpace(String name, List<Knob> knobs, CostModel cost, Slo slo, Workload workload) {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final List<String> TOP = List.of("name", "knobs", "cost", "slo", "workload");
    private static final List<String> KNOB_FIELDS =
            List.of("name", "type", "min", "max", "step", "apply", "key", "flag", "role", "restart");

    public ConfigSpace {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("space name must not be blank");
        }
        knobs = List.copyOf(Objects.requireNonNull(knobs, "knobs"));
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(slo, "slo");
        Objects.requireNonNull(workload, "workload");
        Set<String> names = new HashSet<>();
        int instances = 0;
        for (Knob knob : knobs) {
            if (!names.add(knob.name())) {
                throw new IllegalArgumentException("space has two knobs named '" + knob.name() + "'");
            }
            instances += knob.role() == Knob.Role.INSTANCES ? 1 : 0;
        }
        if (instances != 1) {
            throw new IllegalArgumentException(
                    "space needs exactly one knob with role instances (apply: count), got " + instances);
        }
        for (String knob : cost.memoryMbPer().keySet()) {
            if (!names.contains(knob)) {
                throw new IllegalArgumentException("cost memoryMbPer names unknown knob '" + knob + "'");
            }
        }
    }

    /** Reads and validates a space file. */
    public static ConfigSpace read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    /**
     * Parses and validates YAML.
     *
     * @throws IllegalArgumentException naming every problem: field, what was expected, what came
     */
    public static ConfigSpace parse(String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("space is not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("space must be a YAML mapping with " + TOP);
        }
        List<String> problems = new ArrayList<>();
        unknown(root, TOP, "space", problems);
        List<Knob> knobs = new ArrayList<>();
        JsonNode knobNodes = root.path("knobs");
        if (!knobNodes.isArray() || knobNodes.isEmpty()) {
            problems.add("space 'knobs' must be a non-empty list");
        } else {
            for (int i = 0; i < knobNodes.size(); i++) {
                Knob knob = knob(knobNodes.get(i), i, problems);
                if (knob != null) {
                    knobs.add(knob);
                }
            }
        }
        CostModel cost = attempt(() -> cost(root.path("cost"), problems), problems);
        Slo slo = attempt(
                () -> {
                    JsonNode node = root.path("slo");
                    unknown(node, List.of("p99Ms", "errorRate"), "slo", problems);
                    return new Slo(number(node, "p99Ms", Double.NaN), number(node, "errorRate", 0));
                },
                problems);
        Workload workload = attempt(
                () -> {
                    JsonNode node = root.path("workload");
                    if (node.isMissingNode()) {
                        return Workload.referenceDefaults();
                    }
                    unknown(node, List.of("keys", "zipfExponent", "valueKb"), "workload", problems);
                    return new Workload(
                            (int) number(node, "keys", 100_000),
                            number(node, "zipfExponent", 1),
                            number(node, "valueKb", 4));
                },
                problems);
        String name = root.path("name").asText("");
        if (problems.isEmpty()) {
            attempt(() -> new ConfigSpace(name, knobs, cost, slo, workload), problems);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new ConfigSpace(name, knobs, cost, slo, workload);
    }

    /** The knob called {@code name}. */
    public Knob knob(String name) {
        return knobs.stream()
                .filter(k -> k.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("space has no knob '" + name + "'"));
    }

    /** The instance-count knob. */
    public Knob instancesKnob() {
        return knobs.stream()
                .filter(k -> k.role() == Knob.Role.INSTANCES)
                .findFirst()
                .orElseThrow();
    }

    /** The value of the first knob with {@code role} in {@code config}, or {@code fallback} when there is none. */
    public double roleValue(Configuration config, Knob.Role role, double fallback) {
        for (Knob knob : knobs) {
            if (knob.role() == role) {
                return config.get(knob.name());
            }
        }
        return fallback;
    }

    /** Instances of {@code config}. */
    public int count(Configuration config) {
        return (int) Math.round(config.get(instancesKnob().name()));
    }

    /** Cost per hour of {@code config}. */
    public double costPerHour(Configuration config) {
        return cost.perHour(this, config, count(config));
    }

    /** The configuration at unit coordinates {@code u} (one per knob, in [0, 1]), snapped to the knobs' levels. */
    public Configuration at(double[] u) {
        if (u.length != knobs.size()) {
            throw new IllegalArgumentException("need " + knobs.size() + " coordinates, got " + u.length);
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < u.length; i++) {
            values.put(knobs.get(i).name(), knobs.get(i).at(u[i]));
        }
        return new Configuration(values);
    }

    /** Unit coordinates of {@code config} (inverse of {@link #at} up to snapping). */
    public double[] unit(Configuration config) {
        double[] u = new double[knobs.size()];
        for (int i = 0; i < u.length; i++) {
            u[i] = knobs.get(i).unit(config.get(knobs.get(i).name()));
        }
        return u;
    }

    /** Every configuration of the grid of knob levels (the product of all levels), in knob order. */
    public List<Configuration> grid() {
        List<Map<String, Double>> partial = new ArrayList<>();
        partial.add(new LinkedHashMap<>());
        for (Knob knob : knobs) {
            List<Map<String, Double>> next = new ArrayList<>();
            for (Map<String, Double> values : partial) {
                for (double level : knob.levels()) {
                    Map<String, Double> copy = new LinkedHashMap<>(values);
                    copy.put(knob.name(), level);
                    next.add(copy);
                }
            }
            partial = next;
            if (partial.size() > 1_000_000) {
                throw new IllegalArgumentException(
                        "space grid has more than 1,000,000 configurations; use larger steps");
            }
        }
        return partial.stream().map(Configuration::new).toList();
    }

    /** Whether moving from {@code from} to {@code to} changes a knob that needs a restart. */
    public boolean restartBetween(Configuration from, Configuration to) {
        for (Knob knob : knobs) {
            if (knob.restart() && from.get(knob.name()) != to.get(knob.name())) {
                return true;
            }
        }
        return false;
    }

    /** The policy-band form of {@code config}: whole-valued knobs as integers. */
    public Map<String, Object> policyConfig(Configuration config) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Knob knob : knobs) {
            double value = config.get(knob.name());
            out.put(knob.name(), knob.type() == Knob.Type.INT ? (Object) Math.round(value) : (Object) value);
        }
        return out;
    }

    /** A JSON summary for provenance: name, knobs with ranges, cost, SLO. */
    public ObjectNode summary() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("name", name);
        ObjectNode knobNode = node.putObject("knobs");
        for (Knob knob : knobs) {
            ObjectNode k = knobNode.putObject(knob.name());
            k.put("min", knob.min());
            k.put("max", knob.max());
            k.put("step", knob.step());
            k.put("apply", knob.apply().text());
            k.put("restart", knob.restart());
        }
        node.putObject("slo").put("p99Ms", slo.p99Ms()).put("errorRate", slo.errorRate());
        return node;
    }

    private static Knob knob(JsonNode node, int index, List<String> problems) {
        String where = "knob " + index
                + (node.hasNonNull("name") ? " ('" + node.get("name").asText() + "')" : "");
        if (!node.isObject()) {
            problems.add(where + " must be a mapping");
            return null;
        }
        unknown(node, KNOB_FIELDS, where, problems);
        try {
            String typeText = node.path("type").asText("int");
            Knob.Type type = switch (typeText) {
                case "int" -> Knob.Type.INT;
                case "double" -> Knob.Type.DOUBLE;
                default ->
                    throw new IllegalArgumentException("unknown knob type '" + typeText + "'; expected int or double");
            };
            Knob.Apply apply = Knob.Apply.parse(node.path("apply").asText(""));
            Knob.Role role = node.has("role")
                    ? Knob.Role.parse(node.get("role").asText())
                    : apply == Knob.Apply.COUNT ? Knob.Role.INSTANCES : Knob.Role.OTHER;
            double min = number(node, "min", Double.NaN);
            double max = number(node, "max", Double.NaN);
            double step = number(node, "step", type == Knob.Type.INT ? 1 : Double.NaN);
            if (Double.isNaN(min) || Double.isNaN(max)) {
                throw new IllegalArgumentException("min and max are required");
            }
            if (max == min) {
                throw new IllegalArgumentException(
                        "range is empty: min = max = " + min + "; drop the knob or widen it");
            }
            return new Knob(
                    node.path("name").asText(""),
                    type,
                    min,
                    max,
                    step,
                    apply,
                    node.path("key").asText(null),
                    node.path("flag").asText(null),
                    role,
                    node.path("restart").asBoolean(apply != Knob.Apply.COUNT));
        } catch (IllegalArgumentException e) {
            problems.add(where + ": " + e.getMessage());
            return null;
        }
    }

    private static CostModel cost(JsonNode node, List<String> problems) {
        unknown(
                node,
                List.of("perInstanceHour", "perCoreHour", "perGbHour", "baseMemoryMb", "memoryMbPer"),
                "cost",
                problems);
        Map<String, Double> per = new LinkedHashMap<>();
        node.path("memoryMbPer")
                .fields()
                .forEachRemaining(e -> per.put(e.getKey(), e.getValue().asDouble(Double.NaN)));
        return new CostModel(
                number(node, "perInstanceHour", 0),
                number(node, "perCoreHour", 0),
                number(node, "perGbHour", 0),
                number(node, "baseMemoryMb", 0),
                per);
    }

    private static double number(JsonNode node, String field, double fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException(field + " must be a number, got '" + value.asText() + "'");
        }
        return value.doubleValue();
    }

    private static void unknown(JsonNode node, List<String> allowed, String where, List<String> problems) {
        if (!node.isObject()) {
            return;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!allowed.contains(field)) {
                problems.add(where + " has unknown key '" + field + "'; expected one of " + allowed);
            }
        }
    }

    private static <T> T attempt(java.util.function.Supplier<T> make, List<String> problems) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
    }
}
