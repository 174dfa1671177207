package io.prescale.grafana.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prescale.grafana.client.GrafanaApiException.Kind;
import io.prescale.grafana.dashboard.PrescaleDashboards;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The client against a MockWebServer Grafana answering as grafana-wire-facts.md and platform-apis.md §B say. */
class GrafanaClientTest {
    private static final String TOKEN = "glsa_VVQjot0nijQ59lun6pMZRtsdBXxnFQ9M_77c34a79";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @StartStop
    private final MockWebServer grafana = new MockWebServer();

    private GrafanaClient client() {
        return client(GrafanaClientOptions.defaults());
    }

    private GrafanaClient client(GrafanaClientOptions options) {
        GrafanaToken token =
                GrafanaToken.fromEnvironment(Map.of("GRAFANA_TOKEN", TOKEN)).orElseThrow();
        return GrafanaClient.create(URI.create(grafana.url("/").toString()), token, options);
    }

    private void answer(int code, String body) {
        grafana.enqueue(new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build());
    }

    private RecordedRequest take() throws InterruptedException {
        return grafana.takeRequest(5, TimeUnit.SECONDS);
    }

    private static JsonNode body(RecordedRequest r) throws IOException {
        return MAPPER.readTree(r.getBody().utf8());
    }

    private static final String FOLDER = "{\"id\":3,\"uid\":\"prescale\",\"title\":\"Prescale\","
            + "\"url\":\"/dashboards/f/prescale/prescale\",\"hasAcl\":false,\"canSave\":true,\"canEdit\":true,"
            + "\"canAdmin\":true,\"createdBy\":\"sa-ci\",\"created\":\"2026-11-30T10:00:00Z\",\"updatedBy\":\"sa-ci\","
            + "\"updated\":\"2026-11-30T10:00:00Z\",\"version\":1}";
    private static final String SAVED = "{\"id\":12,\"uid\":\"prescale-scaling\","
            + "\"url\":\"/d/prescale-scaling/prescale-scaling\",\"status\":\"success\",\"version\":4,"
            + "\"slug\":\"prescale-scaling\",\"folderUid\":\"prescale\"}";

