package io.prescale.core.store.prometheus;

import static io.prescale.core.store.prometheus.PrometheusWire.json;
import static io.prescale.core.store.prometheus.PrometheusWire.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prescale.core.series.Aggregation;
import io.prescale.core.series.TimeSeries;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Range reads against a real HTTP server on 127.0.0.1 replaying Prometheus 2.42 bodies (platform-apis §D). */
class PrometheusSourceTest {
    private static final Instant T0 = Instant.ofEpochSecond(1795833234);
    private MockWebServer server;

    @BeforeEach
    void start() {
        server = PrometheusWire.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private PrometheusSource source() {
        return PrometheusSource.open(
                PrometheusConfig.builder(PrometheusWire.base(server)).build());
    }

    @Test
    void readsAGaugeWithOneGetPlacingEverySampleOnItsStep() {
        server.enqueue(json(200, PrometheusWire.GAUGE));

        PrometheusRange range = source().range("myapp_queue_depth", T0, T0.plusSeconds(15), Duration.ofSeconds(5));

        assertThat(range.series()).isEqualTo(TimeSeries.of(T0, Duration.ofSeconds(5), new double[] {0, 5, 3}));
        assertThat(range.labels())
                .containsEntry("__name__", "myapp_queue_depth")
                .containsEntry("job", "myapp");
        assertThat(range.matched()).isTrue();
        assertThat(range.requests()).isEqualTo(1);
        assertThat(range.notes()).isEmpty();
        RecordedRequest request = take(server);
        assertThat(request.getMethod()).isEqualTo("GET");
        HttpUrl url = request.getUrl();
        assertThat(url.encodedPath()).isEqualTo("/api/v1/query_range");
        assertThat(url.queryParameterNames()).containsExactly("query", "start", "end", "step");
        assertThat(url.queryParameter("query")).isEqualTo("myapp_queue_depth");
        assertThat(url.queryParameter("start")).isEqualTo("1795833234");
        assertThat(url.queryParameter("end")).isEqualTo("1795833244");
        assertThat(url.queryParameter("step")).isEqualTo("5");
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("Authorization")).isNull();
        assertThat(request.getHeaders().get("X-Scope-OrgID")).isNull();
    }

    @Test
    void metricSourceReadIgnoresTheAggregationBecausePrometheusEvaluatesPerStep() {
        server.enqueue(json(200, PrometheusWire.GAUGE));
        try (PrometheusSource source = source()) {
            TimeSeries series =
                    source.read("myapp_queue_depth", T0, T0.plusSeconds(15), Duration.ofSeconds(5), Aggregation.MAX);
            assertThat(series.values()).containsExactly(0, 5, 3);
        }
    }

    @Test
    void stepsWithoutASampleAreGaps() {
        server.enqueue(json(
                200,
                "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":"
                        + "{\"__name__\":\"up\"},\"values\":[[1795833234,\"1\"],[1795833249,\"4\"]]}]}}"));

        TimeSeries series = source().read("up", T0, T0.plusSeconds(20), Duration.ofSeconds(5), Aggregation.LAST);

        assertThat(series.values()).containsExactly(1, Double.NaN, Double.NaN, 4);
        assertThat(series.gapCount()).isEqualTo(2);
    }

    @Test
    void parsesNanAndInfinitiesAndCountsInfinitiesAsGaps() {
        server.enqueue(json(
                200,
                "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":"
                        + "{},\"values\":[[1795833234,\"NaN\"],[1795833235,\"+Inf\"],[1795833236,\"-Inf\"],"
                        + "[1795833237,\"1e3\"],[1795833238,\"-0.25\"]]}]}}"));

        PrometheusRange range = source().range("x / y", T0, T0.plusSeconds(5), Duration.ofSeconds(1));

        assertThat(range.series().values()).containsExactly(Double.NaN, Double.NaN, Double.NaN, 1000, -0.25);
        assertThat(range.infiniteValues()).isEqualTo(2);
        assertThat(range.notes()).anyMatch(n -> n.contains("2 sample(s) were +Inf or -Inf"));
        assertThat(range.labels()).isEmpty();
        assertThat(range.matched()).isTrue();
    }

