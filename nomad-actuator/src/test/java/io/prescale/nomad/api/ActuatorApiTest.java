package io.prescale.nomad.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.core.scale.ScalingPolicy;
import io.prescale.nomad.fake.ManualClock;
import io.prescale.nomad.loop.Actuator;
import io.prescale.nomad.loop.StaticJobs;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The actuator's HTTP API: groups, policies behind the bearer token, health, metrics. */
class ActuatorApiTest {
    static final ObjectMapper M = new ObjectMapper();
    static final String TOKEN = "api-token-0123456789abcdef";
    ManualClock clock = new ManualClock(Instant.parse("2026-11-30T12:00:00Z"));
    Actuator actuator;
    ActuatorApi api;
    HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        actuator = Actuator.builder()
                .jobs(new StaticJobs(List.of()))
                .clock(clock)
                .loads((q, s, e, st) -> {
                    throw new IllegalArgumentException("none");
                })
                .build();
        api = ActuatorApi.start(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                actuator,
                ApiToken.of(TOKEN),
                clock,
                Duration.ofMinutes(3));
    }

    @AfterEach
    void stop() {
        api.close();
        actuator.close();
    }

    HttpResponse<String> call(String method, String path, String body, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void publishesAndReadsAPolicyBehindTheBearerToken() throws Exception {
        String policy =
                ScalingPolicy.capacityOnly("web", 40, "requests/s", null).toJson();
        assertThat(call("PUT", "/v1/policies/web", policy, null).statusCode()).isEqualTo(401);
        assertThat(call("PUT", "/v1/policies/web", policy, "Bearer wrong").statusCode())
                .isEqualTo(401);
        HttpResponse<String> ok = call("PUT", "/v1/policies/web", policy, "bearer " + TOKEN);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(M.readTree(ok.body()).get("digest").asText()).startsWith("sha256:");
        HttpResponse<String> got = call("GET", "/v1/policies/web", null, "Bearer " + TOKEN);
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(ScalingPolicy.fromJson(got.body()).digest())
                .isEqualTo(ScalingPolicy.fromJson(policy).digest());
        assertThat(call("GET", "/v1/policies/nope", null, "Bearer " + TOKEN).statusCode())
                .isEqualTo(404);
    }

    @Test
    void refusesBadDigestSchemaNameAndSize() throws Exception {
        ObjectNode doc =
                ScalingPolicy.capacityOnly("web", 40, "requests/s", null).toJsonNode();
        doc.put("digest", "sha256:" + "0".repeat(64));
        HttpResponse<String> bad = call("PUT", "/v1/policies/web", doc.toString(), "Bearer " + TOKEN);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(M.readTree(bad.body()).get("error").asText()).contains("digest does not match");
        doc.remove("digest");
        assertThat(M.readTree(call("PUT", "/v1/policies/web", doc.toString(), "Bearer " + TOKEN)
                                .body())
                        .get("error")
                        .asText())
                .contains("no digest");
        ObjectNode unknown =
                ScalingPolicy.capacityOnly("web", 40, "requests/s", null).toJsonNode();
        unknown.put("extra", 1);
        assertThat(call("PUT", "/v1/policies/web", unknown.toString(), "Bearer " + TOKEN)
                        .body())
                .contains("unknown field 'extra'");
        String other = ScalingPolicy.capacityOnly("api", 40, "requests/s", null).toJson();
        assertThat(call("PUT", "/v1/policies/web", other, "Bearer " + TOKEN).body())
                .contains("does not match the path");
        String huge = "{\"pad\":\"" + "x".repeat(ActuatorApi.MAX_POLICY_BYTES) + "\"}";
        assertThat(call("PUT", "/v1/policies/web", huge, "Bearer " + TOKEN).statusCode())
                .isEqualTo(413);
    }

    @Test
    void healthGroupsAndMetrics() throws Exception {
        assertThat(call("GET", "/health", null, null).statusCode()).isEqualTo(503);
        actuator.runCycle();
        HttpResponse<String> health = call("GET", "/health", null, null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(M.readTree(health.body()).get("status").asText()).isEqualTo("ok");
        clock.advance(Duration.ofMinutes(4));
        assertThat(call("GET", "/health", null, null).statusCode())
                .as("no cycle for 3 intervals")
                .isEqualTo(503);
        JsonNode groups = M.readTree(call("GET", "/v1/groups", null, null).body());
        assertThat(groups.get("groups").isArray()).isTrue();
        String metrics = call("GET", "/metrics", null, null).body();
        assertThat(metrics)
                .contains("prescale_errors_total{kind=\"nomad_5xx\"} 0")
                .contains("prescale_cycles_total 1");
    }
}
