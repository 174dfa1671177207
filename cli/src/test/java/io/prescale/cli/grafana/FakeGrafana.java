package io.prescale.cli.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A Grafana that accepts {@link #TOKEN} and answers folder creation and dashboard saves as
 * platform-apis.md §B says (200 bodies with exactly Grafana's keys); any other token gets 401
 * {@code api-key.invalid}. One shared instance serves the contract test.
 */
public final class FakeGrafana extends Dispatcher {
    public static final String TOKEN = "glsa_FakeGrafanaToken0123456789abcdef_0badc0de";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static MockWebServer shared;
    private static Path sharedTokenFile;

    /** The URL of the shared fake, started on first use. */
    public static synchronized String url() {
        if (shared == null) {
            shared = new MockWebServer();
            shared.setDispatcher(new FakeGrafana());
            try {
                shared.start(0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared.url("/").toString();
    }

    /** A file holding {@link #TOKEN}. */
    public static synchronized String tokenFile() {
        if (sharedTokenFile == null) {
            try {
                sharedTokenFile = Files.createTempFile("grafana-token", ".txt");
                Files.writeString(sharedTokenFile, TOKEN + "\n");
                sharedTokenFile.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sharedTokenFile.toString();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        if (!("Bearer " + TOKEN).equals(request.getHeaders().get("Authorization"))) {
            return json(
                    401,
                    "{\"message\":\"Invalid API key\",\"messageId\":\"api-key.invalid\","
                            + "\"statusCode\":401,\"traceID\":\"\"}");
        }
        String path = request.getUrl().encodedPath();
        try {
            JsonNode body = request.getBody() == null || request.getBody().size() == 0
                    ? null
                    : MAPPER.readTree(request.getBody().utf8());
            if ("POST".equals(request.getMethod()) && path.equals("/api/folders")) {
                String uid = body.get("uid").asText();
                return json(
                        200,
                        "{\"id\":3,\"uid\":\"" + uid + "\",\"title\":" + body.get("title")
                                + ",\"url\":\"/dashboards/f/" + uid + "/x\",\"hasAcl\":false,\"canSave\":true,"
                                + "\"canEdit\":true,\"canAdmin\":true,\"version\":1}");
            }
            if ("POST".equals(request.getMethod()) && path.equals("/api/dashboards/db")) {
                String uid = body.get("dashboard").get("uid").asText();
                return json(
                        200,
                        "{\"id\":12,\"uid\":\"" + uid + "\",\"url\":\"/d/" + uid + "/" + uid
                                + "\",\"status\":\"success\",\"version\":1,\"slug\":\"" + uid + "\",\"folderUid\":"
                                + body.get("folderUid") + "}");
            }
        } catch (IOException e) {
            return json(400, "{\"message\":\"bad request data\"}");
        }
        return json(404, "{\"message\":\"Not Found\"}");
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }
}
