package io.prescale.collect;

import static io.prescale.collect.RemoteWriteBodies.body;
import static io.prescale.collect.RemoteWriteBodies.series;
import static org.assertj.core.api.Assertions.assertThat;

import io.prescale.core.series.Aggregation;
import io.prescale.core.series.LoadProfile;
import io.prescale.core.series.TimeSeries;
import io.prescale.core.store.AppendOptions;
import io.prescale.core.store.AppendResult;
import io.prescale.core.store.AppendableStore;
import io.prescale.core.store.MaintenanceResult;
import io.prescale.core.store.MetricSourceException;
import io.prescale.core.store.QuestDbStore;
import io.prescale.core.store.RetentionPolicy;
import io.prescale.core.store.SampleBatch;
import io.prescale.core.store.SeriesInfo;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The remote-write receiver over real HTTP into a real store: status codes, idempotence, selectors. */
class CollectorPushTest {
    private static final long T0 = Instant.parse("2026-11-30T12:00:00Z").toEpochMilli();
    private static final Map<String, String> RATE = Map.of("__name__", "prescale:request_rate", "job", "web");
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(T0 + 60_000), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private QuestDbStore store;
    private Collector collector;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void open() {
        store = QuestDbStore.open(dir);
    }

    @AfterEach
    void close() {
        if (collector != null) {
            collector.close();
        }
        store.close();
    }

    private CollectConfig config(long maxBody) {
        return CollectConfig.defaults()
                .withListen(new InetSocketAddress("127.0.0.1", 0))
                .withMaxBodyBytes(maxBody)
                .withPush(List.of(new PushRule(
                        "web_rate",
                        Selector.parse("prescale:request_rate{job=\"web\"}"),
                        Duration.ofSeconds(1),
                        LoadProfile.Unit.RATE)));
    }

