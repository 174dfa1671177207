package io.prescale.cli.base;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The benchmark document of DESIGN.md §4: {@code {"benchmark", "environment": {"cores", "java", "commit"},
 * "metrics": {…}, "goals": [{"metric", "op", "target", "value", "met"}]}}. Collect metrics and goals, then
 * {@link #toFields()} gives the fields a bench command returns.
 */
public final class BenchmarkReport {
    private final String benchmark;
    private final Map<String, Double> metrics = new LinkedHashMap<>();
    private final ObjectNode extra = Json.object();
    private final ArrayNode goals = Json.object().arrayNode();

    public BenchmarkReport(String benchmark) {
        this.benchmark = benchmark;
    }

    /** Records a metric (NaN allowed; it is written as null with a reason). */
    public BenchmarkReport metric(String name, double value) {
        metrics.put(name, value);
        return this;
    }

    /** Extra context beside the metrics (sizes, parameters). */
    public ObjectNode details() {
        return extra;
    }

    /** A goal on a recorded metric: {@code op} is {@code >=} or {@code <=}. */
    public BenchmarkReport goal(String metric, String op, double target) {
        Double value = metrics.get(metric);
        if (value == null) {
            throw new IllegalArgumentException("goal on unrecorded metric '" + metric + "'");
        }
        boolean met = switch (op) {
            case ">=" -> value >= target;
            case "<=" -> value <= target;
            default -> throw new IllegalArgumentException("op must be >= or <=, got '" + op + "'");
        };
        ObjectNode goal = goals.addObject();
        goal.put("metric", metric);
        goal.put("op", op);
        goal.put("target", target);
        Json.putNumber(goal, "value", value, "not measured");
        goal.put("met", Double.isFinite(value) && met);
        return this;
    }

    /** The fields after the document header. */
    public ObjectNode toFields() {
        ObjectNode fields = Json.object();
        fields.put("benchmark", benchmark);
        ObjectNode environment = fields.putObject("environment");
        environment.put("cores", Runtime.getRuntime().availableProcessors());
        environment.put("java", System.getProperty("java.version"));
        environment.put("commit", VersionInfo.commit());
        ObjectNode metricNode = fields.putObject("metrics");
        metrics.forEach((name, value) -> Json.putNumber(metricNode, name, value, "not measured"));
        fields.set("goals", goals);
        if (!extra.isEmpty()) {
            fields.set("details", extra);
        }
        return fields;
    }

    /** Median of {@code values} (copied). */
    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
