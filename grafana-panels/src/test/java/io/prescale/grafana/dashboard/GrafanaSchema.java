package io.prescale.grafana.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Grafana's own dashboard JSON Schema (grafana-foundation-sdk, Apache-2.0, in test resources with its LICENSE)
 * with the kit's three local patches and our two ({@code prescale-patches.json}: field-override matcher options
 * and property values are any JSON value, as the CUE source {@code _} says; upstream generates "object", which
 * rejects Grafana's own {@code byName} overrides) applied in memory, plus the checks the schema does not make: every panel has a
 * {@code gridPos} and a title, panel ids are unique, the top-level {@code id} is null, {@code schemaVersion} is
 * in 39..42, and every data source reference is the {@code ${datasource}} variable or Grafana's built-in one.
 */
final class GrafanaSchema {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Schema dashboard;
    private final Schema timeseriesOptions;
    private final Schema timeseriesFieldConfig;
    private final Schema prometheusTarget;

    GrafanaSchema() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
        JsonNode schema = read("grafana-schema/dashboard.jsonschema.json");
        applyPatch(schema, read("grafana-schema/local-patches.json"));
        applyPatch(schema, read("grafana-schema/prescale-patches.json"));
        dashboard = registry.getSchema(SchemaLocation.of("urn:grafana:dashboard:v1"), schema);
        timeseriesOptions = registry.getSchema(
                SchemaLocation.of("classpath:grafana-schema/timeseries.jsonschema.json#/definitions/Options"));
        timeseriesFieldConfig = registry.getSchema(
                SchemaLocation.of("classpath:grafana-schema/timeseries.jsonschema.json#/definitions/FieldConfig"));
        prometheusTarget = registry.getSchema(SchemaLocation.of("classpath:grafana-schema/prometheus.jsonschema.json"));
    }

    /** Every problem found in one dashboard JSON; empty means valid. */
    List<String> problems(JsonNode d) {
        List<String> out = new ArrayList<>();
        dashboard.validate(d).stream().map(Error::toString).forEach(out::add);
        if (!d.has("id") || !d.get("id").isNull()) {
            out.add("/id: must be null, got " + d.get("id"));
        }
        int version = d.path("schemaVersion").asInt(-1);
        if (version < 39 || version > 42) {
            out.add("/schemaVersion: must be in 39..42, got " + d.get("schemaVersion"));
        }
        Set<Integer> ids = new HashSet<>();
        JsonNode panels = d.path("panels");
        for (int i = 0; i < panels.size(); i++) {
            JsonNode p = panels.get(i);
            String at = "/panels/" + i;
            if (!p.hasNonNull("gridPos")) {
                out.add(at + ": has no gridPos");
            }
            if (!p.path("title").isTextual() || p.path("title").asText().isBlank()) {
                out.add(at + ": has no title");
            }
            if (!p.path("id").isInt()) {
                out.add(at + ": has no integer id");
            } else if (!ids.add(p.get("id").asInt())) {
                out.add(at + ": duplicate panel id " + p.get("id"));
            }
            checkDatasource(p.path("datasource"), at, out);
            if ("timeseries".equals(p.path("type").asText())) {
                timeseriesOptions.validate(p.path("options")).forEach(e -> out.add(at + "/options" + e));
                timeseriesFieldConfig
                        .validate(p.path("fieldConfig").path("defaults").path("custom"))
                        .forEach(e -> out.add(at + "/fieldConfig/defaults/custom" + e));
            }
            JsonNode targets = p.path("targets");
            for (int t = 0; t < targets.size(); t++) {
                String tat = at + "/targets/" + t;
                prometheusTarget.validate(targets.get(t)).forEach(e -> out.add(tat + e));
                checkDatasource(targets.get(t).path("datasource"), tat, out);
            }
        }
        return out;
    }

    private static void checkDatasource(JsonNode ds, String at, List<String> out) {
        if (!ds.isObject() || !"${datasource}".equals(ds.path("uid").asText())) {
            out.add(at + "/datasource: must be the ${datasource} variable, got " + ds);
        }
    }

    private static JsonNode read(String resource) {
        try (InputStream in = GrafanaSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 6902 {@code test} and {@code replace} only: enough for local-patches.json, loud on anything else. */
    static void applyPatch(JsonNode target, JsonNode patch) {
        for (JsonNode op : patch) {
            String path = op.get("path").asText();
            int cut = path.lastIndexOf('/');
            JsonNode parent = target.at(path.substring(0, cut));
            String key = path.substring(cut + 1).replace("~1", "/").replace("~0", "~");
            switch (op.get("op").asText()) {
                case "test" -> {
                    if (!op.get("value").equals(target.at(path))) {
                        throw new IllegalStateException(
                                "local patch test failed at " + path + ": upstream schema changed there");
                    }
                }
                case "replace" -> {
                    if (parent instanceof ObjectNode o && o.has(key)) {
                        o.set(key, op.get("value"));
                    } else if (parent instanceof ArrayNode a) {
                        a.set(Integer.parseInt(key), op.get("value"));
                    } else {
                        throw new IllegalStateException("local patch replace: nothing at " + path);
                    }
                }
                default -> throw new IllegalStateException("unsupported patch op " + op.get("op"));
            }
        }
    }
}