    @Test
    void fractionalStartAndStepAreSentAndReadAsFloatSeconds() {
        server.enqueue(json(200, PrometheusWire.FRACTIONAL));
        Instant start = Instant.ofEpochMilli(1795833244_500L);

        TimeSeries series = source().read(
                        "myapp_queue_depth",
                        start,
                        start.plusMillis(7_500),
                        Duration.ofMillis(2_500),
                        Aggregation.LAST);

        assertThat(series.values()).containsExactly(3, 6, 1);
        HttpUrl url = take(server).getUrl();
        assertThat(url.queryParameter("start")).isEqualTo("1795833244.5");
        assertThat(url.queryParameter("end")).isEqualTo("1795833249.5");
        assertThat(url.queryParameter("step")).isEqualTo("2.5");
    }

    @Test
    void noSeriesGivesAllGapsWithANote() {
        server.enqueue(json(200, PrometheusWire.NO_MATCH));

        PrometheusRange range = source().range("nothing_here", T0, T0.plusSeconds(15), Duration.ofSeconds(5));

        assertThat(range.series().size()).isEqualTo(3);
        assertThat(range.series().gapCount()).isEqualTo(3);
        assertThat(range.matched()).isFalse();
        assertThat(range.notes())
                .containsExactly("query 'nothing_here' matched no series in the range; every step is a gap");
    }

    @Test
    void moreThanOneSeriesAsksTheUserToAggregate() {
        server.enqueue(json(200, PrometheusWire.RATE_TWO_SERIES));

        assertThatThrownBy(() ->
                        source().range("rate(myapp_requests_total[5s])", T0, T0.plusSeconds(15), Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("returned 2 series")
                .hasMessageContaining("code=\"500\"")
                .hasMessageContaining("sum(rate(myapp_requests_total[5s]))");
    }

    @Test
    void aDifferentSeriesInALaterChunkIsAlsoMoreThanOneSeries() {
        server.enqueue(json(
                200,
                "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":"
                        + "{\"pod\":\"a\"},\"values\":[[1795833234,\"1\"]]}]}}"));
        server.enqueue(json(
                200,
                "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":"
                        + "{\"pod\":\"b\"},\"values\":[[1795833235,\"1\"]]}]}}"));
        PrometheusSource source = PrometheusSource.open(PrometheusConfig.builder(PrometheusWire.base(server))
                .maxPointsPerRequest(1)
                .build());

        assertThatThrownBy(() -> source.range("up", T0, T0.plusSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{pod=\"a\"}, {pod=\"b\"}");
    }

    @Test
    void chunksKeepEveryRequestWithinTheElevenThousandPointLimit() {
        List<HttpUrl> seen = new ArrayList<>();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                synchronized (seen) {
                    seen.add(request.getUrl());
                }
                return json(200, PrometheusWire.NO_MATCH);
            }
        });
        int points = 2 * 11_000 + 1;

        PrometheusRange range = source().range("up", T0, T0.plusSeconds(points), Duration.ofSeconds(1));

        assertThat(range.requests()).isEqualTo(3);
        assertThat(range.series().size()).isEqualTo(points);
        long t0 = T0.getEpochSecond();
        assertThat(seen)
                .extracting(u -> u.queryParameter("start") + ".." + u.queryParameter("end"))
                .containsExactly(
                        t0 + ".." + (t0 + 10_999),
                        (t0 + 11_000) + ".." + (t0 + 21_999),
                        (t0 + 22_000) + ".." + (t0 + 22_000));
        for (HttpUrl url : seen) {
            long span = Long.parseLong(url.queryParameter("end")) - Long.parseLong(url.queryParameter("start"));
            assertThat(span + 1).as("points (step 1 s) in %s", url).isLessThanOrEqualTo(11_000);
        }
    }

    @Test
    void chunkedReadsJoinWithoutLosingOrRepeatingAStep() {
        server.setDispatcher(new EvaluatingDispatcher());
        PrometheusSource source = PrometheusSource.open(PrometheusConfig.builder(PrometheusWire.base(server))
                .maxPointsPerRequest(7)
                .build());
        Instant start = Instant.ofEpochSecond(1_700_000_000L);

        PrometheusRange range = source.range("time()", start, start.plusSeconds(50 * 60), Duration.ofMinutes(1));

        assertThat(range.requests()).isEqualTo(8);
        assertThat(range.series().size()).isEqualTo(50);
        for (int i = 0; i < 50; i++) {
            assertThat(range.series().valueAt(i)).as("step %d", i).isEqualTo(1_700_000_000.0 + 60 * i);
        }
    }

    @Test
    void aPartialLastStepIsStillEvaluated() {
        server.setDispatcher(new EvaluatingDispatcher());
        TimeSeries series = source().read("time()", T0, T0.plusSeconds(11), Duration.ofSeconds(5), Aggregation.LAST);
        assertThat(series.values()).containsExactly(1795833234, 1795833239, 1795833244);
    }

    @Test
    void aLongQueryIsPostedAsAForm() {
        server.enqueue(json(200, PrometheusWire.GAUGE));
        String query = "sum(" + "x".repeat(5_000) + ")";

        source().range(query, T0, T0.plusSeconds(15), Duration.ofSeconds(5));

        RecordedRequest request = take(server);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/query_range");
        assertThat(request.getUrl().querySize()).isZero();
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        String body = URLDecoder.decode(request.getBody().utf8(), StandardCharsets.UTF_8);
        assertThat(body).isEqualTo("query=" + query + "&start=1795833234&end=1795833244&step=5");
    }

    @Test
    void sendsBearerTokenAndTenantHeadersUnderThePathPrefix() {
        server.enqueue(json(200, PrometheusWire.GAUGE));
        PrometheusConfig config = PrometheusConfig.builder(URI.create(PrometheusWire.base(server) + "/prometheus/"))
                .bearerToken("s3cret-token")
                .orgId("team-a")
                .build();

        PrometheusSource.open(config).range("myapp_queue_depth", T0, T0.plusSeconds(15), Duration.ofSeconds(5));

        RecordedRequest request = take(server);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/prometheus/api/v1/query_range");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer s3cret-token");
        assertThat(request.getHeaders().get("X-Scope-OrgID")).isEqualTo("team-a");
    }