    private HttpResponse<String> post(byte[] body) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + collector.address().getPort() + "/api/v1/write");
        return http.send(
                HttpRequest.newBuilder(uri)
                        .header("Content-Encoding", "snappy")
                        .header("Content-Type", "application/x-protobuf")
                        .header("X-Prometheus-Remote-Write-Version", "0.1.0")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long[] times(int... seconds) {
        return Arrays.stream(seconds).mapToLong(s -> T0 + s * 1000L).toArray();
    }

    @Test
    void storesTheSelectedSeriesAnswers204AndARetriedRequestStoresNothingTwice() throws Exception {
        collector = Collector.start(config(1 << 20), store, null, CLOCK);
        byte[] body = body(
                series(RATE, times(0, 1, 2), new double[] {10, 11, 12}),
                series(Map.of("__name__", "prescale:request_rate", "job", "api"), times(0), new double[] {99}),
                series(Map.of("__name__", "up", "job", "web"), times(0), new double[] {1}));
        assertThat(post(body).statusCode()).isEqualTo(204);
        assertThat(post(body).statusCode()).as("a resend").isEqualTo(204);
        assertThat(store.read("web_rate").values()).containsExactly(10, 11, 12);
        SeriesReport report = collector.report().series().get(0);
        assertThat(report.received()).isEqualTo(6);
        assertThat(report.stored()).isEqualTo(3);
        assertThat(report.duplicates()).isEqualTo(3);
        assertThat(report.lagSeconds()).isEqualTo(58.0);
        assertThat(collector.report().ignoredSamples()).isEqualTo(4);
        assertThat(collector.report().requests()).containsEntry(204, 2L);
    }

    @Test
    void aCorruptOrTruncatedBodyIs400AndStoresNothing() throws Exception {
        collector = Collector.start(config(1 << 20), store, null, CLOCK);
        byte[] good = body(series(RATE, times(0, 1, 2, 3, 4, 5, 6, 7), new double[] {1, 2, 3, 4, 5, 6, 7, 8}));
        HttpResponse<String> garbage = post("not snappy at all".getBytes());
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).contains("snappy");
        assertThat(post(Arrays.copyOf(good, good.length - 5)).statusCode()).isEqualTo(400);
        assertThat(post(org.xerial.snappy.Snappy.compress(new byte[] {0x0a, 0x7f, 0x01}))
                        .statusCode())
                .as("valid snappy, truncated protobuf")
                .isEqualTo(400);
        assertThat(store.list()).isEmpty();
        assertThat(collector.report().requests()).containsEntry(400, 3L);
    }

    @Test
    void aBodyOverTheLimitIs413AndOtherMethods405() throws Exception {
        collector = Collector.start(config(64), store, null, CLOCK);
        long[] many = new long[100];
        double[] values = new double[100];
        for (int i = 0; i < 100; i++) {
            many[i] = T0 + i * 1000L;
            values[i] = Math.sin(i);
        }
        assertThat(post(body(series(RATE, many, values))).statusCode()).isEqualTo(413);
        HttpResponse<String> get = http.send(
                HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + collector.address().getPort() + "/api/v1/write"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(store.list()).isEmpty();
    }

    @Test
    void aSecondSeriesMatchingTheSelectorIsCountedAmbiguousNotMixedIn() throws Exception {
        collector = Collector.start(config(1 << 20), store, null, CLOCK);
        Map<String, String> other = Map.of("__name__", "prescale:request_rate", "job", "web", "instance", "b");
        assertThat(post(body(series(RATE, times(0), new double[] {1}), series(other, times(0, 1), new double[] {5, 6})))
                        .statusCode())
                .isEqualTo(204);
        assertThat(store.read("web_rate").values()).containsExactly(1);
        assertThat(collector.report().series().get(0).ambiguous()).isEqualTo(2);
    }

    @Test
    void aFailingStoreIs500SoThatPrometheusRetriesAndTheServiceStaysUp() throws Exception {
        FailingStore failing = new FailingStore(store);
        collector = Collector.start(config(1 << 20), failing, null, CLOCK);
        byte[] body = body(series(RATE, times(0, 1), new double[] {1, 2}));
        failing.fail = true;
        HttpResponse<String> response = post(body);
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("disk full");
        failing.fail = false;
        assertThat(post(body).statusCode()).isEqualTo(204);
        assertThat(store.read("web_rate").values()).containsExactly(1, 2);
        assertThat(collector.report().storeErrors()).isEqualTo(1);
        assertThat(collector.report().series().get(0).storeErrors()).isEqualTo(2);
    }

    @Test
    void metricsAndHealthAreServed() throws Exception {
        collector = Collector.start(config(1 << 20), store, null, CLOCK);
        post(body(series(RATE, times(0), new double[] {1})));
        String base = "http://127.0.0.1:" + collector.address().getPort();
        HttpResponse<String> metrics = http.send(
                HttpRequest.newBuilder(URI.create(base + "/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("prescale_collect_samples_stored_total{series=\"web_rate\"} 1.0")
                .contains("prescale_collect_samples_rejected_total{reason=\"duplicate\",series=\"web_rate\"} 0.0")
                .contains("prescale_collect_lag_seconds");
        HttpResponse<String> health = http.send(
                HttpRequest.newBuilder(URI.create(base + "/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
    }

    /** The real store, except that appends fail while {@code fail} is set, as a full disk would. */
    static final class FailingStore implements AppendableStore {
        private final AppendableStore delegate;
        volatile boolean fail;

        FailingStore(AppendableStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public AppendResult append(String series, AppendOptions options, SampleBatch samples) {
            if (fail) {
                throw new MetricSourceException("disk full", "test", 0, null);
            }
            return delegate.append(series, options, samples);
        }

        @Override
        public OptionalLong newestMillis(String series) {
            return delegate.newestMillis(series);
        }

        @Override
        public MaintenanceResult maintain(String series, RetentionPolicy policy, Instant now) {
            return delegate.maintain(series, policy, now);
        }

        @Override
        public SeriesInfo write(String series, LoadProfile.Unit unit, String source, Iterator<TimeSeries> chunks) {
            return delegate.write(series, unit, source, chunks);
        }

        @Override
        public List<SeriesInfo> list() {
            return delegate.list();
        }

        @Override
        public Optional<SeriesInfo> info(String series) {
            return delegate.info(series);
        }

        @Override
        public TimeSeries read(String query, Instant start, Instant end, Duration step, Aggregation aggregation) {
            return delegate.read(query, start, end, step, aggregation);
        }
    }
}
