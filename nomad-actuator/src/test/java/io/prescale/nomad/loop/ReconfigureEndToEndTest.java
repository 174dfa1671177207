package io.prescale.nomad.loop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.core.scale.Decision;
import io.prescale.core.scale.ScalingBand;
import io.prescale.core.scale.ScalingPolicy;
import io.prescale.core.series.TimeSeries;
import io.prescale.nomad.client.NomadClient;
import io.prescale.nomad.client.NomadConfig;
import io.prescale.nomad.client.RetryPolicy;
import io.prescale.nomad.fake.FakeNomad;
import io.prescale.nomad.fake.ManualClock;
import io.prescale.nomad.ha.PolicyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A restart-requiring change end to end against the fake Nomad: a policy band's memory applied inside the
 * low-load window through register with EnforceIndex and PreserveCounts (a new job version and a deployment), the
 * scale-out that follows refused while that deployment runs, and applied once it has finished.
 */
class ReconfigureEndToEndTest {
    static final Instant LOW_LOAD = Instant.parse("2026-11-20T03:00:00Z");

    ManualClock clock = new ManualClock(LOW_LOAD);
    FakeNomad nomad;
    NomadClient client;

    @BeforeEach
    void start() {
        nomad = FakeNomad.start(clock);
        client = NomadClient.create(NomadConfig.builder(nomad.address())
                .readTimeout(Duration.ofMillis(500))
                .retry(RetryPolicy.none())
                .build());
    }

    @AfterEach
    void stop() {
        client.close();
        nomad.close();
    }

    /** 50 requests/s (with a little noise) until {@code jumpAt}, 150 from then on. */
    record StepLoad(Instant jumpAt) implements LoadSource {
        @Override
        public TimeSeries read(String query, Instant start, Instant end, Duration step) {
            int n = (int) (Duration.between(start, end).toMillis() / step.toMillis());
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                Instant t = start.plus(step.multipliedBy(i));
                v[i] = (t.isBefore(jumpAt) ? 50 : 150) + (i % 3);
            }
            return TimeSeries.of(start, step, v);
        }
    }

    static ScalingPolicy twoMemoryBands() {
        return new ScalingPolicy(
                ScalingPolicy.SCHEMA_VERSION,
                "memory-bands",
                List.of(
                        new ScalingBand(0, 100, "requests/s", Map.of("memoryMB", 256), true, null, null, 20.0),
                        new ScalingBand(
                                100,
                                Double.POSITIVE_INFINITY,
                                "requests/s",
                                Map.of("memoryMB", 512),
                                true,
                                null,
                                null,
                                20.0)),
                null,
                null);
    }

    static JsonNode job() throws Exception {
        return ActuatorLoopTest.M.readTree("""
                {"Job":{"ID":"web","Type":"service","Update":{"MaxParallel":1},"TaskGroups":[{"Name":"api","Count":3,
                  "Meta":{"prescale.enabled":"true","prescale.query":"rps","prescale.lead":"10m",
                          "prescale.mode":"forecast-and-scale","prescale.policy":"memory-bands"},
                  "Scaling":{"Min":1,"Max":10,"Enabled":true},
                  "Tasks":[{"Name":"server","Driver":"docker","Resources":{"CPU":500,"MemoryMB":512}}]}]}}""");
    }

    @Test
    void memoryChangesInTheLowLoadWindowAsANewVersionAndTheNextScaleWaitsForItsDeployment() throws Exception {
        nomad.putJob(job());
        long versionBefore =
                nomad.job("default", "web").orElseThrow().path("Version").asLong();
        PolicyStore policies = PolicyStore.inMemory();
        policies.put(twoMemoryBands());
        try (Actuator actuator = Actuator.builder()
                .jobs(new NomadDiscovery(client, "*", 0))
                .loads(new StepLoad(LOW_LOAD.plus(Duration.ofMinutes(30))))
                .client(client)
                .clock(clock)
                .policies(policies)
                .options(ActuatorOptions.defaults().withHistory(Duration.ofDays(4)))
                .log(DecisionLog.to(l -> {}))
                .build()) {
            GroupResult first = actuator.runCycle().groups().get(0);
            assertThat(first.decision().action()).as(first.reason()).isEqualTo(Decision.Action.RECONFIGURE);
            assertThat(first.decision().restart()).isTrue();
            assertThat(first.reason()).contains("with a restart, inside the low-load window");
            assertThat(first.applied().httpStatus()).isEqualTo(200);
            ObjectNode registered = nomad.job("default", "web").orElseThrow();
            assertThat(registered.at("/TaskGroups/0/Tasks/0/Resources/MemoryMB").asInt())
                    .isEqualTo(256);
            assertThat(registered.path("Version").asLong()).isEqualTo(versionBefore + 1);
            assertThat(nomad.count("default", "web", "api")).isEqualTo(3);
            RecordedRequest register = nomad.requests().stream()
                    .filter(r -> r.getMethod().equals("POST")
                            && r.getUrl().encodedPath().equals("/v1/job/web"))
                    .findFirst()
                    .orElseThrow();
            JsonNode body = ActuatorLoopTest.M.readTree(register.getBody().utf8());
            assertThat(body.get("EnforceIndex").asBoolean()).isTrue();
            assertThat(body.get("JobModifyIndex").asLong()).isPositive();
            assertThat(body.get("PreserveCounts").asBoolean()).isTrue();

            clock.advance(Duration.ofMinutes(35)); // the load has tripled: scale out, but the deployment runs
            GroupResult blocked = actuator.runCycle().groups().get(0);
            assertThat(blocked.decision().action()).as(blocked.reason()).isEqualTo(Decision.Action.SCALE_OUT);
            assertThat(blocked.status()).isEqualTo("deployment");
            assertThat(blocked.applied().httpStatus()).isEqualTo(400);
            assertThat(blocked.reason()).contains("a deployment is running, retrying next interval");
            assertThat(nomad.count("default", "web", "api")).isEqualTo(3);

            nomad.deployment("default", "web", false); // the deployment finished
            clock.advance(Duration.ofMinutes(5));
            GroupResult applied = actuator.runCycle().groups().get(0);
            assertThat(applied.status()).as(applied.reason()).isEqualTo("ok");
            assertThat(applied.applied().httpStatus()).isEqualTo(200);
            assertThat(nomad.count("default", "web", "api"))
                    .isEqualTo(applied.decision().targetCount())
                    .isGreaterThanOrEqualTo(8);
            assertThat(Arrays.asList(applied.reason().split(";")))
                    .anyMatch(s -> s.contains("deferred: never together" + " with a scale-out"));
        }
    }
}
