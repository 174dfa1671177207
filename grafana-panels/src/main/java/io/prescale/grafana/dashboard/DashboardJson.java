package io.prescale.grafana.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The one writer from {@link Dashboard} to Grafana's classic dashboard JSON model (the body of
 * {@code POST /api/dashboards/db}'s {@code dashboard} member and of a provisioning file): {@code "id": null},
 * {@code schemaVersion} {@value #SCHEMA_VERSION}, {@code version} 0, every data source reference the
 * {@code ${datasource}} variable. Output is deterministic (same dashboard, same bytes), so provisioning's
 * change detection (MD5 of the file) only fires on real changes. Thread-safe.
 */
public final class DashboardJson {
    /** The dashboard schema version written: understood by Grafana 10 and later, migrated up on load. */
    public static final int SCHEMA_VERSION = 39;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DashboardJson() {}

    /** The dashboard as a fresh JSON tree (the caller may change it). */
    public static ObjectNode tree(Dashboard d) {
        ObjectNode root = MAPPER.createObjectNode();
        root.putNull("id");
        root.put("uid", d.uid());
        root.put("title", d.title());
        root.put("description", d.description());
        ArrayNode tags = root.putArray("tags");
        d.tags().forEach(tags::add);
        root.put("timezone", "browser");
        root.put("editable", true);
        root.put("graphTooltip", 1);
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("version", 0);
        root.put("refresh", d.refresh());
        root.put("fiscalYearStartMonth", 0);
        root.put("liveNow", false);
        ObjectNode time = root.putObject("time");
        time.put("from", d.timeFrom());
        time.put("to", "now");
        root.putObject("timepicker");
        root.putArray("links");
        ArrayNode vars = root.putObject("templating").putArray("list");
        d.variables().forEach(v -> vars.add(variable(v)));
        ArrayNode annotations = root.putObject("annotations").putArray("list");
        annotations.add(builtInAnnotations());
        d.annotations().forEach(a -> annotations.add(annotation(a)));
        ArrayNode panels = root.putArray("panels");
        d.panels().forEach(p -> panels.add(panel(p)));
        return root;
    }

    /** The dashboard as UTF-8 JSON, pretty-printed, ending in a newline. */
    public static byte[] bytes(Dashboard d) {
        try {
            return (MAPPER.writeValueAsString(tree(d)) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode datasource() {
        ObjectNode ds = MAPPER.createObjectNode();
        ds.put("type", "prometheus");
        ds.put("uid", "${datasource}");
        return ds;
    }

    private static ObjectNode variable(Variable v) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("name", v.name());
        n.put("label", v.label());
        n.put("hide", 0);
        n.put("skipUrlSync", false);
        n.put("multi", false);
        n.put("includeAll", v.includeAll());
        n.putArray("options");
        if (v.kind() == Variable.Kind.DATASOURCE) {
            n.put("type", "datasource");
            n.put("query", v.query());
            n.put("refresh", 1);
            n.put("regex", "");
        } else {
            n.put("type", "query");
            n.set("datasource", datasource());
            ObjectNode q = n.putObject("query");
            q.put("query", v.query());
            q.put("refId", "PrometheusVariableQueryEditor-VariableQuery");
            n.put("definition", v.query());
            n.put("refresh", 2);
            n.put("sort", 1);
            n.put("regex", "");
        }
        return n;
    }

    private static ObjectNode builtInAnnotations() {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("builtIn", 1);
        ObjectNode ds = n.putObject("datasource");
        ds.put("type", "grafana");
        ds.put("uid", "-- Grafana --");
        n.put("enable", true);
        n.put("hide", true);
        n.put("iconColor", "rgba(0, 211, 255, 1)");
        n.put("name", "Annotations & Alerts");
        n.put("type", "dashboard");
        return n;
    }

    private static ObjectNode annotation(AnnotationQuery a) {
        ObjectNode n = MAPPER.createObjectNode();
        ObjectNode ds = n.putObject("datasource");
        ds.put("type", "grafana");
        ds.put("uid", "-- Grafana --");
        n.put("enable", true);
        n.put("hide", false);
        n.put("iconColor", a.colour());
        n.put("name", a.name());
        ObjectNode target = n.putObject("target");
        target.put("type", "tags");
        ArrayNode tags = target.putArray("tags");
        a.tags().forEach(tags::add);
        target.put("matchAny", false);
        target.put("limit", 500);
        return n;
    }

    private static ObjectNode panel(Panel p) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", p.id());
        n.put("type", p.type().id());
        n.put("title", p.title());
        n.put("description", p.description());
        ObjectNode grid = n.putObject("gridPos");
        grid.put("x", p.gridPos().x());
        grid.put("y", p.gridPos().y());
        grid.put("w", p.gridPos().w());
        grid.put("h", p.gridPos().h());
        n.set("datasource", datasource());
        ArrayNode targets = n.putArray("targets");
        p.targets().forEach(t -> targets.add(target(t)));
        if (p.type() == Panel.Type.TABLE && p.targets().size() > 1) {
            n.putArray("transformations").addObject().put("id", "merge").putObject("options");
        }
        n.set("fieldConfig", fieldConfig(p));
        n.set("options", options(p));
        return n;
    }

    private static ObjectNode target(Target t) {
        ObjectNode n = MAPPER.createObjectNode();
        n.set("datasource", datasource());
        n.put("editorMode", "code");
        n.put("expr", t.expr());
        n.put("legendFormat", t.legendFormat().isEmpty() ? "__auto" : t.legendFormat());
        boolean table = t.format() == Target.Format.TABLE;
        n.put("format", table ? "table" : "time_series");
        n.put("range", !table);
        n.put("instant", table);
        n.put("refId", t.refId());
        return n;
    }

    private static ObjectNode fieldConfig(Panel p) {
        ObjectNode fc = MAPPER.createObjectNode();
        ObjectNode defaults = fc.putObject("defaults");
        defaults.put("unit", p.unit());
        defaults.putObject("color").put("mode", p.type() == Panel.Type.TIMESERIES ? "palette-classic" : "thresholds");
        ObjectNode thresholds = defaults.putObject("thresholds");
        thresholds.put("mode", "absolute");
        ObjectNode base = thresholds.putArray("steps").addObject();
        base.put("color", "green");
        base.putNull("value");
        if (p.type() == Panel.Type.TIMESERIES) {
            ObjectNode custom = defaults.putObject("custom");
            custom.put("drawStyle", "line");
            custom.put("lineWidth", 1);
            custom.put("fillOpacity", 20);
            custom.put("showPoints", "never");
            custom.put("spanNulls", false);
        }
        ArrayNode overrides = fc.putArray("overrides");
        for (SeriesOverride o : p.overrides()) {
            ObjectNode on = overrides.addObject();
            ObjectNode matcher = on.putObject("matcher");
            matcher.put("id", "byName");
            matcher.put("options", o.seriesName());
            ArrayNode props = on.putArray("properties");
            for (Map.Entry<String, Object> e : new java.util.TreeMap<>(o.properties()).entrySet()) {
                ObjectNode prop = props.addObject();
                prop.put("id", e.getKey());
                if (e.getKey().equals("color")) {
                    ObjectNode colour = prop.putObject("value");
                    colour.put("mode", "fixed");
                    colour.put("fixedColor", e.getValue().toString());
                } else {
                    prop.set("value", MAPPER.valueToTree(e.getValue()));
                }
            }
        }
        return fc;
    }

    private static ObjectNode options(Panel p) {
        ObjectNode o = MAPPER.createObjectNode();
        switch (p.type()) {
            case TIMESERIES -> {
                ObjectNode legend = o.putObject("legend");
                legend.put("displayMode", "list");
                legend.put("placement", "bottom");
                legend.put("showLegend", true);
                legend.putArray("calcs");
                ObjectNode tooltip = o.putObject("tooltip");
                tooltip.put("mode", "multi");
                tooltip.put("sort", "none");
            }
            case TABLE -> {
                o.put("showHeader", true);
                o.put("cellHeight", "sm");
            }
            case STAT, BARGAUGE -> {
                ObjectNode reduce = o.putObject("reduceOptions");
                reduce.putArray("calcs").add("lastNotNull");
                reduce.put("fields", "");
                reduce.put("values", false);
                o.put("orientation", "horizontal");
            }
        }
        return o;
    }
}
