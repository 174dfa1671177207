package io.prescale.nomad.loop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prescale.core.series.TimeSeries;
import io.prescale.nomad.annotations.Mode;
import io.prescale.nomad.client.NomadClient;
import io.prescale.nomad.client.NomadConfig;
import io.prescale.nomad.client.RetryPolicy;
import io.prescale.nomad.fake.FakeNomad;
import io.prescale.nomad.fake.Fault;
import io.prescale.nomad.fake.ManualClock;
import io.prescale.nomad.metrics.ErrorKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The loop against the fake Nomad with a synthetic daily load: each mode, and never fighting Nomad or an operator. */
class ActuatorLoopTest {
    static final ObjectMapper M = new ObjectMapper();
    static final Instant BEFORE_PEAK = Instant.parse("2026-11-20T10:30:00Z");

    ManualClock clock = new ManualClock(BEFORE_PEAK);
    FakeNomad nomad;
    NomadClient client;
    List<String> log = new ArrayList<>();

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

    static JsonNode job(String id, String mode, int count, String extraMeta) throws Exception {
        return M.readTree("""
                {"Job":{"ID":"%s","Type":"service","TaskGroups":[{"Name":"api","Count":%d,
                  "Meta":{"prescale.enabled":"true","prescale.query":"sum(rate(http_requests_total[5m]))",
                          "prescale.lead":"1h","prescale.mode":"%s","prescale.capacity":"20"%s},
                  "Scaling":{"Min":1,"Max":10,"Enabled":true},
                  "Tasks":[{"Name":"server","Driver":"docker","Resources":{"CPU":500,"MemoryMB":256}}]}]}}""".formatted(id, count, mode, extraMeta));
    }

    Actuator actuator(LoadSource loads) {
        return Actuator.builder()
                .jobs(new NomadDiscovery(client, "*", 0))
                .loads(loads)
                .client(client)
                .clock(clock)
                .options(ActuatorOptions.defaults().withHistory(Duration.ofDays(4)))
                .log(DecisionLog.to(log::add))
                .build();
    }

    @Test
    void scalesOutBeforeTheDailyPeakWithMessageAndMeta() throws Exception {
        nomad.putJob(job("web", "forecast-and-scale", 3, ""));
        try (Actuator actuator = actuator(new DailyLoad())) {
            CycleReport report = actuator.runCycle();
            GroupResult g = report.groups().get(0);
            assertThat(g.status()).as(g.reason()).isEqualTo("ok");
            assertThat(g.decision().targetCount()).isBetween(8, 10);
            assertThat(g.applied().httpStatus()).isEqualTo(200);
            assertThat(nomad.count("default", "web", "api"))
                    .isEqualTo(g.decision().targetCount());
            RecordedRequest scale = nomad.requests().stream()
                    .filter(r -> r.getUrl().encodedPath().endsWith("/scale"))
                    .findFirst()
                    .orElseThrow();
            JsonNode body = M.readTree(scale.getBody().utf8());
            assertThat(body.get("Message").asText()).startsWith("prescale: scale out 3 → ");
            assertThat(body.at("/Meta/quantile").asDouble()).isEqualTo(0.9);
            assertThat(body.at("/Meta/forecast").asDouble()).isGreaterThan(150);
            assertThat(body.get("JobModifyIndex").asLong()).isPositive();
            assertThat(log).hasSize(1);
            assertThat(M.readTree(log.get(0)).get("action").asText()).isEqualTo("scale_out");
            assertThat(actuator.metrics().decisions("scale_out", "forecast-and-scale"))
                    .isEqualTo(1);
        }
    }

    @Test
    void eachChangingDecisionGoesToTheListenerOnceAndAFailingListenerStopsNothing() throws Exception {
        nomad.putJob(job("web", "forecast-only", 3, ""));
        nomad.putJob(job("zzz", "forecast-only", 3, ""));
        List<GroupResult> told = new ArrayList<>();
        try (Actuator actuator = Actuator.builder()
                .jobs(new NomadDiscovery(client, "*", 0))
                .loads(new DailyLoad())
                .client(client)
                .clock(clock)
                .options(ActuatorOptions.defaults().withHistory(Duration.ofDays(4)))
                .log(DecisionLog.to(log::add))
                .listener(r -> {
                    told.add(r);
                    throw new IllegalStateException("grafana is down");
                })
                .build()) {
            CycleReport report = actuator.runCycle();
            assertThat(report.groups()).extracting(GroupResult::status).containsExactly("ok", "ok");
            assertThat(told).extracting(r -> r.ref().job()).containsExactly("web", "zzz");
            assertThat(told)
                    .allSatisfy(r -> assertThat(r.decision().action().name()).isEqualTo("SCALE_OUT"));
        }
    }

