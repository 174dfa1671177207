package io.prescale.cli.actuator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prescale.cli.CliRun;
import io.prescale.core.scale.Decision;
import io.prescale.core.series.LoadProfile;
import io.prescale.core.series.TimeSeries;
import io.prescale.core.store.QuestDbStore;
import io.prescale.grafana.client.GrafanaClient;
import io.prescale.grafana.client.GrafanaClientOptions;
import io.prescale.grafana.client.GrafanaToken;
import io.prescale.nomad.annotations.GroupRef;
import io.prescale.nomad.annotations.Mode;
import io.prescale.nomad.loop.GroupResult;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The actuator's decisions as Grafana annotations, against a MockWebServer Grafana answering {@code POST
 * /api/annotations} as platform-apis.md §B says: the request's method, path, bearer token and body; a refused or
 * unreachable Grafana is counted and never fails the cycle or prints the token; the options' bad input.
 */
class GrafanaDecisionAnnotationsTest {
    private static final String TOKEN = "glsa_DecisionAnnotationsToken0123456789_5eed5eed";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant AT = Instant.parse("2024-03-01T00:05:00Z");

    @StartStop
    private final MockWebServer grafana = new MockWebServer();

    private GrafanaDecisionAnnotations sink() {
        GrafanaToken token =
                GrafanaToken.fromEnvironment(Map.of("GRAFANA_TOKEN", TOKEN)).orElseThrow();
        GrafanaClient client = GrafanaClient.create(
                URI.create(grafana.url("/").toString()),
                token,
                GrafanaClientOptions.defaults().withCallTimeout(Duration.ofSeconds(2)));
        return new GrafanaDecisionAnnotations(client, Clock.fixed(AT, ZoneOffset.UTC), Duration.ofSeconds(5));
    }

    private static GroupResult scaleOut() {
        Decision decision = new Decision(
                Decision.Action.SCALE_OUT,
                5,
                Map.of(),
                false,
                "p90 forecast 480 req/s over the 10m lead needs 5",
                Map.of());
        return new GroupResult(
                new GroupRef("default", "web", "api"),
                Mode.FORECAST_ONLY,
                "ok",
                "p90 forecast 480 req/s over the 10m lead needs 5",
                3,
                decision,
                null,
                Map.of(),
                Map.of(),
                AT);
    }

    private void answer(int code, String body) {
        grafana.enqueue(new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build());
    }

    @Test
    void aDecisionIsPostedOnTheCountsPanelWithItsReasonTagsAndBearerToken() throws Exception {
        answer(200, "{\"message\":\"Annotation added\",\"id\":17}");
        GrafanaDecisionAnnotations sink = sink();
        sink.decided(scaleOut());
        sink.close();
        RecordedRequest r = grafana.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/annotations");
        assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(MAPPER.readTree(r.getBody().utf8())).isEqualTo(MAPPER.readTree("""
                {"dashboardUID":"prescale-scaling","panelId":2,"time":%d,
                 "tags":["prescale","decision","scale_out","forecast-only"],
                 "text":"scale_out 3 → 5 · default/web/api (forecast-only): p90 forecast 480 req/s over the 10m lead needs 5"}""".formatted(AT.toEpochMilli())));
        assertThat(sink.sent()).isEqualTo(1);
        assertThat(sink.failed()).isZero();
    }

    @Test
    void aRefusedOrUnreachableGrafanaIsCountedNotThrown() throws Exception {
        answer(
                401,
                "{\"message\":\"Invalid API key\",\"messageId\":\"api-key.invalid\",\"statusCode\":401,"
                        + "\"traceID\":\"\"}");
        answer(500, "{\"message\":\"Failed to save annotation\"}");
        GrafanaDecisionAnnotations sink = sink();
        sink.decided(scaleOut());
        sink.decided(scaleOut());
        sink.close();
        assertThat(sink.failed()).isEqualTo(2);
        assertThat(sink.sent()).isZero();
        grafana.close();
        GrafanaDecisionAnnotations closed = sink();
        closed.decided(scaleOut());
        closed.close();
        assertThat(closed.failed()).isEqualTo(1);
    }

