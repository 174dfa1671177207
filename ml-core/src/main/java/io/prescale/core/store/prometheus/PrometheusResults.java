package io.prescale.core.store.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import io.prescale.core.store.MetricSourceException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the pieces of a Prometheus query result: label sets, float-second timestamps and string values
 * ({@code "NaN"}, {@code "+Inf"}, {@code "-Inf"} included). Malformed pieces are a {@link MetricSourceException}:
 * the server is not speaking the Prometheus API.
 */
final class PrometheusResults {
    private PrometheusResults() {}

    /** The label set of a result's {@code metric} object, sorted by name. */
    static Map<String, String> labels(JsonNode metric) {
        Map<String, String> labels = new TreeMap<>();
        metric.fields()
                .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    /** A timestamp in float seconds (e.g. {@code 1795833244.5}) as milliseconds, rounded to the nearest. */
    static long timestampMillis(JsonNode timestamp, String endpoint) {
        if (timestamp == null || !timestamp.isNumber()) {
            throw malformed("timestamp " + timestamp + " is not a number of seconds", endpoint);
        }
        BigDecimal seconds = timestamp.decimalValue();
        return seconds.movePointRight(3).setScale(0, RoundingMode.HALF_EVEN).longValue();
    }

    /**
     * A sample value as Prometheus writes it: a string holding a float, {@code NaN}, {@code +Inf} or
     * {@code -Inf}. Infinities are returned as such; callers decide what they mean.
     */
    static double value(JsonNode value, String endpoint) {
        if (value == null || !value.isTextual()) {
            throw malformed("sample value " + value + " is not a string", endpoint);
        }
        String text = value.asText();
        switch (text) {
            case "NaN":
                return Double.NaN;
            case "+Inf":
            case "Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw malformed("sample value \"" + PrometheusHttp.shorten(text) + "\" is not a number", endpoint);
                }
        }
    }

    /** One {@code [timestamp, "value"]} pair. */
    static JsonNode[] pair(JsonNode sample, String endpoint) {
        if (sample == null || !sample.isArray() || sample.size() != 2) {
            throw malformed(
                    "sample " + PrometheusHttp.shorten(String.valueOf(sample)) + " is not [time, \"value\"]", endpoint);
        }
        return new JsonNode[] {sample.get(0), sample.get(1)};
    }

    /** Checks {@code data.resultType} and returns {@code data.result}. */
    static JsonNode result(JsonNode data, String expectedType, String endpoint) {
        String type = data.path("resultType").asText();
        if (!type.equals(expectedType)) {
            throw malformed("resultType is '" + type + "', expected '" + expectedType + "'", endpoint);
        }
        JsonNode result = data.path("result");
        if (!result.isArray()) {
            throw malformed("data.result is not an array", endpoint);
        }
        return result;
    }

    /** The error for a query that yields more than one series: Prescale reads one series. */
    static IllegalArgumentException multipleSeries(String query, List<Map<String, String>> labelSets, int count) {
        List<String> shown = new ArrayList<>();
        for (Map<String, String> labels : labelSets.subList(0, Math.min(3, labelSets.size()))) {
            shown.add(PrometheusHttp.shorten(format(labels)));
        }
        String q = PrometheusHttp.shorten(query);
        return new IllegalArgumentException("query '" + q + "' returned " + count + " series ("
                + String.join(", ", shown)
                + (count > shown.size() ? ", …" : "") + ") but one is needed; aggregate it to one series, e.g. sum("
                + q + ")");
    }

    /** {@code {a="1", b="2"}}. */
    static String format(Map<String, String> labels) {
        StringBuilder text = new StringBuilder("{");
        labels.forEach((k, v) -> text.append(text.length() > 1 ? ", " : "")
                .append(k)
                .append("=\"")
                .append(v)
                .append('"'));
        return text.append('}').toString();
    }

    static MetricSourceException malformed(String what, String endpoint) {
        return new MetricSourceException("unexpected response from " + endpoint + ": " + what, endpoint, 200, null);
    }
}
