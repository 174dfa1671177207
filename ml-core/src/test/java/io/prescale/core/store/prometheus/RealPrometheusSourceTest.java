package io.prescale.core.store.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prescale.core.series.Aggregation;
import io.prescale.core.series.ShippedTrace;
import io.prescale.core.series.TimeSeries;
import io.prescale.core.testing.PrometheusServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real Debian Prometheus: 14 days of the shipped NAB ELB trace (5-minute steps, 8 real gaps) are backfilled
 * with {@code promtool}, served by {@code prometheus} on 127.0.0.1 with {@code --query.lookback-delta=1m}, and
 * read back through {@link PrometheusSource}. No fake server.
 */
class RealPrometheusSourceTest {
    private static final String METRIC = "prescale_elb_request_count";
    private static final Duration STEP = Duration.ofMinutes(5);
    private static final Duration SLICE = Duration.ofDays(14);

    /** The CSV rows of the slice, in file order. */
    private static Map<Instant, Double> rows;

    private static Instant start;
    private static Instant end;

    @RegisterExtension
    static final PrometheusServer PROMETHEUS = PrometheusServer.backfilledWith(work -> {
        rows = readSlice();
        Path openMetrics = work.resolve("elb.om.txt");
        writeOpenMetrics(openMetrics);
        return openMetrics;
    });

    private static PrometheusSource source(int maxPoints) {
        return PrometheusSource.open(PrometheusConfig.builder(PROMETHEUS.baseUrl())
                .maxPointsPerRequest(maxPoints)
                .build());
    }

    @Test
    void everyRowComesBackExactlyAndEveryGapComesBackAbsent() {
        PrometheusRange range = source(PrometheusConfig.PROMETHEUS_POINT_LIMIT).range(METRIC, start, end, STEP);

        TimeSeries series = range.series();
        assertThat(series.start()).isEqualTo(start);
        assertThat(series.size()).isEqualTo((int) (SLICE.toMinutes() / 5));
        assertThat(range.requests()).isEqualTo(1);
        assertThat(range.labels()).isEqualTo(Map.of("__name__", METRIC));
        List<Instant> gaps = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            Double expected = rows.get(series.timeAt(i));
            if (expected == null) {
                gaps.add(series.timeAt(i));
                assertThat(series.valueAt(i)).as("gap at %s", series.timeAt(i)).isNaN();
            } else {
                assertThat(series.valueAt(i)).as("row at %s", series.timeAt(i)).isEqualTo(expected);
            }
        }
        assertThat(rows).hasSize(series.size() - 8);
        assertThat(gaps)
                .hasSize(8)
                .contains(Instant.parse("2014-04-10T11:34:00Z"), Instant.parse("2014-04-20T04:14:00Z"));
        assertThat(series.gapCount()).isEqualTo(8);
    }

    @Test
    void smallChunksReturnTheSameSeriesAsOneRequest() {
        PrometheusRange whole = source(PrometheusConfig.PROMETHEUS_POINT_LIMIT).range(METRIC, start, end, STEP);
        PrometheusRange chunked = source(500).range(METRIC, start, end, STEP);

        assertThat(chunked.requests()).isEqualTo(9);
        assertThat(chunked.series()).isEqualTo(whole.series());
    }

    @Test
    void theOneMinuteLookbackKeepsGapsEmptyWhereAFiveMinuteWindowWouldFillThem() {
        TimeSeries raw =
                source(PrometheusConfig.PROMETHEUS_POINT_LIMIT).read(METRIC, start, end, STEP, Aggregation.LAST);
        TimeSeries window = source(PrometheusConfig.PROMETHEUS_POINT_LIMIT)
                .read("last_over_time(" + METRIC + "[5m])", start, end, STEP, Aggregation.LAST);

        for (int i = 1; i < raw.size(); i++) {
            if (Double.isNaN(raw.valueAt(i))) {
                // Prometheus' default 5-minute lookback would have carried the previous sample into the gap.
                assertThat(window.valueAt(i)).as("window at %s", raw.timeAt(i)).isEqualTo(raw.valueAt(i - 1));
            }
        }
    }

    @Test
    void infinitiesFromARealQueryAreCountedAndBecomeGaps() {
        long positive = rows.values().stream().filter(v -> v > 0).count();

        PrometheusRange range =
                source(PrometheusConfig.PROMETHEUS_POINT_LIMIT).range(METRIC + " / 0", start, end, STEP);

        assertThat(range.infiniteValues()).isEqualTo((int) positive);
        assertThat(range.series().gapCount()).isEqualTo(range.series().size());
        assertThat(range.notes()).anyMatch(n -> n.startsWith(positive + " sample(s) were +Inf or -Inf"));
    }

    @Test
    void realBadDataAndExecutionErrorsAreBadInput() {
        PrometheusSource source = source(PrometheusConfig.PROMETHEUS_POINT_LIMIT);

        assertThatThrownBy(() -> source.range("sum(rate(" + METRIC + "[5m])", start, end, STEP))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parse error")
                .hasMessageContaining("bad_data, HTTP 400");
        String twoSeries = "(" + METRIC + " or label_replace(" + METRIC + ", \"copy\", \"b\", \"\", \"\"))";
        assertThatThrownBy(() -> source.range(twoSeries + " * on() " + METRIC, start, end, STEP))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HTTP 422");
    }

    @Test
    void moreThanOneRealSeriesAsksForAnAggregation() {
        String twoSeries = "label_replace(" + METRIC + ", \"copy\", \"a\", \"\", \"\") or label_replace(" + METRIC
                + ", \"copy\", \"b\", \"\", \"\")";
        PrometheusSource source = source(PrometheusConfig.PROMETHEUS_POINT_LIMIT);

        assertThatThrownBy(() -> source.range(twoSeries, start, end, STEP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("returned 2 series");
        assertThat(source.range("sum(" + twoSeries + ")", start, end, STEP)
                        .series()
                        .valueAt(0))
                .isEqualTo(2 * rows.get(start));
    }

    @Test
    void instantQueryAndReadinessAgainstTheRealServer() {
        PrometheusSource source = source(PrometheusConfig.PROMETHEUS_POINT_LIMIT);

        assertThat(source.isReady()).isTrue();
        assertThat(source.instant(METRIC, start)).hasValue(rows.get(start));
        assertThat(source.instant(METRIC, Instant.parse("2014-04-10T11:34:00Z")))
                .isEmpty();
    }

    /** The rows of the shipped CSV in {@code [first timestamp, first + 14 days)}; NAB timestamps are UTC. */
    private static Map<Instant, Double> readSlice() throws IOException {
        Map<Instant, Double> slice = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(ShippedTrace.ELB_REQUEST_COUNT.open(), StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            assertThat(header).isEqualTo("timestamp,value");
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cells = line.split(",");
                Instant time = LocalDateTime.parse(cells[0].replace(' ', 'T')).toInstant(ZoneOffset.UTC);
                if (start == null) {
                    start = time;
                    end = time.plus(SLICE);
                }
                if (time.isBefore(end)) {
                    slice.put(time, Double.parseDouble(cells[1]));
                }
            }
        }
        return slice;
    }

    /** OpenMetrics text: one gauge, samples with timestamps in seconds, {@code # EOF}. */
    private static void writeOpenMetrics(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("# TYPE " + METRIC + " gauge\n");
            for (Map.Entry<Instant, Double> row : rows.entrySet()) {
                out.write(METRIC + " " + row.getValue() + " " + row.getKey().getEpochSecond() + "\n");
            }
            out.write("# EOF\n");
        }
    }
}