    @Test
    void holdsAreNotAnnounced() throws Exception {
        nomad.putJob(job("web", "forecast-only", 9, ""));
        List<GroupResult> told = new ArrayList<>();
        try (Actuator actuator = Actuator.builder()
                .jobs(new NomadDiscovery(client, "*", 0))
                .loads(new DailyLoad())
                .client(client)
                .clock(clock)
                .options(ActuatorOptions.defaults().withHistory(Duration.ofDays(4)))
                .log(DecisionLog.to(log::add))
                .listener(told::add)
                .build()) {
            GroupResult g = actuator.runCycle().groups().get(0);
            assertThat(g.decision().action().name()).as(g.reason()).isEqualTo("HOLD");
            assertThat(told).isEmpty();
        }
    }

    @Test
    void forecastOnlyChangesNothing() throws Exception {
        nomad.putJob(job("web", "forecast-only", 3, ""));
        try (Actuator actuator = actuator(new DailyLoad())) {
            GroupResult g = actuator.runCycle().groups().get(0);
            assertThat(g.decision().action().name()).isEqualTo("SCALE_OUT");
            assertThat(g.applied()).isNull();
            assertThat(nomad.count("default", "web", "api")).isEqualTo(3);
            assertThat(nomad.requests())
                    .noneMatch(
                            r -> r.getMethod().equals("POST") || r.getMethod().equals("PUT"));
        }
    }

    @Test
    void invalidAnnotationsSkipOnlyThatGroupWithTheReason() throws Exception {
        nomad.putJob(job("bad", "sometimes", 3, ",\"prescale.leed\":\"5m\""));
        nomad.putJob(job("web", "forecast-only", 3, ""));
        try (Actuator actuator = actuator(new DailyLoad())) {
            List<GroupResult> groups = actuator.runCycle().groups();
            assertThat(groups.get(0).status()).isEqualTo("invalid");
            assertThat(groups.get(0).reason()).contains("prescale.mode").contains("unknown annotation prescale.leed");
            assertThat(groups.get(1).status()).isEqualTo("ok");
            assertThat(actuator.metrics().errors(ErrorKind.INVALID_ANNOTATION)).isEqualTo(1);
        }
    }

    @Test
    void deploymentInProgressIsReportedAndRetriedNextInterval() throws Exception {
        nomad.putJob(job("web", "forecast-and-scale", 3, ""));
        nomad.deployment("default", "web", true);
        try (Actuator actuator = actuator(new DailyLoad())) {
            GroupResult g = actuator.runCycle().groups().get(0);
            assertThat(g.status()).isEqualTo("deployment");
            assertThat(g.applied().httpStatus()).isEqualTo(400);
            assertThat(g.applied().error()).isEqualTo("job scaling blocked due to active deployment");
            assertThat(nomad.count("default", "web", "api")).isEqualTo(3);
            nomad.deployment("default", "web", false);
            clock.advance(Duration.ofMinutes(1));
            assertThat(actuator.runCycle().groups().get(0).status()).isEqualTo("ok");
            assertThat(nomad.count("default", "web", "api")).isGreaterThan(3);
        }
    }

    @Test
    void anOperatorsChangeWinsAndIsReported() throws Exception {
        nomad.putJob(job("web", "forecast-and-scale", 3, ""));
        try (Actuator actuator = actuator(new DailyLoad())) {
            int target = actuator.runCycle().groups().get(0).decision().targetCount();
            nomad.operatorScale("default", "web", "api", 2);
            clock.advance(Duration.ofMinutes(1));
            GroupResult g = actuator.runCycle().groups().get(0);
            assertThat(g.status()).isEqualTo("manual-change");
            assertThat(g.reason()).contains("operator");
            assertThat(nomad.count("default", "web", "api")).isEqualTo(2);
            assertThat(nomad.acceptedScales()).containsExactly("default/web/api=" + target);
        }
    }

