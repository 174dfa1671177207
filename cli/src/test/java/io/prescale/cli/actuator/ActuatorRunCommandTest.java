package io.prescale.cli.actuator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prescale.cli.CliRun;
import io.prescale.nomad.fake.FakeNomad;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code actuator run --once} against the fake Nomad: the document, and the failures that name what is wrong. */
class ActuatorRunCommandTest {
    static final String WEB_STORE =
            io.prescale.cli.StoreFixture.storeWithWebSeries().toString();
    static final String JOBS = "src/test/resources/actuator/jobs.json";

    @Test
    void onceAgainstTheFakeNomadPrintsTheIssuesDocument() throws Exception {
        try (FakeNomad nomad = FakeNomad.start(Clock.systemUTC())) {
            nomad.putJob(new ObjectMapper().readTree(Files.readString(Path.of(JOBS))));
            CliRun run = CliRun.run(
                    "actuator",
                    "run",
                    "--nomad",
                    nomad.address().toString(),
                    "--store",
                    WEB_STORE,
                    "--step",
                    "1m",
                    "--history",
                    "10m",
                    "--now",
                    "2024-03-01T00:05:00Z",
                    "--once",
                    "--json");
            assertThat(run.exitCode()).as(run.stderr()).isZero();
            JsonNode doc = run.json();
            JsonNode g = doc.get("groups").get(0);
            for (String field : new String[] {
                "namespace", "job", "group", "mode", "status", "reason", "currentCount", "decision", "applied"
            }) {
                assertThat(g.has(field)).as(field).isTrue();
            }
            assertThat(g.get("job").asText()).isEqualTo("web");
            assertThat(doc.has("cycleSeconds")).isTrue();
            assertThat(doc.get("errors").isObject()).isTrue();
        }
    }

    @Test
    void aWrongTokenIs403NamedWithoutTheToken(@TempDir Path dir) throws Exception {
        try (FakeNomad nomad = FakeNomad.start(Clock.systemUTC())) {
            nomad.requireToken("the-right-secret");
            Path token = Files.writeString(dir.resolve("token"), "a-wrong-secret-123");
            CliRun run = CliRun.run(
                    "actuator",
                    "run",
                    "--nomad",
                    nomad.address().toString(),
                    "--nomad-token-file",
                    token.toString(),
                    "--store",
                    WEB_STORE,
                    "--once",
                    "--json");
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.json().at("/error/message").asText())
                    .contains("/v1/jobs")
                    .contains("403");
            assertThat(run.stdout() + run.stderr()).doesNotContain("a-wrong-secret-123");
        }
    }

    @Test
    void anUnreachableNomadExitsOneNamingTheEndpoint() {
        CliRun run = CliRun.run(
                Map.of("NOMAD_TOKEN", "env-secret-456"),
                "actuator",
                "run",
                "--nomad",
                "http://127.0.0.1:1",
                "--store",
                WEB_STORE,
                "--once",
                "--json");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.json().at("/error/message").asText()).contains("127.0.0.1:1");
        assertThat(run.stdout() + run.stderr()).doesNotContain("env-secret-456");
    }

    @Test
    void anUnreachablePrometheusExitsOneNamingIt() throws Exception {
        try (FakeNomad nomad = FakeNomad.start(Clock.systemUTC())) {
            nomad.putJob(
                    new ObjectMapper().readTree(Files.readString(Path.of(JOBS)).replace("store:web", "up")));
            CliRun run = CliRun.run(
                    "actuator",
                    "run",
                    "--nomad",
                    nomad.address().toString(),
                    "--prometheus",
                    "http://127.0.0.1:1",
                    "--once",
                    "--json");
            assertThat(run.exitCode()).as(run.stdout()).isEqualTo(1);
            assertThat(run.json().at("/error/message").asText()).contains("127.0.0.1:1");
        }
    }

    @Test
    void anEventsFileIsReportedWithTheCycleAndAGroupNamingItsKindsCountsTheEventsAhead(@TempDir Path dir)
            throws Exception {
        Path events = Files.writeString(
                dir.resolve("events.csv"), "name,start,end\n" + "launch1,2024-03-01T00:00:00Z,2024-03-01T00:30:00Z\n");
        Path jobs = Files.writeString(
                dir.resolve("jobs.json"),
                Files.readString(Path.of(JOBS))
                        .replace(
                                "\"prescale.capacity\":\"1\"",
                                "\"prescale.capacity\":\"1\",\"prescale.events\":\"launch\""));
        CliRun run = CliRun.run(
                "actuator",
                "run",
                "--jobs-file",
                jobs.toString(),
                "--events",
                events.toString(),
                "--store",
                WEB_STORE,
                "--step",
                "1m",
                "--history",
                "10m",
                "--now",
                "2024-03-01T00:05:00Z",
                "--once",
                "--json");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode doc = run.json();
        assertThat(doc.at("/events/source").asText()).isEqualTo(events.toString());
        assertThat(doc.at("/events/events").asInt()).isEqualTo(1);
        assertThat(doc.at("/events/kinds/0").asText()).isEqualTo("launch");
        JsonNode g = doc.get("groups").get(0);
        assertThat(g.get("evaluatedAt").asText()).isEqualTo("2024-03-01T00:05:00Z");
        if (!g.get("decision").isNull()) {
            assertThat(g.at("/decision/quantileFrom").asText()).isEqualTo("annotation");
            assertThat(g.at("/decision/numbers/eventsAhead").asInt()).isEqualTo(1);
        }
    }

    @Test
    void aMalformedEventsFileIsBadInputNamingTheLine(@TempDir Path dir) throws Exception {
        Path events = Files.writeString(
                dir.resolve("events.csv"),
                "launch1,2024-03-01T00:00:00Z,2024-03-01T00:30:00Z\n" + "launch2,tomorrow\n");
        CliRun run = CliRun.run(
                "actuator",
                "run",
                "--jobs-file",
                JOBS,
                "--events",
                events.toString(),
                "--store",
                WEB_STORE,
                "--once",
                "--json");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.json().at("/error/message").asText())
                .contains("--events")
                .contains("line 2");
    }

    @Test
    void anEventsVariableNeedsNomad() {
        CliRun run = CliRun.run(
                "actuator",
                "run",
                "--jobs-file",
                JOBS,
                "--events-variable",
                "prescale/events",
                "--store",
                WEB_STORE,
                "--once",
                "--json");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.json().at("/error/message").asText())
                .contains("--events-variable")
                .contains("--nomad");
    }
}
