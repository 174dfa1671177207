package io.prescale.cli.series;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.prescale.cli.CliRun;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code prescale import --from prometheus:URL}: the command's wiring, against a loopback HTTP server that answers
 * with the bodies of platform-apis.md §D. The client itself is tested against the real Prometheus binary in
 * ml-core ({@code RealPrometheusSourceTest}).
 */
class PrometheusImportTest {
    private static final String RANGE =
            "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":"
                    + "{\"code\":\"200\"},\"values\":[[1795833240,\"10\"],[1795833300,\"NaN\"],[1795833420,\"12.5\"]]}]}}";
    private static final String BAD_DATA = "{\"status\":\"error\",\"errorType\":\"bad_data\","
            + "\"error\":\"1:26: parse error: unclosed left parenthesis\"}";

    @TempDir
    Path temp;

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/query_range", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(query);
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            boolean bad = query.contains("unclosed");
            byte[] body = (bad ? BAD_DATA : RANGE).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(bad ? 400 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "prometheus:http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void importsOneSeriesOnTheStepGridWithGapsAndSendsTheTokenFromTheEnvironment() {
        CliRun run = CliRun.run(
                Map.of("PRESCALE_PROMETHEUS_TOKEN", "s3cret"),
                "import",
                "--from",
                url(),
                "--query",
                "sum(rate(http_requests_total[5m]))",
                "--start",
                "2026-11-28T02:34:00Z",
                "--end",
                "2026-11-28T02:39:00Z",
                "--step",
                "1m",
                "--unit",
                "rate",
                "--series",
                "web",
                "--store",
                temp.resolve("store").toString(),
                "--json");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode document = run.json();
        assertThat(document.get("command").asText()).isEqualTo("import");
        assertThat(document.at("/stored/count").asInt())
                .as("samples stored; gaps are not")
                .isEqualTo(2);
        assertThat(document.at("/read/gaps").asInt()).isEqualTo(3);
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0)).contains("step=60");
        assertThat(authorizations).containsExactly("Bearer s3cret");
        assertThat(run.stdout() + run.stderr()).doesNotContain("s3cret");

        CliRun show = CliRun.run(
                "series",
                "show",
                "--series",
                "web",
                "--store",
                temp.resolve("store").toString(),
                "--json");
        assertThat(show.exitCode()).as(show.stderr()).isZero();
    }

    @Test
    void badDataIsBadInputCarryingPrometheusOwnMessage() {
        CliRun run = CliRun.run(
                Map.of(),
                "import",
                "--from",
                url(),
                "--query",
                "sum(rate(x[5m]) unclosed",
                "--start",
                "2026-11-28T02:34:00Z",
                "--end",
                "2026-11-28T02:39:00Z",
                "--series",
                "web",
                "--store",
                temp.resolve("store").toString(),
                "--json");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.json().at("/error/message").asText()).contains("unclosed left parenthesis");
        assertThat(Files.exists(temp.resolve("store").resolve("meta").resolve("web.json")))
                .isFalse();
    }

    @Test
    void unreachablePrometheusIsAFailureNamingTheEndpoint() {
        CliRun run = CliRun.run(
                Map.of(),
                "import",
                "--from",
                "prometheus:http://127.0.0.1:1",
                "--query",
                "up",
                "--start",
                "2026-11-28T02:34:00Z",
                "--end",
                "2026-11-28T02:39:00Z",
                "--series",
                "web",
                "--store",
                temp.resolve("store").toString(),
                "--json");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.json().at("/error/message").asText()).contains("127.0.0.1:1");
    }

    @Test
    void prometheusNeedsAQueryAndAStart() {
        CliRun noQuery = CliRun.run(
                Map.of(),
                "import",
                "--from",
                url(),
                "--start",
                "2026-11-28T02:34:00Z",
                "--series",
                "web",
                "--store",
                temp.resolve("store").toString(),
                "--json");
        assertThat(noQuery.exitCode()).isEqualTo(2);
        assertThat(noQuery.json().at("/error/option").asText()).isEqualTo("--query");
        CliRun noStart = CliRun.run(
                Map.of(),
                "import",
                "--from",
                url(),
                "--query",
                "up",
                "--series",
                "web",
                "--store",
                temp.resolve("store").toString(),
                "--json");
        assertThat(noStart.json().at("/error/option").asText()).isEqualTo("--start");
    }
}