    @Test
    void aChangeBetweenDiscoveryAndActionIsNotOverwritten() throws Exception {
        nomad.putJob(job("web", "forecast-and-scale", 3, ""));
        LoadSource racing = (q, s, e, st) -> {
            nomad.operatorScale("default", "web", "api", 4);
            return new DailyLoad().read(q, s, e, st);
        };
        try (Actuator actuator = actuator(racing)) {
            GroupResult g = actuator.runCycle().groups().get(0);
            assertThat(g.status()).isEqualTo("manual-change");
            assertThat(nomad.count("default", "web", "api")).isEqualTo(4);
            assertThat(nomad.acceptedScales()).isEmpty();
        }
    }

    @Test
    void nowBeforeAnyHistoryHoldsWithAReason() throws Exception {
        nomad.putJob(job("web", "forecast-and-scale", 3, ""));
        LoadSource empty = (q, s, e, st) ->
                TimeSeries.of(s, st, nanArray((int) (Duration.between(s, e).toMillis() / st.toMillis())));
        try (Actuator actuator = actuator(empty)) {
            GroupResult g = actuator.runCycle().groups().get(0);
            assertThat(g.status()).isEqualTo("hold");
            assertThat(g.reason()).contains("no load data");
            assertThat(nomad.acceptedScales()).isEmpty();
        }
    }

    @Test
    void nomadFaultsAreCountedAndTheLoopGoesOn() throws Exception {
        nomad.putJob(job("web", "forecast-and-scale", 3, ""));
        try (Actuator actuator = actuator(new DailyLoad())) {
            nomad.inject(Fault.status("GET", "/v1/jobs", 500, "rpc error: No cluster leader", 1));
            CycleReport failed = actuator.runCycle();
            assertThat(failed.discoveryError()).contains("/v1/jobs").contains("500");
            assertThat(failed.errors()).containsEntry("nomad_5xx", 1);
            nomad.inject(Fault.timeout("POST", "/v1/job/web/scale", 1));
            GroupResult g = actuator.runCycle().groups().get(0);
            assertThat(g.status()).isEqualTo("error");
            assertThat(actuator.metrics().errors(ErrorKind.NOMAD_TIMEOUT)).isEqualTo(1);
            GroupResult retried = actuator.runCycle().groups().get(0);
            assertThat(retried.status()).as(retried.reason()).isEqualTo("ok");
        }
    }

    @Test
    void autoscalerModePublishesTheDesiredCountWithoutCallingNomad() throws Exception {
        nomad.putJob(job("web", "autoscaler", 3, ""));
        try (Actuator actuator = actuator(new DailyLoad())) {
            GroupResult g = actuator.runCycle().groups().get(0);
            assertThat(g.mode()).isEqualTo(Mode.AUTOSCALER);
            assertThat(nomad.acceptedScales()).isEmpty();
            String text = MetricsText.of(actuator.metrics());
            assertThat(text)
                    .contains("prescale_desired_count{group=\"api\",job=\"web\",namespace=\"default\"} "
                            + g.decision().targetCount());
        }
    }

    @Test
    void groupsOfOneJobActInTurnWithoutMistakingEachOtherForAnOperator() throws Exception {
        JsonNode two = job("web", "forecast-and-scale", 3, "");
        com.fasterxml.jackson.databind.node.ArrayNode groups =
                (com.fasterxml.jackson.databind.node.ArrayNode) two.get("Job").get("TaskGroups");
        com.fasterxml.jackson.databind.node.ObjectNode second = groups.get(0).deepCopy();
        second.put("Name", "worker");
        groups.add(second);
        nomad.putJob(two);
        try (Actuator actuator = actuator(new DailyLoad())) {
            List<GroupResult> results = actuator.runCycle().groups();
            assertThat(results).extracting(GroupResult::status).containsExactly("ok", "ok");
            assertThat(nomad.acceptedScales()).hasSize(2);
            assertThat(actuator.metrics().errors(ErrorKind.MANUAL_CHANGE)).isZero();
            assertThat(actuator.metrics().errors(ErrorKind.CONFLICT)).isZero();
        }
    }

    static double[] nanArray(int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }
}
