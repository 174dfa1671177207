package io.prescale.collect;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.prescale.core.series.LoadProfile;
import io.prescale.core.series.TimeSeries;
import io.prescale.core.store.QuestDbStore;
import io.prescale.core.store.prometheus.PrometheusConfig;
import io.prescale.core.store.prometheus.PrometheusSource;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pull loop against a loopback server answering {@code query_range} as Prometheus does (platform-apis.md
 * §D.1: float-second timestamps, string values), with the value at each grid time equal to that time in
 * seconds, so that any duplicate or hole shows.
 */
class PullLoopTest {
    private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private volatile boolean down;
    private ScheduledExecutorService stoppedScheduler;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/query_range", exchange -> {
            Map<String, String> params = new HashMap<>();
            for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            requests.add(params);
            int status = down ? 503 : 200;
            String body =
                    down ? "{\"status\":\"error\",\"errorType\":\"unavailable\",\"error\":\"down\"}" : matrix(params);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        stoppedScheduler = Executors.newSingleThreadScheduledExecutor();
        stoppedScheduler.shutdown();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static String matrix(Map<String, String> params) {
        BigDecimal start = new BigDecimal(params.get("start"));
        BigDecimal end = new BigDecimal(params.get("end"));
        BigDecimal step = new BigDecimal(params.get("step"));
        StringBuilder values = new StringBuilder();
        for (BigDecimal t = start; t.compareTo(end) <= 0; t = t.add(step)) {
            values.append(values.length() == 0 ? "" : ",")
                    .append('[')
                    .append(t.toPlainString())
                    .append(",\"")
                    .append(t.toPlainString())
                    .append("\"]");
        }
        return "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":["
                + values + "]}]}}";
    }

    private PullLoop loop(QuestDbStore store, CollectConfig config, Instant now, CollectMetrics metrics) {
        PrometheusSource source = PrometheusSource.open(PrometheusConfig.builder(
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .timeout(Duration.ofSeconds(5))
                .build());
        return new PullLoop(
                config.pull().get(0),
                config,
                store,
                source,
                metrics,
                Clock.fixed(now, ZoneOffset.UTC),
                stoppedScheduler);
    }

    private CollectConfig config(Duration backfill) {
        return CollectConfig.defaults()
                .withPrometheus(URI.create("http://127.0.0.1:1"))
                .withBackfill(backfill)
                .withPull(List.of(
                        new PullRule("web", "sum(rate(x[1m]))", Duration.ofSeconds(10), LoadProfile.Unit.RATE)));
    }

    @Test
    void resumesAfterARestartFromTheNewestStoredSampleWithNoDuplicateAndNoHole() {
        CollectConfig config = config(Duration.ofMinutes(10));
        try (QuestDbStore store = QuestDbStore.open(dir)) {
            CollectMetrics metrics = new CollectMetrics();
            loop(store, config, T0, metrics).run();
            loop(store, config, T0.plusSeconds(95), metrics).run();
            loop(store, config(Duration.ZERO), T0.plusSeconds(200), new CollectMetrics())
                    .run();
            TimeSeries stored = store.read("web");
            assertThat(stored.start()).as("the backfill").isEqualTo(T0.minus(Duration.ofMinutes(10)));
            assertThat(stored.end()).as("one step behind now").isEqualTo(T0.plusSeconds(200));
            for (int i = 0; i < stored.size(); i++) {
                assertThat(stored.valueAt(i))
                        .as("step %d", i)
                        .isEqualTo(stored.start()
                                .plus(stored.step().multipliedBy(i))
                                .getEpochSecond());
            }
            assertThat(store.info("web").orElseThrow().gaps()).isZero();
            assertThat(metrics.count(metrics.rejected, "web", CollectMetrics.DUPLICATE))
                    .as("the second run re-read the backfill; nothing stored twice")
                    .isEqualTo(51);
            assertThat(requests.get(requests.size() - 1).get("start"))
                    .as("after a restart without backfill the read starts right after the newest stored sample")
                    .isEqualTo(Long.toString(T0.getEpochSecond() + 90));
        }
    }

    @Test
    void anUnreachablePrometheusIsRetriedWithBackoffAndTheLagGrows() {
        CollectConfig config = config(Duration.ZERO);
        try (QuestDbStore store = QuestDbStore.open(dir)) {
            CollectMetrics metrics = new CollectMetrics();
            loop(store, config, T0, metrics).run();
            down = true;
            PullLoop later = loop(store, config, T0.plusSeconds(600), metrics);
            later.run();
            assertThat(later.failures()).isEqualTo(1);
            assertThat(later.lastError()).contains("503");
            assertThat(metrics.count(metrics.pullFailures, "web")).isEqualTo(1);
            assertThat(metrics.lag.labelValues("web").get()).isEqualTo(610.0);
            down = false;
            later.run();
            assertThat(later.failures()).isZero();
            assertThat(store.info("web").orElseThrow().gaps()).isZero();
        }
    }

    @Test
    void backoffDoublesFromTheIntervalUpToFiveMinutes() {
        Duration every = Duration.ofSeconds(30);
        assertThat(PullLoop.backoffMillis(every, 1)).isEqualTo(30_000);
        assertThat(PullLoop.backoffMillis(every, 2)).isEqualTo(60_000);
        assertThat(PullLoop.backoffMillis(every, 4)).isEqualTo(240_000);
        assertThat(PullLoop.backoffMillis(every, 5)).isEqualTo(300_000);
        assertThat(PullLoop.backoffMillis(every, 50)).isEqualTo(300_000);
        assertThat(PullLoop.backoffMillis(Duration.ofMinutes(10), 3)).isEqualTo(600_000);
    }
}