    /** Three days of a daily load at 5-minute steps, 100–180 requests/s, ending at {@code end}. */
    private static Path storeWithDailyLoad(Path dir, Instant end) {
        int steps = 3 * 288;
        double[] load = new double[steps];
        for (int i = 0; i < steps; i++) {
            load[i] = 140 + 40 * Math.sin(2 * Math.PI * i / 288.0);
        }
        Path store = dir.resolve("store");
        try (QuestDbStore questDb = QuestDbStore.open(store)) {
            questDb.write(
                    "web",
                    LoadProfile.Unit.COUNT,
                    "fixture",
                    TimeSeries.of(end.minus(Duration.ofMinutes(5L * steps)), Duration.ofMinutes(5), load));
        }
        return store;
    }

    @Test
    void actuatorRunOnceSendsEachChangingDecisionAndCountsThem(@TempDir Path dir) throws Exception {
        for (int i = 0; i < 4; i++) {
            answer(200, "{\"message\":\"Annotation added\",\"id\":" + (20 + i) + "}");
        }
        Instant now = Instant.parse("2024-03-04T00:00:00Z");
        Path store = storeWithDailyLoad(dir, now);
        Path jobs = Files.writeString(
                dir.resolve("jobs.json"),
                Files.readString(Path.of(ActuatorRunCommandTest.JOBS))
                        .replace("\"Count\":2", "\"Count\":1")
                        .replace("\"prescale.capacity\":\"1\"", "\"prescale.capacity\":\"10\"")
                        .replace("\"Max\":5", "\"Max\":30"));
        Path token = Files.writeString(dir.resolve("grafana-token"), TOKEN + "\n");
        CliRun run = CliRun.run(
                "actuator",
                "run",
                "--once",
                "--jobs-file",
                jobs.toString(),
                "--store",
                store.toString(),
                "--step",
                "5m",
                "--history",
                "3d",
                "--now",
                now.toString(),
                "--grafana-url",
                grafana.url("/").toString(),
                "--grafana-token-file",
                token.toString(),
                "--json");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode doc = run.json();
        assertThat(doc.at("/groups/0/decision/action").asText())
                .as(doc.toString())
                .isEqualTo("scale_out");
        assertThat(doc.at("/grafanaAnnotations/sent").asLong())
                .as(doc.toString())
                .isEqualTo(1);
        assertThat(doc.at("/grafanaAnnotations/failed").asLong()).isZero();
        RecordedRequest r = grafana.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/annotations");
        JsonNode body = MAPPER.readTree(r.getBody().utf8());
        assertThat(body.get("time").asLong()).isEqualTo(now.toEpochMilli());
        assertThat(body.get("text").asText()).startsWith("scale_out 1 → ").contains("default/web/api (forecast-only)");
        assertThat(run.stdout() + run.stderr()).doesNotContain(TOKEN);
    }

    @Test
    void aTokenFileWithoutAUrlAndAUrlWithoutATokenAreBadInput(@TempDir Path dir) throws Exception {
        Path token = Files.writeString(dir.resolve("grafana-token"), TOKEN);
        CliRun noUrl = CliRun.run(
                "actuator",
                "run",
                "--once",
                "--jobs-file",
                ActuatorRunCommandTest.JOBS,
                "--store",
                ActuatorRunCommandTest.WEB_STORE,
                "--grafana-token-file",
                token.toString(),
                "--json");
        assertThat(noUrl.exitCode()).isEqualTo(2);
        assertThat(noUrl.json().at("/error/message").asText()).contains("--grafana-url");
        CliRun noToken = CliRun.run(
                "actuator",
                "run",
                "--once",
                "--jobs-file",
                ActuatorRunCommandTest.JOBS,
                "--store",
                ActuatorRunCommandTest.WEB_STORE,
                "--grafana-url",
                grafana.url("/").toString(),
                "--json");
        assertThat(noToken.exitCode()).isEqualTo(2);
        assertThat(noToken.json().at("/error/option").asText()).isEqualTo("--grafana-token-file");
        CliRun badUrl = CliRun.run(
                Map.of("GRAFANA_TOKEN", TOKEN),
                "actuator",
                "run",
                "--once",
                "--jobs-file",
                ActuatorRunCommandTest.JOBS,
                "--store",
                ActuatorRunCommandTest.WEB_STORE,
                "--grafana-url",
                "grafana",
                "--json");
        assertThat(badUrl.exitCode()).isEqualTo(2);
        assertThat(badUrl.json().at("/error/option").asText()).isEqualTo("--grafana-url");
        assertThat(badUrl.stdout() + badUrl.stderr()).doesNotContain(TOKEN);
    }
}
