package io.prescale.cli.collect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prescale.cli.CliRun;
import io.prescale.core.series.Aggregation;
import io.prescale.core.series.TimeSeries;
import io.prescale.core.store.QuestDbStore;
import io.prescale.core.store.SeriesInfo;
import io.prescale.core.testing.RealPrometheus;
import io.prescale.loadtest.reference.ReferenceConfig;
import io.prescale.loadtest.reference.ReferenceService;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code prescale collect} end to end with the real Debian Prometheus: Prometheus scrapes the reference service
 * every second, records the request rate and the p90 latency with recording rules (as docs/collect.md advises
 * for counters) and remote-writes them to {@code prescale collect}; the store must then hold exactly the samples
 * Prometheus holds. Pull mode reads the same rule from the same Prometheus in two runs (a restart) and must
 * leave no duplicate and no hole.
 */
class CollectEndToEndTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RULES = """
            groups:
              - name: prescale
                interval: 1s
                rules:
                  - record: prescale:request_rate
                    expr: sum(rate(reference_requests_total[5s]))
                  - record: prescale:latency_p90
                    expr: histogram_quantile(0.9, sum by (le) (rate(reference_request_duration_seconds_bucket[5s])))
            """;

    @TempDir
    static Path work;

    private static ReferenceService service;
    private static ScheduledExecutorService load;
    private static RealPrometheus prometheus;
    private static int collectPort;

    @BeforeAll
    static void start() throws Exception {
        RealPrometheus.requireInstalled();
        service = ReferenceService.start(
                ReferenceConfig.defaults().withKeys(100, 1.0).withCosts(0.1, 1, 2));
        load = Executors.newScheduledThreadPool(1);
        URI item = URI.create(service.url() + "item");
        load.scheduleAtFixedRate(
                () -> HTTP.sendAsync(HttpRequest.newBuilder(item).build(), HttpResponse.BodyHandlers.discarding()),
                0,
                50,
                TimeUnit.MILLISECONDS);
        collectPort = freePort();
        Files.writeString(work.resolve("rules.yml"), RULES);
        String config = "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                + "rule_files: ['" + work.resolve("rules.yml") + "']\n"
                + "scrape_configs:\n  - job_name: reference\n    static_configs:\n      - targets: ['127.0.0.1:"
                + service.port() + "']\n"
                + "remote_write:\n  - url: http://127.0.0.1:" + collectPort + "/api/v1/write\n"
                + "    queue_config: {batch_send_deadline: 1s, min_backoff: 100ms, max_backoff: 1s}\n";
        prometheus = RealPrometheus.startWithConfig(work, work.resolve("data"), config);
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
        if (load != null) {
            load.shutdownNow();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void remoteWrittenSeriesHoldTheSamplesPrometheusHolds() throws Exception {
        Path store = work.resolve("push-store");
        CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.run(
                "collect",
                "--store",
                store.toString(),
                "--remote-write-listen",
                "127.0.0.1:" + collectPort,
                "--select",
                "request_rate=prescale:request_rate",
                "--select",
                "latency_p90=prescale:latency_p90",
                "--step",
                "1s",
                "--for",
                "40s",
                "--json"));
        URI write = URI.create("http://127.0.0.1:" + collectPort + "/api/v1/write");
        int garbage = postUntilAnswered(write, "definitely not snappy".getBytes(StandardCharsets.UTF_8));
        int truncated = postUntilAnswered(write, org.xerial.snappy.Snappy.compress(new byte[] {0x0a, 0x30, 0x0a}));
        CliRun done = run.get(3, TimeUnit.MINUTES);
        assertThat(done.exitCode()).as(done.stderr()).isZero();
        assertThat(garbage).isEqualTo(400);
        assertThat(truncated).isEqualTo(400);
        JsonNode report = done.json();
        assertThat(report.at("/remoteWriteRequests/400").asLong()).isEqualTo(2);
        assertThat(report.at("/remoteWriteRequests/204").asLong()).isPositive();
        assertThat(report.at("/remoteWriteRequests/500").isMissingNode()).isTrue();

        try (QuestDbStore questDb = QuestDbStore.open(store)) {
            for (String name : new String[] {"request_rate", "latency_p90"}) {
                SeriesInfo info = questDb.info(name).orElseThrow();
                assertThat(info.count()).as(name + " samples").isGreaterThanOrEqualTo(20);
                Map<Long, Double> stored = samples(questDb, name, info);
                Map<Long, Double> seen = prometheusSamples("prescale:" + name, info.start(), info.end());
                assertThat(stored)
                        .as(name + ": the store holds what Prometheus holds over the same range")
                        .isEqualTo(seen);
            }
        }
    }

    @Test
    void pullResumesAfterARestartWithNoDuplicateAndNoHole() throws Exception {
        Path store = work.resolve("pull-store");
        String url = prometheus.baseUrl().toString();
        CliRun first = CliRun.run(
                "collect",
                "--store",
                store.toString(),
                "--pull",
                url,
                "--query",
                "rate=prescale:request_rate",
                "--step",
                "1s",
                "--every",
                "1s",
                "--backfill",
                "20s",
                "--for",
                "6s",
                "--json");
        assertThat(first.exitCode()).as(first.stderr()).isZero();
        CliRun second = CliRun.run(
                "collect",
                "--store",
                store.toString(),
                "--pull",
                url,
                "--query",
                "rate=prescale:request_rate",
                "--step",
                "1s",
                "--every",
                "1s",
                "--for",
                "6s",
                "--json");
        assertThat(second.exitCode()).as(second.stderr()).isZero();
        assertThat(second.json().at("/series/0/rejected/duplicate").asLong())
                .as("the restart resumed after the newest stored sample")
                .isZero();
        try (QuestDbStore questDb = QuestDbStore.open(store)) {
            SeriesInfo info = questDb.info("rate").orElseThrow();
            TimeSeries series = questDb.read("rate");
            long present = java.util.Arrays.stream(series.values())
                    .filter(v -> !Double.isNaN(v))
                    .count();
            assertThat(info.gaps()).as("no hole").isZero();
            assertThat(info.count())
                    .as("no duplicate: one row per step")
                    .isEqualTo(present)
                    .isEqualTo(series.size());
            TimeSeries truth = io.prescale.core.store.prometheus.PrometheusSource.open(
                            io.prescale.core.store.prometheus.PrometheusConfig.builder(prometheus.baseUrl())
                                    .build())
                    .range("prescale:request_rate", info.start(), info.end(), Duration.ofSeconds(1))
                    .series();
            int equal = 0;
            for (int i = 0; i < series.size(); i++) {
                equal += series.valueAt(i) == truth.valueAt(i) ? 1 : 0;
            }
            assertThat((double) equal / series.size())
                    .as("values equal Prometheus' own query_range on the same grid (a rule evaluated late may"
                            + " change the newest step)")
                    .isGreaterThanOrEqualTo(0.9);
        }
    }

    /** Every stored sample of a series at its exact millisecond. */
    private static Map<Long, Double> samples(QuestDbStore store, String name, SeriesInfo info) {
        TimeSeries fine = store.read(name, info.start(), info.end(), Duration.ofMillis(1), Aggregation.LAST);
        Map<Long, Double> out = new TreeMap<>();
        for (int i = 0; i < fine.size(); i++) {
            if (!Double.isNaN(fine.valueAt(i))) {
                out.put(info.start().toEpochMilli() + i, fine.valueAt(i));
            }
        }
        return out;
    }

    /** The raw samples Prometheus holds of a series in {@code [start, end)}: {@code series[range]} at {@code end}. */
    private static Map<Long, Double> prometheusSamples(String series, Instant start, Instant end) throws Exception {
        long seconds = Duration.between(start, end).toSeconds() + 2;
        String query = URLEncoder.encode(series + "[" + seconds + "s]", StandardCharsets.UTF_8);
        String url =
                prometheus.baseUrl() + "/api/v1/query?query=" + query + "&time=" + (end.toEpochMilli() - 1) / 1000.0;
        JsonNode body = JSON.readTree(
                HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                        .body());
        Map<Long, Double> out = new TreeMap<>();
        for (JsonNode pair : body.at("/data/result/0/values")) {
            long ms = Math.round(pair.get(0).asDouble() * 1000);
            double value = Double.parseDouble(pair.get(1).asText());
            if (ms >= start.toEpochMilli() && ms < end.toEpochMilli() && !Double.isNaN(value)) {
                out.put(ms, value);
            }
        }
        return out;
    }

    /** POSTs a body once the collector listens; returns the status. */
    private static int postUntilAnswered(URI uri, byte[] body) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                return HTTP.send(
                                HttpRequest.newBuilder(uri)
                                        .header("Content-Encoding", "snappy")
                                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
