package io.prescale.nomad.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prescale.core.tune.ConfigSpace;
import io.prescale.core.tune.Configuration;
import io.prescale.core.tune.StagingException;
import io.prescale.core.tune.StagingTarget;
import io.prescale.nomad.client.NomadClient;
import io.prescale.nomad.client.NomadConfig;
import io.prescale.nomad.client.NomadToken;
import io.prescale.nomad.client.RetryPolicy;
import io.prescale.nomad.client.Sleeper;
import io.prescale.nomad.fake.FakeNomad;
import io.prescale.nomad.fake.Fault;
import io.prescale.nomad.fake.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NomadStagingTargetTest {
    static final ObjectMapper M = new ObjectMapper();
    static final String SECRET = "s3cr3t-staging-token";
    static final ConfigSpace SPACE = ConfigSpace.parse("""
            name: staging
            knobs:
              - {name: count, type: int, min: 1, max: 4, step: 1, apply: count, role: instances}
              - {name: cpus, type: int, min: 1, max: 4, step: 1, apply: resources.cpu, flag: --cpus, role: cpus}
              - {name: memory, type: int, min: 256, max: 1024, step: 256, apply: resources.memory, role: memory-mb}
              - {name: threads, type: int, min: 4, max: 32, step: 4, apply: env, key: THREADS, flag: --threads, role: threads}
              - {name: cacheMb, type: int, min: 0, max: 64, step: 16, apply: meta, key: cache_mb, role: cache-mb}
            cost: {perInstanceHour: 0.01, perCoreHour: 0.04, perGbHour: 0.005, baseMemoryMb: 0}
            slo: {p99Ms: 150, errorRate: 0.01}
            workload: {keys: 1000, zipfExponent: 1.0, valueKb: 4}
            """);
    static final Configuration CONFIG =
            new Configuration(Map.of("count", 3.0, "cpus", 2.0, "memory", 512.0, "threads", 16.0, "cacheMb", 32.0));

    FakeNomad nomad;
    NomadClient client;
    List<Duration> slept = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        nomad = FakeNomad.start(new ManualClock(Instant.parse("2026-11-30T12:00:00Z")));
        nomad.requireToken(SECRET);
        client = NomadClient.create(NomadConfig.builder(nomad.address())
                .token(NomadToken.of(SECRET))
                .readTimeout(Duration.ofMillis(500))
                .retry(RetryPolicy.none())
                .build());
        nomad.putJob(M.readTree("""
                {"Job":{"ID":"web","Type":"service","TaskGroups":[{"Name":"api","Count":1,"Meta":{"team":"payments"},
                  "Scaling":{"Min":1,"Max":10,"Enabled":true},
                  "Tasks":[{"Name":"server","Driver":"docker","Env":{"PORT":"8080"},
                            "Resources":{"CPU":500,"MemoryMB":256}}]}]}}"""));
        nomad.clearRequests();
    }

    @AfterEach
    void stop() {
        client.close();
        nomad.close();
    }

    NomadStagingTarget target(Sleeper sleeper) {
        return new NomadStagingTarget(
                client,
                SPACE,
                null,
                "web",
                "api",
                List.of("http://web.staging:8080/"),
                Duration.ofSeconds(1),
                Duration.ofSeconds(3),
                sleeper);
    }

    @Test
    void appliesTheConfigurationByReRegisteringTheJobAndWaitsForItsDeployment() {
        nomad.deployment("default", "web", true);
        long before =
                nomad.job("default", "web").orElseThrow().path("JobModifyIndex").asLong();
        StagingTarget.Deployment deployment = target(d -> {
                    slept.add(d);
                    nomad.deployment("default", "web", false);
                })
                .apply(CONFIG);

        assertThat(deployment.addresses()).containsExactly("http://web.staging:8080/");
        JsonNode group =
                nomad.job("default", "web").orElseThrow().path("TaskGroups").get(0);
        assertThat(group.path("Count").asInt()).isEqualTo(3);
        assertThat(group.path("Meta").path("cache_mb").asText()).isEqualTo("32");
        assertThat(group.path("Meta").path("team").asText()).isEqualTo("payments");
        JsonNode task = group.path("Tasks").get(0);
        assertThat(task.path("Resources").path("CPU").asInt()).isEqualTo(2000);
        assertThat(task.path("Resources").path("MemoryMB").asInt()).isEqualTo(512);
        assertThat(task.path("Env").path("THREADS").asText()).isEqualTo("16");
        assertThat(task.path("Env").path("PORT").asText()).isEqualTo("8080");
        assertThat(slept).containsExactly(Duration.ofSeconds(1));

        List<String> calls = new ArrayList<>();
        for (RecordedRequest r : nomad.requests()) {
            calls.add(r.getMethod() + " " + r.getUrl().encodedPath());
            assertThat(r.getHeaders().get("X-Nomad-Token")).isEqualTo(SECRET);
        }
        assertThat(calls)
                .containsExactly(
                        "GET /v1/job/web",
                        "POST /v1/job/web",
                        "POST /v1/job/web/scale",
                        "POST /v1/job/web/scale",
                        "GET /v1/job/web/scale");
        JsonNode register = body(nomad.requests().get(1));
        assertThat(register.path("EnforceIndex").asBoolean()).isTrue();
        assertThat(register.path("JobModifyIndex").asLong()).isEqualTo(before);
        assertThat(register.has("PreserveCounts"))
                .as("the count is a knob, so counts are not preserved")
                .isFalse();
        assertThat(register.path("Job").path("ID").asText()).isEqualTo("web");
        JsonNode probe = body(nomad.requests().get(2));
        assertThat(probe.path("Count").asInt()).isEqualTo(3);
        assertThat(probe.path("Target").path("Group").asText()).isEqualTo("api");
    }

    @Test
    void theSameConfigurationTwiceRegistersOnce() {
        NomadStagingTarget target = target(d -> {});
        target.apply(CONFIG);
        int calls = nomad.requests().size();
        target.apply(CONFIG);
        assertThat(nomad.requests()).hasSize(calls);
    }

    @Test
    void aDeploymentThatNeverFinishesFailsNamingTheTargetAndTheTimeout() {
        nomad.deployment("default", "web", true);
        assertThatThrownBy(() -> target(slept::add).apply(CONFIG))
                .isInstanceOf(StagingException.class)
                .hasMessageContaining("nomad:web/api")
                .hasMessageContaining("did not finish healthy within PT3S");
        assertThat(slept).hasSize(3);
    }

    @Test
    void aMissingJobOrGroupIsAStagingException() throws Exception {
        NomadStagingTarget other = new NomadStagingTarget(
                client,
                SPACE,
                null,
                "nope",
                "api",
                List.of("http://x/"),
                Duration.ofSeconds(1),
                Duration.ofSeconds(3),
                d -> {});
        assertThatThrownBy(() -> other.apply(CONFIG))
                .isInstanceOf(StagingException.class)
                .hasMessageContaining("job nope not found");
        NomadStagingTarget noGroup = new NomadStagingTarget(
                client,
                SPACE,
                null,
                "web",
                "db",
                List.of("http://x/"),
                Duration.ofSeconds(1),
                Duration.ofSeconds(3),
                d -> {});
        assertThatThrownBy(() -> noGroup.apply(CONFIG))
                .isInstanceOf(StagingException.class)
                .hasMessageContaining("has no task group db");
    }

    @Test
    void aServerErrorOnRegisterIsAStagingExceptionWithoutTheToken() {
        nomad.inject(
                Fault.status("POST", "/v1/job/web", 500, "1 error occurred:\n\t* Task group api validation failed", 1));
        assertThatThrownBy(() -> target(d -> {}).apply(CONFIG))
                .isInstanceOf(StagingException.class)
                .hasMessageContaining("500")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void tearDownRestoresTheJobAsFirstRead() {
        NomadStagingTarget target = target(d -> {});
        target.apply(CONFIG);
        target.apply(CONFIG.with("count", 2).with("cpus", 4));
        target.tearDown();
        JsonNode group =
                nomad.job("default", "web").orElseThrow().path("TaskGroups").get(0);
        assertThat(group.path("Count").asInt()).isEqualTo(1);
        assertThat(group.path("Tasks").get(0).path("Resources").path("CPU").asInt())
                .isEqualTo(500);
        assertThat(group.path("Tasks").get(0).path("Env").has("THREADS")).isFalse();
        target.tearDown(); // a second tear-down does nothing
    }

    private static JsonNode body(RecordedRequest request) {
        try {
            return M.readTree(request.getBody().utf8());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
