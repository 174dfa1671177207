package io.prescale.nomad.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.nomad.fake.FakeNomad;
import io.prescale.nomad.fake.Fault;
import io.prescale.nomad.fake.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against the fake Nomad: each request's method, path, headers and body, and each error path. */
class NomadClientTest {
    static final ObjectMapper M = new ObjectMapper();
    static final String TOKEN = "3f4a0c1e-secret-token";

    ManualClock clock = new ManualClock(Instant.parse("2026-11-30T12:00:00Z"));
    FakeNomad nomad;
    NomadClient client;
    List<Duration> slept = new ArrayList<>();

    @BeforeEach
    void start() {
        nomad = FakeNomad.start(clock);
        nomad.requireToken(TOKEN);
        client = NomadClient.create(
                NomadConfig.builder(nomad.address())
                        .token(NomadToken.of(TOKEN))
                        .region("global")
                        .readTimeout(Duration.ofMillis(400))
                        .build(),
                slept::add);
    }

    @AfterEach
    void stop() {
        client.close();
        nomad.close();
    }

    static ObjectNode job(String id, int count, int min, int max) throws Exception {
        return (ObjectNode) M.readTree("""
                {"ID":"%s","Name":"%s","Type":"service","Meta":{"team":"payments"},
                 "TaskGroups":[{"Name":"api","Count":%d,"Meta":{"prescale.enabled":"true"},
                   "Scaling":{"Min":%d,"Max":%d,"Enabled":true,"Policy":null},
                   "Tasks":[{"Name":"server","Driver":"docker","Resources":{"CPU":500,"MemoryMB":256},
                             "KillTimeout":5000000000}]}]}""".formatted(id, id, count, min, max));
    }

    @Test
    void readsAJobWithTokenRegionAndNamespaceAndKeepsUnmodelledFields() throws Exception {
        nomad.putJob(job("web", 3, 1, 10));
        QueryResult<Job> result = client.readJob("default", "web").orElseThrow();
        Job job = result.value();
        assertThat(job.id()).isEqualTo("web");
        assertThat(job.meta()).containsEntry("team", "payments");
        assertThat(job.taskGroups().get(0).count()).isEqualTo(3);
        assertThat(job.taskGroups().get(0).scaling().min()).isEqualTo(1L);
        assertThat(job.taskGroups().get(0).scaling().max()).isEqualTo(10);
        assertThat(job.raw().at("/TaskGroups/0/Tasks/0/KillTimeout").asLong()).isEqualTo(5_000_000_000L);
        assertThat(result.meta().index()).isEqualTo(job.modifyIndex());
        assertThat(result.meta().knownLeader()).isTrue();
        RecordedRequest r = nomad.requests().get(0);
        assertThat(r.getMethod()).isEqualTo("GET");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/v1/job/web");
        assertThat(r.getUrl().queryParameter("namespace")).isEqualTo("default");
        assertThat(r.getUrl().queryParameter("region")).isEqualTo("global");
        assertThat(r.getHeaders().get("X-Nomad-Token")).isEqualTo(TOKEN);
    }

    @Test
    void missingJobIsEmptyNotAnError() {
        assertThat(client.readJob(null, "nope")).isEmpty();
    }

