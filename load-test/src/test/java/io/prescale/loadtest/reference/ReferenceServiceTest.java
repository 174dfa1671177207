package io.prescale.loadtest.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.prescale.loadtest.Arrivals;
import io.prescale.loadtest.LoadGenerator;
import io.prescale.loadtest.LoadTestOptions;
import io.prescale.loadtest.LoadTestResult;
import io.prescale.loadtest.ProfileShaping;
import io.prescale.loadtest.Target;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The reference service on 127.0.0.1, loaded for real by the generator. */
class ReferenceServiceTest {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static LoadTestResult load(List<ReferenceService> services, int connections, double rate, Duration d)
            throws IOException {
        List<Target> targets =
                services.stream().map(s -> Target.parse(s.url() + "item")).toList();
        LoadTestOptions options =
                LoadTestOptions.defaults(targets).withConnections(connections).withArrivals(Arrivals.UNIFORM, 1);
        return LoadGenerator.create(options, line -> {}).run(ProfileShaping.constant(rate, d));
    }

    @Test
    void servesWorkHealthAndPrometheusMetrics() throws Exception {
        ReferenceConfig config = ReferenceConfig.defaults().withKeys(50, 1.0).withCosts(0.1, 1, 2);
        try (ReferenceService service = ReferenceService.start(config)) {
            assertThat(service.url()).startsWith("http://127.0.0.1:");
            assertThat(get(service.url() + "health").body()).isEqualTo("ok\n");
            LoadTestResult result = load(List.of(service), 8, 100, Duration.ofSeconds(1));
            assertThat(result.errorCount()).isZero();
            HttpResponse<String> metrics = get(service.url() + "metrics");
            assertThat(metrics.headers().firstValue("Content-Type"))
                    .hasValue("text/plain; version=0.0.4; charset=utf-8");
            String text = metrics.body();
            assertThat(text)
                    .endsWith("\n")
                    .contains(
                            "# TYPE reference_requests_total counter",
                            "# TYPE reference_request_duration_seconds histogram",
                            "# TYPE reference_queue_depth gauge");
            assertThat(value(text, "reference_requests_total{code=\"200\"}")).isEqualTo(100);
            assertThat(value(text, "reference_cache_hits_total") + value(text, "reference_cache_misses_total"))
                    .isEqualTo(100);
            assertThat(value(text, "reference_cache_hits_total"))
                    .as("50 keys fit in the cache")
                    .isGreaterThan(40);
            assertHistogramIsConsistent(text);
        }
    }

    private static void assertHistogramIsConsistent(String text) {
        Matcher bucket = Pattern.compile("reference_request_duration_seconds_bucket\\{le=\"([^\"]+)\"} (\\d+)")
                .matcher(text);
        List<Long> counts = new ArrayList<>();
        String lastLe = null;
        while (bucket.find()) {
            counts.add(Long.parseLong(bucket.group(2)));
            lastLe = bucket.group(1);
        }
        assertThat(lastLe).isEqualTo("+Inf");
        assertThat(counts).isSorted();
        assertThat(counts.get(counts.size() - 1)).isEqualTo(value(text, "reference_request_duration_seconds_count"));
    }

    private static long value(String text, String series) {
        for (String line : text.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Math.round(Double.parseDouble(line.substring(series.length() + 1)));
            }
        }
        throw new AssertionError("no sample " + series + " in\n" + text);
    }

    @Test
    void shedsLoadWith503WhenWorkersAndQueueAreFull() throws Exception {
        ReferenceConfig config =
                ReferenceConfig.defaults().withCapacity(1, 1, 1, 0).withCosts(0, 300, 0);
        try (ReferenceService service = ReferenceService.start(config)) {
            // 20 requests within 0.2 s against one worker that needs 0.3 s each and a queue of one.
            LoadTestResult result = load(List.of(service), 20, 100, Duration.ofMillis(200));
            assertThat(result.errors().http5xx()).isGreaterThanOrEqualTo(10);
            assertThat(service.counts().ok()).isGreaterThanOrEqualTo(1);
            assertThat(service.counts().shed()).isEqualTo(result.errors().http5xx());
        }
    }

    @Test
    void aBiggerCacheHitsMoreOfTheZipfKeys() throws Exception {
        ReferenceConfig base = ReferenceConfig.defaults().withKeys(10_000, 1.0).withCosts(0, 0, 0);
        try (ReferenceService none = ReferenceService.start(base.withCapacity(2, 4, 64, 0));
                ReferenceService big = ReferenceService.start(base.withCapacity(2, 4, 64, 8))) {
            load(List.of(none, big), 8, 400, Duration.ofSeconds(1));
            assertThat(none.counts().cacheHits()).isZero();
            double bigShare = (double) big.counts().cacheHits()
                    / (big.counts().cacheHits() + big.counts().cacheMisses());
            // 2048 of 10,000 keys cached; with s = 1 the hottest keys take most requests.
            assertThat(bigShare).isGreaterThan(0.3);
        }
    }

    @Test
    void capacityGrowsInProportionToInstances() throws Exception {
        // CPU-bound: one virtual core, 10 ms per request, no cache: about 100 requests/s per instance.
        ReferenceConfig config =
                ReferenceConfig.defaults().withCapacity(1, 4, 1000, 0).withCosts(0, 10, 0);
        double one;
        double two;
        try (ReferenceService a = ReferenceService.start(config)) {
            one = saturate(List.of(a));
        }
        try (ReferenceService a = ReferenceService.start(config);
                ReferenceService b = ReferenceService.start(config)) {
            two = saturate(List.of(a, b));
        }
        assertThat(one).as("one instance, requests/s").isBetween(50.0, 110.0);
        // Wide enough for a shared 2-core machine, narrow enough to fail if instances shared one capacity pool.
        assertThat(two / one).as("two instances / one").isBetween(1.6, 2.4);
    }

    /** Throughput of a closed loop with 8 connections per instance, enough to keep every core busy. */
    private static double saturate(List<ReferenceService> services) throws IOException {
        List<Target> targets =
                services.stream().map(s -> Target.parse(s.url() + "item")).toList();
        LoadTestOptions options = LoadTestOptions.defaults(targets).withConnections(8 * services.size());
        LoadTestResult result = LoadGenerator.create(options, line -> {}).runClosed(Duration.ofSeconds(3));
        assertThat(result.errorCount()).isZero();
        return result.achievedRps();
    }
}
