package io.prescale.core.store.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A fake Prometheus that echoes the request's {@code Authorization} header (and the secrets it encodes) back in
 * every shape the API answers with; no message, warning or note may then contain a secret.
 */
class PrometheusRedactionTest {
    private static final Instant T0 = Instant.ofEpochSecond(1795833234);
    private static final String TOKEN = "tok-8f2e4c1d9a7b";
    private static final String USER = "grafana";
    private static final String PASSWORD = "pw-5d8e1f3a";
    private MockWebServer server;

    @BeforeEach
    void start() {
        server = PrometheusWire.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The status path: a status and a body built from what the request's credentials look like in it. */
    private void answer(int status, Function<String, String> body) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String authorization = request.getHeaders().get("Authorization");
                String credentials = authorization.substring(authorization.indexOf(' ') + 1);
                String decoded = authorization.startsWith("Basic ")
                        ? new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8)
                        : credentials;
                String echo = "Authorization: " + authorization + " (" + decoded + ")";
                return PrometheusWire.json(status, body.apply(echo));
            }
        });
    }

    private static String error(String type, String echo) {
        return "{\"status\":\"error\",\"errorType\":\"" + type + "\",\"error\":\"denied, " + echo + "\"}";
    }

    @ParameterizedTest(name = "{0} via {1}")
    @CsvSource({
        "400 bad_data, bearer",
        "400 bad_data, basic",
        "422 execution, bearer",
        "422 execution, basic",
        "401, bearer",
        "401, basic",
        "403, bearer",
        "403, basic",
        "404, bearer",
        "404, basic",
        "500, bearer",
        "500, basic",
        "503, bearer",
        "503, basic",
        "502 html, bearer",
        "502 html, basic",
        "200 failure, bearer",
        "200 failure, basic",
        "200 bad sample, bearer",
        "200 bad sample, basic",
        "200 two series, bearer",
        "200 two series, basic",
        "200 warning, bearer",
        "200 warning, basic"
    })
    void noStatusPathEchoesACredential(String path, String auth) {
        switch (path) {
            case "400 bad_data" -> answer(400, echo -> error("bad_data", echo));
            case "422 execution" -> answer(422, echo -> error("execution", echo));
            case "502 html" -> answer(502, echo -> "<html><body>bad gateway; " + echo + "</body></html>");
            case "200 failure" -> answer(200, echo -> error("internal", echo));
            case "200 bad sample" ->
                answer(
                        200,
                        echo -> "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\","
                                + "\"result\":[{\"metric\":{},\"values\":[[1795833234,\"" + echo + "\"]]}]}}");
            case "200 two series" ->
                answer(
                        200,
                        echo -> "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\","
                                + "\"result\":[{\"metric\":{\"a\":\"" + echo
                                + "\"},\"values\":[]},{\"metric\":{\"b\":\"1\"},"
                                + "\"values\":[]}]}}");
            case "200 warning" ->
                answer(
                        200,
                        echo -> "{\"status\":\"success\",\"warnings\":[\"" + echo + "\"],"
                                + "\"data\":{\"resultType\":\"matrix\",\"result\":[]}}");
            default -> answer(Integer.parseInt(path), echo -> error("unavailable", echo));
        }
        PrometheusConfig.Builder config = PrometheusConfig.builder(PrometheusWire.base(server));
        config = auth.equals("bearer") ? config.bearerToken(TOKEN) : config.basicAuth(USER, PASSWORD);
        PrometheusSource source = PrometheusSource.open(config.build());

        StringBuilder seen = new StringBuilder();
        Throwable failure =
                catchThrowable(() -> seen.append(source.range("up", T0, T0.plusSeconds(15), Duration.ofSeconds(5))
                        .notes()));
        if (failure != null) {
            seen.append(failure.getMessage());
        }

        String basicHeader =
                Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(seen.toString())
                .as("what the user sees on %s", path)
                .isNotBlank()
                .doesNotContain(TOKEN)
                .doesNotContain(PASSWORD)
                .doesNotContain(basicHeader)
                .contains("***");
    }
}
