package io.prescale.cli.tune;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prescale.cli.CliRun;
import io.prescale.loadtest.reference.ReferenceConfig;
import io.prescale.loadtest.reference.ReferenceService;
import io.prescale.nomad.fake.FakeNomad;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TuneNomadTargetTest {
    static final String TUNE = "src/test/resources/tune/";
    static final String SECRET = "tok-tune-789";

    @TempDir
    Path tmp;

    @Test
    void tunesAStagingJobThroughNomadAndRestoresItAfterwards() throws Exception {
        try (FakeNomad nomad = FakeNomad.start(Clock.systemUTC());
                ReferenceService service = ReferenceService.start(ReferenceConfig.defaults())) {
            nomad.requireToken(SECRET);
            nomad.putJob(new ObjectMapper().readTree("""
                    {"Job":{"ID":"web","Type":"service","TaskGroups":[{"Name":"api","Count":1,
                      "Tasks":[{"Name":"server","Driver":"docker","Env":{"PORT":"8080"},
                                "Resources":{"CPU":500,"MemoryMB":256}}]}]}}"""));
            Path policy = tmp.resolve("policy.json");
            CliRun run = CliRun.run(
                    Map.of("NOMAD_TOKEN", SECRET),
                    "tune",
                    "--space",
                    TUNE + "tiny-space.yaml",
                    "--profiles",
                    TUNE + "profiles.json",
                    "--budget",
                    "10",
                    "--bands",
                    "1",
                    "--trial-duration",
                    "200ms",
                    "--warmup",
                    "0s",
                    "--ppo-iterations",
                    "1",
                    "--out",
                    policy.toString(),
                    "--target",
                    "nomad:web/api",
                    "--nomad",
                    nomad.address().toString(),
                    "--service-url",
                    service.url(),
                    "--simulate-trace",
                    "elb_request_count_8c0756",
                    "--json");

            assertThat(run.exitCode()).as(run.stderr()).isZero();
            assertThat(run.json().path("target").asText()).isEqualTo("nomad:web/api");
            assertThat(run.json().path("loadTests").asInt()).isBetween(9, 10);
            assertThat(Files.exists(policy)).isTrue();
            assertThat(run.stdout() + run.stderr()).doesNotContain(SECRET);
            long registers = nomad.requests().stream()
                    .filter(r -> r.getMethod().equals("POST")
                            && r.getUrl().encodedPath().equals("/v1/job/web"))
                    .count();
            assertThat(registers).isGreaterThanOrEqualTo(2);
            RecordedRequest first = nomad.requests().stream()
                    .filter(r -> r.getUrl().encodedPath().equals("/v1/job/web")
                            && r.getMethod().equals("POST"))
                    .findFirst()
                    .orElseThrow();
            JsonNode body = new ObjectMapper().readTree(first.getBody().utf8());
            assertThat(body.path("Job")
                            .path("TaskGroups")
                            .get(0)
                            .path("Tasks")
                            .get(0)
                            .path("Env")
                            .has("THREADS"))
                    .isTrue();
            JsonNode group =
                    nomad.job("default", "web").orElseThrow().path("TaskGroups").get(0);
            assertThat(group.path("Count").asInt())
                    .as("the job is restored as it was")
                    .isEqualTo(1);
            assertThat(group.path("Tasks").get(0).path("Env").has("THREADS")).isFalse();
        }
    }

    @Test
    void aNomadTargetWithoutServiceUrlIsBadInputNamingTheOption() {
        CliRun run = CliRun.run(
                "tune",
                "--space",
                TUNE + "tiny-space.yaml",
                "--profiles",
                TUNE + "profiles.json",
                "--out",
                tmp.resolve("policy.json").toString(),
                "--target",
                "nomad:web/api",
                "--nomad",
                "http://127.0.0.1:1",
                "--json");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("--service-url");
        assertThat(Files.exists(tmp.resolve("policy.json"))).isFalse();
    }
}
