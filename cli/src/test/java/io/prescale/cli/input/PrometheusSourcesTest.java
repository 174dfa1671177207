package io.prescale.cli.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import io.prescale.cli.base.BadInputException;
import io.prescale.cli.base.ConfigDefaultProvider;
import io.prescale.cli.base.DurationConverter;
import io.prescale.core.store.prometheus.PrometheusConfig;
import io.prescale.core.store.prometheus.PrometheusSource;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class PrometheusSourcesTest {
    private static final String URL = "prometheus:http://127.0.0.1:9090";

    @TempDir
    Path temp;

    @Command(name = "probe")
    static final class Probe {
        @Mixin
        PrometheusOptions prometheus;
    }

    private static PrometheusOptions parse(Map<String, String> env, String... args) {
        Probe probe = new Probe();
        CommandLine commandLine = new CommandLine(probe);
        commandLine.registerConverter(Duration.class, new DurationConverter());
        commandLine.setDefaultValueProvider(ConfigDefaultProvider.load(args, env, commandLine));
        commandLine.parseArgs(args);
        return probe.prometheus;
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(temp.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void noOptionsGiveAnAnonymousSourceWithTheDefaultTimeout() {
        PrometheusConfig config =
                PrometheusSources.open(URL + "/", parse(Map.of()), Map.of()).config();

        assertThat(config.baseUrl()).hasToString("http://127.0.0.1:9090");
        assertThat(config.hasCredentials()).isFalse();
        assertThat(config.orgId()).isNull();
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theTokenComesFromItsFileBeforeTheEnvironment() throws Exception {
        Path tokenFile = file("token", "from-file\n");
        Map<String, String> env = Map.of(PrometheusSources.TOKEN_ENV, "from-env");

        PrometheusConfig fromFile = PrometheusSources.open(
                        URL, parse(env, "--prometheus-token-file", tokenFile.toString()), env)
                .config();
        PrometheusConfig fromEnv = PrometheusSources.open(URL, parse(env), env).config();

        assertThat(fromFile.bearerToken()).isEqualTo("from-file");
        assertThat(fromEnv.bearerToken()).isEqualTo("from-env");
    }

    @Test
    void optionsAlsoComeFromTheEnvironmentByTheirConfigKeys() throws Exception {
        Path tokenFile = file("token", "tok");
        Map<String, String> env = Map.of(
                "PRESCALE_PROMETHEUS_TOKEN_FILE",
                tokenFile.toString(),
                "PRESCALE_PROMETHEUS_ORG_ID",
                "team-env",
                "PRESCALE_PROMETHEUS_TIMEOUT",
                "5s");

        PrometheusConfig config = PrometheusSources.open(URL, parse(env), env).config();

        assertThat(config.bearerToken()).isEqualTo("tok");
        assertThat(config.orgId()).isEqualTo("team-env");
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void credentialsAndTenantReachTheServerOverRealHttp() throws Exception {
        List<Headers> seen = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", exchange -> {
            synchronized (seen) {
                seen.add(exchange.getRequestHeaders());
            }
            byte[] body = ("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":"
                            + "{\"__name__\":\"myapp_queue_depth\",\"instance\":\"127.0.0.1:9101\",\"job\":\"myapp\"},"
                            + "\"values\":[[1795833234,\"0\"],[1795833239,\"5\"],[1795833244,\"3\"]]}]}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            Path basic = file("basic", "alice:pa:ss\n");
            String url = "prometheus:http://127.0.0.1:" + server.getAddress().getPort() + "/prom";
            PrometheusSource source = PrometheusSources.open(
                    url,
                    parse(
                            Map.of(),
                            "--prometheus-basic-auth-file",
                            basic.toString(),
                            "--prometheus-org-id",
                            "team-a",
                            "--prometheus-timeout",
                            "10s"),
                    Map.of());

            Instant start = Instant.ofEpochSecond(1795833234);
            double[] values = source.range("myapp_queue_depth", start, start.plusSeconds(15), Duration.ofSeconds(5))
                    .series()
                    .values();

            assertThat(values).containsExactly(0, 5, 3);
            assertThat(seen).hasSize(1);
            assertThat(seen.get(0).getFirst("Authorization")).isEqualTo("Basic YWxpY2U6cGE6c3M=");
            assertThat(seen.get(0).getFirst("X-Scope-OrgID")).isEqualTo("team-a");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aTokenAndBasicAuthTogetherAreBadInput() throws Exception {
        Path basic = file("basic", "alice:secret");
        Map<String, String> env = Map.of(PrometheusSources.TOKEN_ENV, "tok");

        assertThatThrownBy(() ->
                        PrometheusSources.open(URL, parse(env, "--prometheus-basic-auth-file", basic.toString()), env))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("not both")
                .hasMessageNotContaining("secret")
                .hasMessageNotContaining("tok\"");
    }

    @Test
    void missingEmptyOrMalformedCredentialFilesAreBadInputWithoutTheirContent() throws Exception {
        Path missing = temp.resolve("nope");
        Path empty = file("empty", "\n");
        Path twoLines = file("two", "abc\ndef\n");
        Path noColon = file("nocolon", "alicesecret\n");

        assertThatThrownBy(() -> PrometheusSources.open(
                        URL, parse(Map.of(), "--prometheus-token-file", missing.toString()), Map.of()))
                .isInstanceOf(BadInputException.class)
                .hasMessage("token file " + missing + " does not exist");
        assertThatThrownBy(() -> PrometheusSources.open(
                        URL, parse(Map.of(), "--prometheus-token-file", empty.toString()), Map.of()))
                .hasMessageContaining("one non-empty line");
        assertThatThrownBy(() -> PrometheusSources.open(
                        URL, parse(Map.of(), "--prometheus-token-file", twoLines.toString()), Map.of()))
                .hasMessageContaining("one non-empty line")
                .hasMessageNotContaining("abc");
        BadInputException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                BadInputException.class,
                () -> PrometheusSources.open(
                        URL, parse(Map.of(), "--prometheus-basic-auth-file", noColon.toString()), Map.of()));
        assertThat(e.option()).isEqualTo("--prometheus-basic-auth-file");
        assertThat(e.getMessage()).contains("user:password").doesNotContain("alicesecret");
    }

    @Test
    void badUrlsTimeoutsAndTenantsAreBadInputNamingTheOption() {
        BadInputException withPassword = org.assertj.core.api.Assertions.catchThrowableOfType(
                BadInputException.class,
                () -> PrometheusSources.open(
                        "prometheus:http://bob:hunter2@127.0.0.1:9090", parse(Map.of()), Map.of()));
        assertThat(withPassword.option()).isEqualTo("--from");
        assertThat(withPassword.value()).isEqualTo("prometheus:http://***@127.0.0.1:9090");
        assertThat(withPassword.getMessage()).doesNotContain("hunter2");

        assertThatThrownBy(() -> PrometheusSources.open("prometheus:not a url", parse(Map.of()), Map.of()))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("is not a URL");
        assertThatThrownBy(() -> PrometheusSources.open("prometheus:localhost:9090", parse(Map.of()), Map.of()))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("http:// or https://");
        assertThatThrownBy(() -> PrometheusSources.open(URL, parse(Map.of(), "--prometheus-timeout", "0s"), Map.of()))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("--prometheus-timeout must be positive");
        assertThatThrownBy(() -> PrometheusSources.open(URL, parse(Map.of(), "--prometheus-org-id", " "), Map.of()))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("must not be blank");
    }
}