    @Test
    void createsAMissingFolderWithBearerToken() throws Exception {
        answer(200, FOLDER);
        Folder f = client().ensureFolder("prescale", "Prescale");
        assertThat(f).isEqualTo(new Folder(3, "prescale", "Prescale"));
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/folders");
        assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(r.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(body(r)).isEqualTo(MAPPER.readTree("{\"uid\":\"prescale\",\"title\":\"Prescale\"}"));
    }

    static Stream<Arguments> folderExists() {
        return Stream.of(
                Arguments.of(409, "{\"message\":\"a folder/dashboard with the same uid already exists\"}"),
                Arguments.of(
                        412,
                        "{\"status\":\"version-mismatch\",\"message\":\"the folder has been changed by someone else\"}"));
    }

    @ParameterizedTest
    @MethodSource("folderExists")
    void readsTheFolderWhenCreateSaysItExists(int code, String conflict) throws Exception {
        answer(code, conflict);
        answer(200, FOLDER);
        assertThat(client().ensureFolder("prescale", "Prescale").id()).isEqualTo(3);
        assertThat(take().getMethod()).isEqualTo("POST");
        RecordedRequest get = take();
        assertThat(get.getMethod()).isEqualTo("GET");
        assertThat(get.getUrl().encodedPath()).isEqualTo("/api/folders/prescale");
        assertThat(get.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void aFolderThatCannotBeCreatedIsForbidden() {
        answer(403, "{\"message\":\"Access denied\"}");
        GrafanaApiException e =
                catchThrowableOfType(GrafanaApiException.class, () -> client().ensureFolder("prescale", "Prescale"));
        assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN);
        assertThat(e.getMessage()).startsWith("POST /api/folders: 403");
        assertThat(grafana.getRequestCount()).isEqualTo(1);
    }

    @Test
    void savesADashboardWithOverwriteNullIdFolderAndMessage() throws Exception {
        answer(200, SAVED);
        SavedDashboard saved =
                client().saveDashboard(PrescaleDashboards.scaling(), "prescale", "published by prescale");
        assertThat(saved)
                .isEqualTo(new SavedDashboard(
                        12, "prescale-scaling", "/d/prescale-scaling/prescale-scaling", 4, "prescale"));
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/dashboards/db");
        assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        JsonNode b = body(r);
        assertThat(b.get("overwrite").asBoolean()).isTrue();
        assertThat(b.get("folderUid").asText()).isEqualTo("prescale");
        assertThat(b.get("message").asText()).isEqualTo("published by prescale");
        assertThat(b.get("dashboard").has("id")).isTrue();
        assertThat(b.get("dashboard").get("id").isNull()).isTrue();
        assertThat(b.get("dashboard").get("uid").asText()).isEqualTo("prescale-scaling");
    }

    static Stream<Arguments> saveFailures() {
        return Stream.of(
                Arguments.of(
                        401,
                        "{\"message\":\"Invalid API key\",\"messageId\":\"api-key.invalid\",\"statusCode\":401,\"traceID\":\"\"}",
                        Kind.UNAUTHORIZED,
                        "messageId api-key.invalid"),
                Arguments.of(
                        401,
                        "{\"message\":\"Expired API key\",\"messageId\":\"api-key.expired\",\"statusCode\":401,\"traceID\":\"\"}",
                        Kind.UNAUTHORIZED,
                        "messageId api-key.expired"),
                Arguments.of(
                        401,
                        "{\"message\":\"Revoked API key\",\"messageId\":\"api-key.revoked\",\"statusCode\":401,\"traceID\":\"\"}",
                        Kind.UNAUTHORIZED,
                        "messageId api-key.revoked"),
                Arguments.of(
                        403,
                        "{\"title\":\"Access denied\",\"message\":\"You'll need additional permissions to perform this action. Permissions needed: any of dashboards:create, dashboards:write\",\"accessErrorId\":\"ACE0123456789\"}",
                        Kind.FORBIDDEN,
                        "403 forbidden"),
                Arguments.of(403, "{\"message\":\"Access denied to save dashboard\"}", Kind.FORBIDDEN, "403 forbidden"),
                Arguments.of(
                        404,
                        "{\"status\":\"not-found\",\"message\":\"Dashboard not found\"}",
                        Kind.NOT_FOUND,
                        "status not-found"),
                Arguments.of(
                        412,
                        "{\"message\":\"The dashboard has been changed by someone else\",\"status\":\"version-mismatch\"}",
                        Kind.VERSION_MISMATCH,
                        "status version-mismatch"),
                Arguments.of(
                        412,
                        "{\"status\":\"name-exists\",\"message\":\"A dashboard with the same name in the folder already exists\"}",
                        Kind.NAME_EXISTS,
                        "status name-exists"),
                Arguments.of(
                        412,
                        "{\"status\":\"plugin-dashboard\",\"message\":\"The dashboard belongs to plugin X.\"}",
                        Kind.PRECONDITION_FAILED,
                        "status plugin-dashboard"),
                Arguments.of(400, "{\"message\":\"bad request data\"}", Kind.BAD_REQUEST, "400 bad request"),
                Arguments.of(
                        400,
                        "{\"message\":\"A dashboard with the same uid already exists\"}",
                        Kind.BAD_REQUEST,
                        "same uid"),
                Arguments.of(400, "{\"message\":\"folder not found\"}", Kind.BAD_REQUEST, "folder not found"),
                Arguments.of(413, "{\"message\":\"Dashboard is too large, max is 5 MB\"}", Kind.TOO_LARGE, "413"),
                Arguments.of(
                        202,
                        "{\"status\":\"pending\",\"message\":\"changes were broadcast to the gitops listener\"}",
                        Kind.NOT_SAVED,
                        "status pending"),
                Arguments.of(
                        500, "{\"message\":\"Internal Server Error\",\"traceID\":\"abc\"}", Kind.SERVER_ERROR, "500"),
                Arguments.of(502, "<html>bad gateway</html>", Kind.SERVER_ERROR, "502"));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("saveFailures")
    void saveFailuresBranchOnStatusAndStatusField(int code, String body, Kind kind, String inMessage) {
        answer(code, body);
        GrafanaApiException e = catchThrowableOfType(
                GrafanaApiException.class, () -> client().saveDashboard(PrescaleDashboards.scaling(), "prescale", "m"));
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.httpStatus()).isEqualTo(code);
        assertThat(e.endpoint()).isEqualTo("POST /api/dashboards/db");
        assertThat(e.getMessage()).contains(inMessage).doesNotContain(TOKEN).doesNotContain("\n");
        assertThat(e.bodyExcerpt().length()).isLessThanOrEqualTo(512);
    }

    @Test
    void twoHundredWithoutSuccessIsNotSuccess() {
        answer(200, "{\"status\":\"weird\"}");
        assertThatThrownBy(() -> client().saveDashboard(PrescaleDashboards.scaling(), null, "m"))
                .isInstanceOfSatisfying(
                        GrafanaApiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED));
    }

    @Test
    void aTokenEchoedByTheServerNeverReachesTheException() {
        answer(400, "{\"message\":\"bad header Bearer " + TOKEN + "\"}");
        GrafanaApiException e = catchThrowableOfType(
                GrafanaApiException.class, () -> client().saveDashboard(PrescaleDashboards.scaling(), null, "m"));
        assertThat(e.getMessage()).doesNotContain(TOKEN).contains("***");
        assertThat(e.bodyExcerpt()).doesNotContain(TOKEN);
    }

    @Test
    void aLongBodyIsCutTo512Characters() {
        answer(500, "{\"message\":\"" + "x".repeat(5000) + "\"}");
        GrafanaApiException e = catchThrowableOfType(
                GrafanaApiException.class, () -> client().saveDashboard(PrescaleDashboards.scaling(), null, "m"));
        assertThat(e.bodyExcerpt()).hasSize(512);
        assertThat(e.getMessage().length()).isLessThan(400);
    }

    @Test
    void postsAnAnnotationInEpochMillisecondsWithTagsAndText() throws Exception {
        answer(200, "{\"message\":\"Annotation added\",\"id\":17}");
        Instant t = Instant.parse("2026-11-30T12:00:00Z");
        long id = client().annotate(Annotation.onPanel(
                "prescale-scaling",
                2,
                t,
                List.of("prescale", "decision"),
                "scale_out 3 → 5: forecast p90 above capacity in 10m"));
        assertThat(id).isEqualTo(17);
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/annotations");
        assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(body(r))
                .isEqualTo(MAPPER.readTree("{\"dashboardUID\":\"prescale-scaling\",\"panelId\":2,"
                        + "\"time\":" + t.toEpochMilli() + ",\"tags\":[\"prescale\",\"decision\"],"
                        + "\"text\":\"scale_out 3 → 5: forecast p90 above capacity in 10m\"}"));
    }

    @Test
    void aRegionAnnotationSendsTimeEnd() throws Exception {
        answer(200, "{\"message\":\"Annotation added\",\"id\":18}");
        Instant t = Instant.parse("2026-11-30T12:00:00Z");
        client().annotate(new Annotation(null, null, t, t.plusSeconds(600), List.of("prescale", "anomaly"), "span"));
        JsonNode b = body(take());
        assertThat(b.get("timeEnd").asLong()).isEqualTo(t.toEpochMilli() + 600_000);
        assertThat(b.has("dashboardUID")).isFalse();
    }

    @Test
    void aRefusedAnnotationIsABadRequest() {
        answer(400, "{\"message\":\"Failed to save annotation\"}");
        assertThatThrownBy(() -> client().annotate(Annotation.onPanel("d", 1, Instant.EPOCH, List.of(), "x")))
                .isInstanceOfSatisfying(
                        GrafanaApiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_REQUEST));
    }

