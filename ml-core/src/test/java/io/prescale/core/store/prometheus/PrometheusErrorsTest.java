package io.prescale.core.store.prometheus;

import static io.prescale.core.store.prometheus.PrometheusWire.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.prescale.core.store.MetricSourceException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The error shapes of the Prometheus API (platform-apis §D) and the configuration checks. */
class PrometheusErrorsTest {
    private static final Instant T0 = Instant.ofEpochSecond(1795833234);
    private static final Duration STEP = Duration.ofSeconds(5);
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

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "PARSE_ERROR|1:26: parse error: unclosed left parenthesis",
                "BAD_STEP|invalid parameter \"step\": cannot parse \"\" to a valid duration",
                "END_BEFORE_START|invalid parameter \"end\": end timestamp must not be before start time",
                "TOO_MANY_POINTS|exceeded maximum resolution of 11,000 points per timeseries"
            })
    void badDataIsBadInputCarryingPrometheusOwnText(String body, String text) throws Exception {
        server.enqueue(
                json(400, (String) PrometheusWire.class.getDeclaredField(body).get(null)));

        assertThatThrownBy(() -> source().range("sum(rate(x[5m])", T0, T0.plusSeconds(15), STEP))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Prometheus rejected query 'sum(rate(x[5m])'")
                .hasMessageContaining(text)
                .hasMessageContaining("bad_data, HTTP 400");
    }

    @Test
    void unprocessableQueryIsBadInput() {
        server.enqueue(json(
                422,
                "{\"status\":\"error\",\"errorType\":\"execution\",\"error\":\"vector cannot contain "
                        + "metrics with the same labelset\"}"));

        assertThatThrownBy(() -> source().range("x or x", T0, T0.plusSeconds(15), STEP))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vector cannot contain metrics with the same labelset")
                .hasMessageContaining("execution, HTTP 422");
    }

    @Test
    void unavailableIsASourceFailureWithStatusEndpointAndExcerpt() {
        server.enqueue(json(
                503,
                "{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out in "
                        + "expression evaluation\"}"));

        MetricSourceException e = catchThrowableOfType(
                MetricSourceException.class, () -> source().range("up", T0, T0.plusSeconds(15), STEP));

        assertThat(e.status()).isEqualTo(503);
        assertThat(e.endpoint()).isEqualTo(PrometheusWire.base(server) + "/api/v1/query_range");
        assertThat(e.getMessage()).contains("answered HTTP 503").contains("timeout: query timed out");
    }

    @Test
    void aHugeErrorBodyIsCutTo512CharactersAndNeverEchoesTheToken() {
        String token = "tok-" + "9".repeat(40);
        String body = "<html>upstream said Authorization: Bearer " + token + " " + "z".repeat(5_000) + "</html>";
        server.enqueue(new MockResponse.Builder().code(502).body(body).build());
        PrometheusSource source = PrometheusSource.open(PrometheusConfig.builder(PrometheusWire.base(server))
                .bearerToken(token)
                .build());

        MetricSourceException e = catchThrowableOfType(
                MetricSourceException.class, () -> source.range("up", T0, T0.plusSeconds(15), STEP));

        assertThat(e.status()).isEqualTo(502);
        String excerpt = e.getMessage().substring(e.getMessage().indexOf("; body: ") + "; body: ".length());
        assertThat(excerpt).hasSizeLessThanOrEqualTo(512).startsWith("<html>upstream said Authorization: Bearer ***");
        assertThat(e.getMessage()).doesNotContain(token);
    }

    @Test
    void unauthorizedNamesTheLikelyCause() {
        server.enqueue(new MockResponse.Builder().code(401).body("Unauthorized").build());

        assertThatThrownBy(() -> source().range("up", T0, T0.plusSeconds(15), STEP))
                .isInstanceOf(MetricSourceException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("check the token");
    }

    @Test
    void aNonPrometheusAnswerIsASourceFailure() {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .body("<html>login page</html>")
                .build());

        assertThatThrownBy(() -> source().range("up", T0, T0.plusSeconds(15), STEP))
                .isInstanceOf(MetricSourceException.class)
                .hasMessageContaining("not with a successful Prometheus API response");
    }

    @Test
    void aMalformedSampleIsASourceFailure() {
        server.enqueue(json(
                200,
                "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},"
                        + "\"values\":[[1795833234,\"ten\"]]}]}}"));

        assertThatThrownBy(() -> source().range("up", T0, T0.plusSeconds(15), STEP))
                .isInstanceOf(MetricSourceException.class)
                .hasMessageContaining("\"ten\" is not a number");
    }

    @Test
    void anUnreachablePortIsASourceFailure() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }
        PrometheusSource source = PrometheusSource.open(PrometheusConfig.builder(URI.create("http://127.0.0.1:" + port))
                .timeout(Duration.ofSeconds(2))
                .build());

        MetricSourceException e = catchThrowableOfType(
                MetricSourceException.class, () -> source.range("up", T0, T0.plusSeconds(15), STEP));

        assertThat(e.status()).isZero();
        assertThat(e.endpoint()).isEqualTo("http://127.0.0.1:" + port + "/api/v1/query_range");
        assertThat(e.getMessage()).contains("cannot connect to Prometheus at http://127.0.0.1:" + port);
        assertThat(source.isReady()).isFalse();
    }

    @Test
    void aSlowAnswerTimesOut() {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .headersDelay(3, TimeUnit.SECONDS)
                .body(PrometheusWire.GAUGE)
                .build());
        PrometheusSource source = PrometheusSource.open(PrometheusConfig.builder(PrometheusWire.base(server))
                .timeout(Duration.ofMillis(300))
                .build());

        MetricSourceException e = catchThrowableOfType(
                MetricSourceException.class, () -> source.range("up", T0, T0.plusSeconds(15), STEP));

        assertThat(e.status()).isZero();
        assertThat(e.getMessage()).contains("did not answer within PT0.3S");
    }

    @Test
    void invalidRangesAreRejectedBeforeAnyRequest() {
        assertThatThrownBy(() -> source().range("up", T0, T0, STEP)).hasMessageContaining("must be after start");
        assertThatThrownBy(() -> source().range("up", T0, T0.plusSeconds(1), Duration.ofNanos(1500)))
                .hasMessageContaining("whole number of milliseconds");
        assertThatThrownBy(() -> source().range("up", T0.plusNanos(1), T0.plusSeconds(1), STEP))
                .hasMessageContaining("whole millisecond");
        assertThatThrownBy(() -> source().range(" ", T0, T0.plusSeconds(1), STEP))
                .hasMessageContaining("PromQL");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void configNeverShowsSecrets() {
        PrometheusConfig bearer = PrometheusConfig.builder(URI.create("http://127.0.0.1:9090/"))
                .bearerToken("tok123")
                .orgId("team-a")
                .build();
        PrometheusConfig basic = PrometheusConfig.builder(URI.create("http://127.0.0.1:9090"))
                .basicAuth("bob", "pw456")
                .build();

        assertThat(bearer.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:9090"));
        assertThat(bearer.toString())
                .doesNotContain("tok123")
                .contains("bearer(redacted)")
                .contains("team-a");
        assertThat(basic.toString())
                .doesNotContain("pw456")
                .doesNotContain("bob")
                .contains("basic(redacted)");
    }

    @Test
    void configRejectsCredentialsInTheUrlWithoutEchoingThem() {
        assertThatThrownBy(() -> PrometheusConfig.builder(URI.create("http://bob:pw456@127.0.0.1:9090"))
                        .build())
                .hasMessageContaining("http://***@127.0.0.1:9090")
                .hasMessageNotContaining("pw456");
        assertThatThrownBy(() ->
                        PrometheusConfig.builder(URI.create("ftp://127.0.0.1")).build())
                .hasMessageContaining("http:// or https://");
        assertThatThrownBy(() -> PrometheusConfig.builder(URI.create("http://127.0.0.1:9090/?x=1"))
                        .build())
                .hasMessageContaining("without a query");
        assertThatThrownBy(() -> PrometheusConfig.builder(URI.create("http://h"))
                        .bearerToken("t")
                        .basicAuth("u", "p")
                        .build())
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> PrometheusConfig.builder(URI.create("http://h"))
                        .basicAuth("u", null)
                        .build())
                .hasMessageContaining("only the user");
        assertThatThrownBy(() -> PrometheusConfig.builder(URI.create("http://h"))
                        .maxPointsPerRequest(11_001)
                        .build())
                .hasMessageContaining("[1, 11000], got 11001");
        assertThatThrownBy(() -> PrometheusConfig.builder(URI.create("http://h"))
                        .timeout(Duration.ZERO)
                        .build())
                .hasMessageContaining("timeout must be positive");
    }
}
