package io.prescale.core.store.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import io.prescale.core.series.Aggregation;
import io.prescale.core.series.TimeSeries;
import io.prescale.core.store.MetricSource;
import io.prescale.core.store.MetricSourceException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Reads one series from a Prometheus-compatible HTTP API ({@code /api/v1/query_range}) with {@code java.net.http}.
 *
 * <p>The range {@code [start, end)} at {@code step} is the grid {@code start + i·step}; Prometheus evaluates the
 * query at each grid time and the value lands on that step. The range is split into requests of at most
 * {@link PrometheusConfig#maxPointsPerRequest()} points (Prometheus refuses more than 11,000 points per series).
 * A grid time for which Prometheus returns no sample is a gap (NaN); so is a sample of {@code NaN}, and so is a
 * sample of {@code +Inf} or {@code -Inf}, because {@link TimeSeries} holds no infinities: those are counted in
 * {@link PrometheusRange#infiniteValues()} and named in its notes rather than silently clamped.
 *
 * <p>The query must yield one series (across the whole range): more is an {@link IllegalArgumentException}
 * asking for an aggregation such as {@code sum(…)}; none gives an all-NaN series with a note. Prometheus works in
 * milliseconds, so {@code start} and {@code step} must be whole milliseconds.
 *
 * <p>Errors follow the Prometheus API: HTTP 400 ({@code bad_data}) and 422 ({@code execution}) are bad input,
 * an {@link IllegalArgumentException} with Prometheus' own error text; 5xx, other statuses, timeouts and an
 * unreachable server are a {@link MetricSourceException} with the status, the endpoint and a body excerpt.
 * Credentials never appear in messages or logs. Thread-safe.
 */
public final class PrometheusSource implements MetricSource {
    static final String QUERY_RANGE = "/api/v1/query_range";
    static final String QUERY = "/api/v1/query";

    private final PrometheusConfig config;
    private final PrometheusHttp http;

    private PrometheusSource(PrometheusConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = new PrometheusHttp(config);
    }

    /** A source for {@code config}; opens no connection yet. */
    public static PrometheusSource open(PrometheusConfig config) {
        return new PrometheusSource(config);
    }

    public PrometheusConfig config() {
        return config;
    }

    /**
     * {@inheritDoc} The aggregation is ignored: Prometheus evaluates {@code query} at each step, so aggregate in
     * PromQL (e.g. {@code sum(rate(x[5m]))}). See {@link #range} for the details that this drops.
     */
    @Override
    public TimeSeries read(String query, Instant start, Instant end, Duration step, Aggregation aggregation) {
        return range(query, start, end, step).series();
    }

    /**
     * Evaluates {@code query} over {@code [start, end)} at {@code step}.
     *
     * @throws IllegalArgumentException for an invalid range, a query Prometheus rejects, or more than one series
     * @throws MetricSourceException     when Prometheus cannot be reached, times out or fails
     */
    public PrometheusRange range(String query, Instant start, Instant end, Duration step) {
        return http.redacting(() -> rangeUnredacted(query, start, end, step));
    }

    private PrometheusRange rangeUnredacted(String query, Instant start, Instant end, Duration step) {
        requireQuery(query);
        int points = gridSize(start, end, step);
        long startMs = start.toEpochMilli();
        long stepMs = step.toMillis();
        double[] values = new double[points];
        Arrays.fill(values, Double.NaN);
        Accumulator acc = new Accumulator(query, values, startMs, stepMs);
        for (int from = 0; from < points; from += config.maxPointsPerRequest()) {
            int to = Math.min(points, from + config.maxPointsPerRequest());
            JsonNode data = http.api(
                    QUERY_RANGE,
                    PrometheusHttp.params(
                            "query",
                            query,
                            "start",
                            seconds(startMs + from * stepMs),
                            "end",
                            seconds(startMs + (to - 1) * stepMs),
                            "step",
                            seconds(stepMs)),
                    query,
                    acc.notes);
            acc.requests++;
            acc.place(PrometheusResults.result(data, "matrix", config.endpoint(QUERY_RANGE)), from, to);
        }
        return acc.finish(TimeSeries.of(start, step, values));
    }

    /**
     * Evaluates {@code query} at one instant ({@code /api/v1/query}).
     *
     * @return the value (possibly NaN or ±Inf, as Prometheus returned it), or empty when no series matched
     * @throws IllegalArgumentException for a query Prometheus rejects or more than one series
     * @throws MetricSourceException     when Prometheus cannot be reached, times out or fails
     */
    public OptionalDouble instant(String query, Instant time) {
        return http.redacting(() -> instantUnredacted(query, time));
    }

    private OptionalDouble instantUnredacted(String query, Instant time) {
        requireQuery(query);
        Objects.requireNonNull(time, "time");
        String endpoint = config.endpoint(QUERY);
        JsonNode data = http.api(
                QUERY,
                PrometheusHttp.params("query", query, "time", seconds(time.toEpochMilli())),
                query,
                new ArrayList<>());
        if ("scalar".equals(data.path("resultType").asText())) {
            return OptionalDouble.of(
                    PrometheusResults.value(PrometheusResults.pair(data.path("result"), endpoint)[1], endpoint));
        }
        JsonNode result = PrometheusResults.result(data, "vector", endpoint);
        if (result.isEmpty()) {
            return OptionalDouble.empty();
        }
        if (result.size() > 1) {
            List<Map<String, String>> labels = new ArrayList<>();
            result.forEach(r -> labels.add(PrometheusResults.labels(r.path("metric"))));
            throw PrometheusResults.multipleSeries(query, labels, result.size());
        }
        return OptionalDouble.of(
                PrometheusResults.value(PrometheusResults.pair(result.get(0).path("value"), endpoint)[1], endpoint));
    }

    /** Whether {@code /-/ready} answers 200; false also when the server cannot be reached. Never throws. */
    public boolean isReady() {
        return http.ready();
    }

    /** Number of grid points of {@code [start, end)} at {@code step}, checking the range. */
    static int gridSize(Instant start, Instant end, Duration step) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(step, "step");
        if (step.isZero() || step.isNegative() || step.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException("step must be a positive whole number of milliseconds, got " + step);
        }
        if (start.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException(
                    "start must be a whole millisecond (Prometheus resolution), got " + start);
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end " + end + " must be after start " + start);
        }
        long stepMillis = step.toMillis();
        Duration range = Duration.between(start, end);
        long points = range.toMillis() / stepMillis
                + (range.minusMillis(range.toMillis() / stepMillis * stepMillis).isZero() ? 0 : 1);
        if (points > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("range " + start + " to " + end + " at step " + step + " has " + points
                    + " points; use a larger step");
        }
        return (int) points;
    }

    /** Milliseconds since the epoch as Prometheus float seconds, e.g. {@code 1795833244.5}. */
    static String seconds(long millis) {
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
    }

    private static void requireQuery(String query) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException(
                    "query must be a non-empty PromQL expression, got '" + (query == null ? "" : query) + "'");
        }
    }

    /** Collects the chunks of one range read. */
    private final class Accumulator {
        final String query;
        final double[] values;
        final long startMs;
        final long stepMs;
        final List<String> notes = new ArrayList<>();
        Map<String, String> labels;
        int requests;
        int infinite;

        Accumulator(String query, double[] values, long startMs, long stepMs) {
            this.query = query;
            this.values = values;
            this.startMs = startMs;
            this.stepMs = stepMs;
        }

        /** Puts one chunk's matrix on steps {@code [from, to)}. */
        void place(JsonNode result, int from, int to) {
            List<Map<String, String>> labelSets = new ArrayList<>();
            result.forEach(r -> labelSets.add(PrometheusResults.labels(r.path("metric"))));
            if (labelSets.size() > 1) {
                throw PrometheusResults.multipleSeries(query, labelSets, labelSets.size());
            }
            if (labelSets.isEmpty()) {
                return;
            }
            if (labels != null && !labels.equals(labelSets.get(0))) {
                throw PrometheusResults.multipleSeries(query, List.of(labels, labelSets.get(0)), 2);
            }
            labels = labelSets.get(0);
            String endpoint = config.endpoint(QUERY_RANGE);
            for (JsonNode sample : result.get(0).path("values")) {
                JsonNode[] pair = PrometheusResults.pair(sample, endpoint);
                long offset = PrometheusResults.timestampMillis(pair[0], endpoint) - startMs;
                long index = Math.floorDiv(offset + stepMs / 2, stepMs);
                if (index < from || index >= to) {
                    continue;
                }
                double value = PrometheusResults.value(pair[1], endpoint);
                if (Double.isInfinite(value)) {
                    infinite++;
                } else {
                    values[(int) index] = value;
                }
            }
        }

        PrometheusRange finish(TimeSeries series) {
            List<String> all = new ArrayList<>();
            if (labels == null) {
                all.add("query '" + PrometheusHttp.shorten(query)
                        + "' matched no series in the range; every step is a gap");
            }
            if (infinite > 0) {
                all.add(infinite + " sample(s) were +Inf or -Inf and are gaps (NaN) in the series");
            }
            all.addAll(notes);
            return new PrometheusRange(
                    series, labels == null ? Map.of() : labels, labels != null, requests, infinite, all);
        }
    }
}