    @Test
    void aClosedSocketIsUnreachableNamingTheUrl() {
        grafana.enqueue(new MockResponse.Builder()
                .onRequestStart(new SocketEffect.CloseSocket())
                .build());
        GrafanaApiException e =
                catchThrowableOfType(GrafanaApiException.class, () -> client().ensureFolder("prescale", "Prescale"));
        assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(e.getMessage()).contains(grafana.url("/").toString());
    }

    @Test
    void aSlowGrafanaTimesOutAsUnreachable() {
        grafana.enqueue(new MockResponse.Builder()
                .code(200)
                .body(SAVED)
                .headersDelay(2, TimeUnit.SECONDS)
                .build());
        GrafanaClient slow = client(GrafanaClientOptions.defaults().withCallTimeout(Duration.ofMillis(200)));
        assertThatThrownBy(() -> slow.saveDashboard(PrescaleDashboards.scaling(), null, "m"))
                .isInstanceOfSatisfying(
                        GrafanaApiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE));
    }

    @Test
    void nobodyListeningIsUnreachableNamingTheUrl() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        GrafanaClient c = GrafanaClient.create(
                URI.create("http://127.0.0.1:" + port + "/"),
                GrafanaToken.fromEnvironment(Map.of("GRAFANA_TOKEN", TOKEN)).orElseThrow(),
                GrafanaClientOptions.defaults());
        GrafanaApiException e = catchThrowableOfType(GrafanaApiException.class, () -> c.ensureFolder("p", "P"));
        assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(e.getMessage()).contains("http://127.0.0.1:" + port + "/").doesNotContain(TOKEN);
    }

    @Test
    void keepsAPathPrefixOfTheBaseUrl() throws Exception {
        answer(200, FOLDER);
        GrafanaClient c = GrafanaClient.create(
                URI.create(grafana.url("/grafana/").toString()),
                GrafanaToken.fromEnvironment(Map.of("GRAFANA_TOKEN", TOKEN)).orElseThrow(),
                GrafanaClientOptions.defaults());
        c.ensureFolder("prescale", "Prescale");
        assertThat(take().getUrl().encodedPath()).isEqualTo("/grafana/api/folders");
    }

    @Test
    void tokenComesFromAFileOrTheEnvironmentAndIsNeverPrinted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, TOKEN + "\n");
        GrafanaToken fromFile = GrafanaToken.fromFile(file);
        assertThat(fromFile.toString()).doesNotContain(TOKEN);
        assertThat(fromFile.redact("x " + TOKEN + " y")).isEqualTo("x *** y");
        assertThat(GrafanaToken.fromEnvironment(Map.of())).isEmpty();
        assertThat(GrafanaToken.fromEnvironment(Map.of("GRAFANA_TOKEN", "  "))).isEmpty();
    }

    @Test
    void folderUidIsDerivedFromTheTitle() {
        assertThat(Folder.uidFor("Prescale")).isEqualTo("prescale");
        assertThat(Folder.uidFor("Ops / Scaling (prod)")).isEqualTo("ops-scaling-prod");
        assertThat(Folder.uidFor("x".repeat(60))).hasSize(40);
    }
}