    @Test
    void wrongTokenIsA403NamedWithoutTheToken() {
        NomadClient wrong = NomadClient.create(
                NomadConfig.builder(nomad.address())
                        .token(NomadToken.of("wrong-secret-value"))
                        .build(),
                slept::add);
        assertThatThrownBy(() -> wrong.readJob(null, "web"))
                .isInstanceOfSatisfying(NomadApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.isForbidden()).isTrue();
                    assertThat(e.endpoint()).isEqualTo("/v1/job/web");
                    assertThat(e.excerpt()).isEqualTo("ACL token not found");
                })
                .hasMessageContaining("403")
                .hasMessageNotContaining("wrong-secret-value");
        assertThat(slept).as("4xx is never retried").isEmpty();
        assertThat(nomad.requests()).hasSize(1);
    }

    @Test
    void listsJobsAcrossPagesFollowingTheCanonicalNextTokenHeader() throws Exception {
        for (int i = 0; i < 5; i++) {
            nomad.putJob(job("job-" + i, 1, 1, 3));
        }
        QueryResult<List<JobListStub>> page =
                client.listJobs(JobsQuery.defaults().withNamespace("*").withPerPage(2));
        assertThat(page.value()).extracting(JobListStub::id).containsExactly("job-0", "job-1");
        assertThat(page.meta().nextToken()).isEqualTo("default.job-2");
        QueryResult<List<JobListStub>> all =
                client.listAllJobs(JobsQuery.defaults().withNamespace("*").withPerPage(2));
        assertThat(all.value()).hasSize(5);
        RecordedRequest last = nomad.requests().get(nomad.requests().size() - 1);
        assertThat(last.getUrl().queryParameter("next_token")).isEqualTo("default.job-4");
        assertThat(last.getUrl().queryParameter("per_page")).isEqualTo("2");
        assertThat(last.getUrl().queryParameter("namespace")).isEqualTo("*");
    }

    @Test
    void blockingListReturnsAfterAChange() throws Exception {
        nomad.putJob(job("a", 1, 1, 3));
        nomad.maxBlockingWait(Duration.ofSeconds(5));
        long index = client.listJobs(JobsQuery.defaults()).meta().index();
        Thread writer = new Thread(() -> {
            try {
                nomad.putJob(job("b", 1, 1, 3));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        QueryResult<List<JobListStub>> changed =
                client.listJobs(JobsQuery.defaults().blocking(index, Duration.ofSeconds(5)));
        writer.join();
        assertThat(changed.meta().index()).isGreaterThan(index);
        RecordedRequest r = nomad.requests().get(nomad.requests().size() - 1);
        assertThat(r.getUrl().queryParameter("index")).isEqualTo(Long.toString(index));
        assertThat(r.getUrl().queryParameter("wait")).isEqualTo("5s");
    }

    @Test
    void scalesWithTargetMessageMetaAndJobModifyIndex() throws Exception {
        nomad.putJob(job("web", 3, 1, 10));
        Job job = client.readJob(null, "web").orElseThrow().value();
        WriteResponse w = client.scale(
                null,
                "web",
                ScaleRequest.count(
                        "api",
                        5,
                        "forecast p90 420 rps",
                        Map.of("forecast", 420.0, "quantile", 0.9),
                        job.jobModifyIndex()));
        assertThat(w.evalId()).isNotEmpty();
        assertThat(nomad.count("default", "web", "api")).isEqualTo(5);
        RecordedRequest r = nomad.requests().get(nomad.requests().size() - 1);
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/v1/job/web/scale");
        assertThat(r.getHeaders().get("Content-Type")).startsWith("application/json");
        JsonNode body = M.readTree(r.getBody().utf8());
        assertThat(body.get("Count").asInt()).isEqualTo(5);
        assertThat(body.at("/Target/Group").asText()).isEqualTo("api");
        assertThat(body.at("/Target/Job").asText()).isEqualTo("web");
        assertThat(body.get("Message").asText()).isEqualTo("forecast p90 420 rps");
        assertThat(body.get("Error").asBoolean()).isFalse();
        assertThat(body.at("/Meta/quantile").asDouble()).isEqualTo(0.9);
        assertThat(body.get("JobModifyIndex").asLong()).isEqualTo(job.jobModifyIndex());

        JobScaleStatus status = client.scaleStatus(null, "web").orElseThrow();
        JobScaleStatus.Event event = status.taskGroups().get("api").events().get(0);
        assertThat(event.count()).isEqualTo(5);
        assertThat(event.previousCount()).isEqualTo(3);
        assertThat(event.time()).isEqualTo(clock.instant());
        assertThat(status.taskGroups().get("api").desired()).isEqualTo(5);
    }

    @Test
    void scaleDuringADeploymentIsA400ThatIsNotRetried() throws Exception {
        nomad.putJob(job("web", 3, 1, 10));
        nomad.deployment("default", "web", true);
        assertThatThrownBy(() -> client.scale(null, "web", ScaleRequest.count("api", 5, "m", Map.of(), 0)))
                .isInstanceOfSatisfying(NomadApiException.class, e -> {
                    assertThat(e.isDeploymentActive()).isTrue();
                    assertThat(e.excerpt()).isEqualTo("job scaling blocked due to active deployment");
                });
        assertThat(slept).isEmpty();
    }

    @Test
    void scaleAfterAManualChangeIsA500ConflictThatIsNotRetried() throws Exception {
        nomad.putJob(job("web", 3, 1, 10));
        long seen = client.readJob(null, "web").orElseThrow().value().jobModifyIndex();
        nomad.operatorScale("default", "web", "api", 4);
        assertThatThrownBy(() -> client.scale(null, "web", ScaleRequest.count("api", 5, "m", Map.of(), seen)))
                .isInstanceOfSatisfying(NomadApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.isConflict()).isTrue();
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.excerpt()).startsWith("Enforcing job modify index " + seen);
                });
        assertThat(slept).isEmpty();
        assertThat(nomad.count("default", "web", "api")).isEqualTo(4);
    }

    @Test
    void scaleOutsideBoundsIsA400WithNomadsText() throws Exception {
        nomad.putJob(job("web", 3, 1, 10));
        assertThatThrownBy(() -> client.scale(null, "web", ScaleRequest.count("api", 11, "m", Map.of(), 0)))
                .hasMessageContaining("group count was greater than scaling policy maximum: 11 > 10");
    }

    @Test
    void errorEventCarriesNoCount() throws Exception {
        nomad.putJob(job("web", 3, 1, 10));
        client.scale(null, "web", ScaleRequest.errorEvent("api", "could not query metrics"));
        JsonNode body = M.readTree(
                nomad.requests().get(nomad.requests().size() - 1).getBody().utf8());
        assertThat(body.has("Count")).isFalse();
        assertThat(body.get("Error").asBoolean()).isTrue();
        assertThat(client.scaleStatus(null, "web")
                        .orElseThrow()
                        .taskGroups()
                        .get("api")
                        .events()
                        .get(0)
                        .count())
                .isNull();
    }

    @Test
    void retries5xxTimeoutsAndClosedConnectionsWithBackoffThenSucceeds() throws Exception {
        nomad.putJob(job("web", 3, 1, 10));
        nomad.inject(Fault.status("GET", "/v1/job/web", 503, "rpc error: No cluster leader", 1));
        nomad.inject(Fault.timeout("GET", "/v1/job/web", 1));
        nomad.inject(Fault.close("GET", "/v1/job/web", 1));
        assertThat(client.readJob(null, "web")).isPresent();
        assertThat(slept).hasSize(3);
        RetryPolicy p = RetryPolicy.defaults();
        for (int i = 0; i < slept.size(); i++) {
            assertThat(slept.get(i)).isBetween(Duration.ZERO, p.ceiling(i + 1));
        }
    }

    @Test
    void givesUpAfterMaxAttemptsNamingTheEndpoint() throws Exception {
        nomad.inject(Fault.status("GET", "/v1/job/web", 500, "internal", 10));
        assertThatThrownBy(() -> client.readJob(null, "web")).isInstanceOfSatisfying(NomadApiException.class, e -> {
            assertThat(e.kind()).isEqualTo(NomadApiException.Kind.SERVER_ERROR);
            assertThat(e.endpoint()).isEqualTo("/v1/job/web");
        });
        assertThat(slept).hasSize(RetryPolicy.defaults().maxAttempts() - 1);
    }

    @Test
    void malformedJsonIsNamed() {
        nomad.inject(Fault.malformed("GET", "/v1/job/web", 1));
        assertThatThrownBy(() -> client.readJob(null, "web"))
                .isInstanceOfSatisfying(
                        NomadApiException.class, e -> assertThat(e.kind()).isEqualTo(NomadApiException.Kind.MALFORMED));
    }

    @Test
    void unreachableNomadIsNamedAndTheExcerptIsBounded() {
        NomadClient dead = NomadClient.create(NomadConfig.builder(java.net.URI.create("http://127.0.0.1:1"))
                .retry(RetryPolicy.none())
                .build());
        assertThatThrownBy(() -> dead.readJob(null, "web"))
                .isInstanceOfSatisfying(NomadApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(NomadApiException.Kind.UNREACHABLE);
                    assertThat(e.status()).isZero();
                })
                .hasMessageContaining("127.0.0.1:1");
        assertThat(NomadApiException.excerpt("x".repeat(2000) + TOKEN, TOKEN)).hasSize(NomadApiException.MAX_EXCERPT);
        assertThat(NomadApiException.excerpt("echo " + TOKEN, TOKEN)).isEqualTo("echo [redacted]");
    }

    @Test
    void registersWithEnforceIndexAndPreserveCounts() throws Exception {
        nomad.putJob(job("web", 3, 1, 10));
        Job job = client.readJob(null, "web").orElseThrow().value();
        nomad.operatorScale("default", "web", "api", 6);
        Job now = client.readJob(null, "web").orElseThrow().value();
        ObjectNode changed = now.raw();
        ((ObjectNode) changed.at("/TaskGroups/0/Tasks/0/Resources")).put("CPU", 800);
        ((ObjectNode) changed.at("/TaskGroups/0")).put("Count", 2);
        WriteResponse w = client.register(null, RegisterRequest.update(now, changed));
        assertThat(w.jobModifyIndex()).isGreaterThan(now.jobModifyIndex());
        assertThat(nomad.count("default", "web", "api"))
                .as("PreserveCounts keeps the running count")
                .isEqualTo(6);
        JsonNode body = M.readTree(
                nomad.requests().get(nomad.requests().size() - 1).getBody().utf8());
        assertThat(body.get("EnforceIndex").asBoolean()).isTrue();
        assertThat(body.get("PreserveCounts").asBoolean()).isTrue();
        assertThat(body.get("JobModifyIndex").asLong()).isEqualTo(now.jobModifyIndex());
        assertThat(body.at("/Job/TaskGroups/0/Tasks/0/Resources/CPU").asInt()).isEqualTo(800);
        assertThatThrownBy(() -> client.register(null, RegisterRequest.update(job, changed)))
                .isInstanceOfSatisfying(NomadApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.isConflict()).isTrue();
                });
    }

    @Test
    void variablesCheckAndSetConflictsAre409() {
        Variable created = client.writeVariable(null, "prescale/state/x", Map.of("k", "v"), 0L, null);
        assertThat(created.items()).containsEntry("k", "v");
        assertThatThrownBy(() -> client.writeVariable(null, "prescale/state/x", Map.of("k", "w"), 0L, null))
                .isInstanceOfSatisfying(
                        NomadApiException.class, e -> assertThat(e.status()).isEqualTo(409));
        Variable updated =
                client.writeVariable(null, "prescale/state/x", Map.of("k", "w"), created.modifyIndex(), null);
        assertThat(updated.createIndex()).isEqualTo(created.createIndex());
        assertThat(client.readVariable(null, "prescale/state/x").orElseThrow().items())
                .containsEntry("k", "w");
        assertThat(client.readVariable(null, "prescale/state/missing")).isEmpty();
        RecordedRequest put = nomad.requests().get(2);
        assertThat(put.getMethod()).isEqualTo("PUT");
        assertThat(put.getUrl().encodedPath()).isEqualTo("/v1/var/prescale/state/x");
        assertThat(put.getUrl().queryParameter("cas")).isEqualTo(Long.toString(created.modifyIndex()));
        assertThat(slept).isEmpty();
    }

    @Test
    void lockAcquireRenewReleaseAndConflicts() throws Exception {
        Variable held = client.acquireLock(
                null, "prescale/leader", Duration.ofSeconds(15), Duration.ofSeconds(15), Map.of("holder", "a"));
        String id = held.lock().id();
        assertThat(held.lock().ttl()).isEqualTo(Duration.ofSeconds(15));
        JsonNode body = M.readTree(nomad.requests().get(0).getBody().utf8());
        assertThat(nomad.requests().get(0).getUrl().queryParameterNames()).contains("lock-acquire");
        assertThat(body.at("/Lock/TTL").asText()).isEqualTo("15s");
        assertThatThrownBy(() -> client.acquireLock(
                        null, "prescale/leader", Duration.ofSeconds(15), Duration.ofSeconds(15), Map.of("holder", "b")))
                .isInstanceOfSatisfying(
                        NomadApiException.class, e -> assertThat(e.isConflict()).isTrue());
        clock.advance(Duration.ofSeconds(20));
        assertThat(client.renewLock(null, "prescale/leader", id).lock().id()).isEqualTo(id);
        clock.advance(Duration.ofSeconds(31));
        assertThatThrownBy(() -> client.renewLock(null, "prescale/leader", id))
                .isInstanceOfSatisfying(NomadApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.excerpt()).isEqualTo("attempting to modify locked variable");
                });
        clock.advance(Duration.ofSeconds(15));
        Variable next = client.acquireLock(
                null, "prescale/leader", Duration.ofSeconds(15), Duration.ofSeconds(15), Map.of("holder", "b"));
        client.releaseLock(null, "prescale/leader", next.lock().id());
        JsonNode release = M.readTree(
                nomad.requests().get(nomad.requests().size() - 1).getBody().utf8());
        assertThat(release.get("Items").isNull()).isTrue();
        assertThatThrownBy(() ->
                        client.renewLock(null, "prescale/leader", next.lock().id()))
                .hasMessageContaining("variable doesn't hold a lock");
        assertThat(slept).as("lock calls are never retried").isEmpty();
    }

    @Test
    void dispatchesAParameterizedJob() throws Exception {
        nomad.putJob(M.readTree("""
                {"ID":"tune","Type":"batch","ParameterizedJob":{"Payload":"optional","MetaRequired":["trial"]},
                 "TaskGroups":[{"Name":"t","Count":1}]}"""));
        DispatchResponse d = client.dispatch(
                null, "tune", new DispatchRequest("{}".getBytes(), Map.of("trial", "7"), null, "trial-7"));
        assertThat(d.dispatchedJobId())
                .startsWith("tune/dispatch-" + clock.instant().getEpochSecond() + "-");
        JsonNode body = M.readTree(nomad.requests().get(0).getBody().utf8());
        assertThat(body.get("Payload").asText()).isEqualTo("e30=");
        assertThat(body.at("/Meta/trial").asText()).isEqualTo("7");
        assertThat(nomad.requests().get(0).getUrl().queryParameter("idempotency_token"))
                .isEqualTo("trial-7");
        assertThat(client.dispatch(null, "tune", new DispatchRequest(null, Map.of("trial", "7"), null, "trial-7"))
                        .dispatchedJobId())
                .isEqualTo(d.dispatchedJobId());
        assertThatThrownBy(() -> client.dispatch(null, "tune", DispatchRequest.of(Map.of())))
                .isInstanceOfSatisfying(NomadApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.excerpt()).isEqualTo("Dispatch did not provide required meta keys: [trial]");
                    assertThat(e.retryable()).isFalse();
                });
        assertThat(client.readJob(null, d.dispatchedJobId())
                        .orElseThrow()
                        .value()
                        .id())
                .isEqualTo(d.dispatchedJobId());
    }

    @Test
    void readsTheTokenFromAFileOrTheEnvironment(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, "  " + TOKEN + "\n");
        assertThat(NomadToken.fromFile(file).secret()).isEqualTo(TOKEN);
        assertThat(NomadToken.fromFile(file).toString()).doesNotContain(TOKEN);
        assertThat(NomadToken.fromEnvironment(Map.of("NOMAD_TOKEN", TOKEN))
                        .orElseThrow()
                        .secret())
                .isEqualTo(TOKEN);
        assertThat(NomadToken.fromEnvironment(Map.of())).isEmpty();
        assertThatThrownBy(() -> NomadToken.fromFile(dir.resolve("missing"))).hasMessageContaining("token file");
        assertThat(NomadConfig.builder(nomad.address())
                        .token(NomadToken.of(TOKEN))
                        .build()
                        .toString())
                .doesNotContain(TOKEN);
    }

    @Test
    void goDurationsRoundTrip() {
        assertThat(GoDuration.format(Duration.ofSeconds(15))).isEqualTo("15s");
        assertThat(GoDuration.format(Duration.ofMinutes(5))).isEqualTo("5m0s");
        assertThat(GoDuration.parse("1h0m0s")).isEqualTo(Duration.ofHours(1));
        assertThat(GoDuration.parse("300ms")).isEqualTo(Duration.ofMillis(300));
        assertThatThrownBy(() -> GoDuration.parse("soon")).hasMessageContaining("soon");
    }
}
