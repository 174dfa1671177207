package io.prescale.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.prescale.core.series.LoadProfile;
import io.prescale.core.store.RetentionPolicy;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a {@link CollectConfig} from the {@value #SECTION} section of a YAML file (see {@code docs/collect.md}
 * and {@code deploy/collect.example.yaml}); other sections belong to other commands and are not read here:
 * <pre>
 * collect:
 *   listen: 127.0.0.1:9091
 *   maxBodyBytes: 10485760
 *   remoteWrite:
 *     - {name: web_rate, selector: 'prescale:request_rate{job="web"}', step: 15s, unit: rate}
 *   pull:
 *     prometheus: http://127.0.0.1:9090
 *     every: 1m
 *     backfill: 7d
 *     queries:
 *       - {name: web_p99, query: 'histogram_quantile(0.99, …)', step: 1m, unit: count}
 *   retention: {raw: 35d, rollups: 730d, outOfOrderWindow: 1h, maintenanceEvery: 1m}
 * </pre>
 * Unknown keys are errors; every problem of the section is collected and reported at once.
 */
public final class CollectConfigFile {
    /** The section of the file read here. */
    public static final String SECTION = "collect";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP = Set.of("listen", "maxBodyBytes", "remoteWrite", "pull", "retention");
    private static final Set<String> PUSH = Set.of("name", "selector", "step", "unit");
    private static final Set<String> PULL = Set.of("prometheus", "every", "backfill", "queries");
    private static final Set<String> QUERY = Set.of("name", "query", "step", "unit");
    private static final Set<String> RETENTION = Set.of("raw", "rollups", "outOfOrderWindow", "maintenanceEvery");

    private final List<String> problems = new ArrayList<>();

    private CollectConfigFile() {}

    /**
     * Reads {@code file} over {@code base}.
     *
     * @throws IllegalArgumentException listing every problem of the file (path, key, what was expected)
     */
    public static CollectConfig read(Path file, CollectConfig base) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot read config " + file + ": "
                            + e.getMessage().lines().findFirst().orElse(""),
                    e);
        }
        if (root == null || root.isMissingNode() || root.isNull() || !root.has(SECTION)) {
            return base;
        }
        root = root.get(SECTION);
        CollectConfigFile reader = new CollectConfigFile();
        CollectConfig config = reader.parse(root, base);
        if (!reader.problems.isEmpty()) {
            throw new IllegalArgumentException("config " + file + ": " + String.join("; ", reader.problems));
        }
        return config;
    }

    private CollectConfig parse(JsonNode root, CollectConfig base) {
        if (!root.isObject()) {
            problems.add(SECTION + ": expected a mapping");
            return base;
        }
        keys(root, TOP, SECTION + ".");
        CollectConfig config = base;
        if (root.has("listen")) {
            config = config.withListen(value(root, "listen", ConfigValues::listen, null));
        }
        if (root.has("maxBodyBytes")) {
            JsonNode n = root.get("maxBodyBytes");
            if (!n.canConvertToLong() || n.asLong() < 1) {
                problems.add("maxBodyBytes: expected a positive number of bytes, got " + n);
            } else {
                config = config.withMaxBodyBytes(n.asLong());
            }
        }
        List<PushRule> push = new ArrayList<>(config.push());
        JsonNode remoteWrite = root.path("remoteWrite");
        if (!remoteWrite.isMissingNode() && !remoteWrite.isArray()) {
            problems.add("remoteWrite: expected a list of {name, selector, step, unit}");
        }
        int i = 0;
        for (JsonNode rule : iterable(remoteWrite)) {
            String at = SECTION + ".remoteWrite[" + i++ + "].";
            keys(rule, PUSH, at);
            try {
                push.add(new PushRule(
                        text(rule, "name", at),
                        Selector.parse(text(rule, "selector", at)),
                        value(rule, "step", ConfigValues::duration, Duration.ofSeconds(15)),
                        value(rule, "unit", LoadProfile.Unit::parse, LoadProfile.Unit.RATE)));
            } catch (IllegalArgumentException e) {
                problems.add(at + " " + e.getMessage());
            }
        }
        config = config.withPush(push);
        config = pull(root.path("pull"), config);
        return retention(root.path("retention"), config);
    }

    private CollectConfig pull(JsonNode pull, CollectConfig config) {
        if (pull.isMissingNode()) {
            return config;
        }
        keys(pull, PULL, SECTION + ".pull.");
        if (pull.has("prometheus")) {
            config = config.withPrometheus(value(pull, "prometheus", URI::create, null));
        }
        config = config.withEvery(value(pull, "every", ConfigValues::duration, config.every()))
                .withBackfill(value(pull, "backfill", ConfigValues::duration, config.backfill()));
        List<PullRule> rules = new ArrayList<>(config.pull());
        int i = 0;
        for (JsonNode rule : iterable(pull.path("queries"))) {
            String at = SECTION + ".pull.queries[" + i++ + "].";
            keys(rule, QUERY, at);
            try {
                rules.add(new PullRule(
                        text(rule, "name", at),
                        text(rule, "query", at),
                        value(rule, "step", ConfigValues::duration, Duration.ofMinutes(1)),
                        value(rule, "unit", LoadProfile.Unit::parse, LoadProfile.Unit.RATE)));
            } catch (IllegalArgumentException e) {
                problems.add(at + " " + e.getMessage());
            }
        }
        return config.withPull(rules);
    }

    private CollectConfig retention(JsonNode node, CollectConfig config) {
        if (node.isMissingNode()) {
            return config;
        }
        keys(node, RETENTION, SECTION + ".retention.");
        try {
            RetentionPolicy policy = config.retention()
                    .withRaw(value(
                            node,
                            "raw",
                            ConfigValues::duration,
                            config.retention().raw()))
                    .withRollups(value(
                            node,
                            "rollups",
                            ConfigValues::duration,
                            config.retention().rollups()));
            return config.withRetention(policy)
                    .withOutOfOrderWindow(
                            value(node, "outOfOrderWindow", ConfigValues::duration, config.outOfOrderWindow()))
                    .withMaintenanceEvery(
                            value(node, "maintenanceEvery", ConfigValues::duration, config.maintenanceEvery()));
        } catch (IllegalArgumentException e) {
            problems.add("retention: " + e.getMessage());
            return config;
        }
    }

    private void keys(JsonNode node, Set<String> allowed, String at) {
        if (!node.isObject()) {
            problems.add(at + ": expected a mapping");
            return;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                problems.add(
                        "unknown key '" + at + key + "' (expected one of " + new java.util.TreeSet<>(allowed) + ")");
            }
        }
    }

    private String text(JsonNode node, String key, String at) {
        JsonNode value = node.get(key);
        if (value == null || !value.isValueNode() || value.asText().isBlank()) {
            throw new IllegalArgumentException(at + key + " is required");
        }
        return value.asText();
    }

    private <T> T value(JsonNode node, String key, Function<String, T> parse, T fallback) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        try {
            return parse.apply(value.asText());
        } catch (IllegalArgumentException e) {
            problems.add(key + ": " + e.getMessage());
            return fallback;
        }
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return node.isArray() ? node::elements : java.util.Collections::emptyIterator;
    }
}