    @Test
    void sendsBasicAuth() {
        server.enqueue(json(200, PrometheusWire.GAUGE));
        PrometheusConfig config = PrometheusConfig.builder(PrometheusWire.base(server))
                .basicAuth("alice", "pa:ss")
                .build();

        PrometheusSource.open(config).range("myapp_queue_depth", T0, T0.plusSeconds(15), Duration.ofSeconds(5));

        // base64("alice:pa:ss")
        assertThat(take(server).getHeaders().get("Authorization")).isEqualTo("Basic YWxpY2U6cGE6c3M=");
    }

    @Test
    void instantQueryReadsTheVectorValue() {
        server.enqueue(json(200, PrometheusWire.INSTANT));
        server.enqueue(json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}"));

        OptionalDouble value = source().instant("myapp_queue_depth", Instant.ofEpochSecond(1795833244));
        OptionalDouble none = source().instant("nothing_here", Instant.ofEpochSecond(1795833244));

        assertThat(value).hasValue(3.0);
        assertThat(none).isEmpty();
        HttpUrl url = take(server).getUrl();
        assertThat(url.encodedPath()).isEqualTo("/api/v1/query");
        assertThat(url.queryParameter("time")).isEqualTo("1795833244");
    }

    @Test
    void readyIsTrueOnlyWhenTheServerSaysSo() {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .body("Prometheus Server is Ready.\n")
                .build());
        server.enqueue(
                new MockResponse.Builder().code(503).body("Service Unavailable").build());

        assertThat(source().isReady()).isTrue();
        assertThat(source().isReady()).isFalse();
        assertThat(take(server).getUrl().encodedPath()).isEqualTo("/-/ready");
    }

    /** Evaluates {@code time()} at every step of the requested range, as Prometheus would. */
    private static final class EvaluatingDispatcher extends Dispatcher {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            HttpUrl url = request.getUrl();
            BigDecimal start = new BigDecimal(url.queryParameter("start"));
            BigDecimal end = new BigDecimal(url.queryParameter("end"));
            BigDecimal step = new BigDecimal(url.queryParameter("step"));
            StringBuilder values = new StringBuilder();
            for (BigDecimal t = start; t.compareTo(end) <= 0; t = t.add(step)) {
                values.append(values.length() == 0 ? "" : ",")
                        .append('[')
                        .append(t.toPlainString())
                        .append(",\"")
                        .append(t.toPlainString())
                        .append("\"]");
            }
            return json(
                    200,
                    "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},"
                            + "\"values\":[" + values + "]}]}}");
        }
    }
}
