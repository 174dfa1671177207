package io.prescale.grafana.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.grafana.client.GrafanaApiException.Kind;
import io.prescale.grafana.dashboard.Dashboard;
import io.prescale.grafana.dashboard.DashboardJson;
import java.io.IOException;
import java.net.URI;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grafana's HTTP API for what Prescale publishes: folders ({@code POST /api/folders}, {@code GET
 * /api/folders/:uid}), dashboards ({@code POST /api/dashboards/db} with {@code overwrite} and a fixed uid, so
 * that publishing again updates in place) and annotations ({@code POST /api/annotations}). Every call sends
 * {@code Authorization: Bearer <token>}; every failure is a {@link GrafanaApiException}. Thread-safe.
 */
public final class GrafanaClient {
    private static final Logger LOG = LoggerFactory.getLogger(GrafanaClient.class);
    private static final MediaType JSON = MediaType.get("application/json");
    private static final int EXCERPT = 512;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpUrl base;
    private final GrafanaToken token;
    private final OkHttpClient http;

    private GrafanaClient(HttpUrl base, GrafanaToken token, OkHttpClient http) {
        this.base = base;
        this.token = token;
        this.http = http;
    }

    /**
     * A client for the Grafana at {@code baseUrl} (http or https; a path prefix such as {@code /grafana} is
     * kept).
     *
     * @throws IllegalArgumentException if {@code baseUrl} is not an absolute http(s) URL
     */
    public static GrafanaClient create(URI baseUrl, GrafanaToken token, GrafanaClientOptions options) {
        Objects.requireNonNull(token, "token");
        HttpUrl url = baseUrl == null ? null : HttpUrl.parse(baseUrl.toString());
        if (url == null) {
            throw new IllegalArgumentException("Grafana URL must be an absolute http(s) URL, got " + baseUrl);
        }
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(options.connectTimeout())
                .callTimeout(options.callTimeout())
                .retryOnConnectionFailure(false)
                .build();
        return new GrafanaClient(url, token, http);
    }

    /** The base URL (never holds the token). */
    public String baseUrl() {
        return base.toString();
    }

    /**
     * The folder with uid {@code uid}, created with {@code title} when missing. A 409 or 412 on create means it
     * exists (412 {@code version-mismatch} is how Grafana 12's k8s storage says so): it is then read.
     */
    public Folder ensureFolder(String uid, String title) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("uid", uid);
        body.put("title", title);
        try {
            return folder(call("POST", "/api/folders", body));
        } catch (GrafanaApiException e) {
            if (e.httpStatus() != 409 && e.httpStatus() != 412) {
                throw e;
            }
            LOG.debug("folder {} exists ({}), reading it", uid, e.httpStatus());
            return folder(call("GET", "/api/folders/" + uid, null));
        }
    }

    /**
     * Saves {@code dashboard} into the folder {@code folderUid} (null: the root) with {@code overwrite: true} and
     * {@code "id": null}, with {@code message} as the version-history note (at most 500 characters).
     */
    public SavedDashboard saveDashboard(Dashboard dashboard, String folderUid, String message) {
        if (message != null && message.length() > 500) {
            throw new IllegalArgumentException("message must be at most 500 characters, got " + message.length());
        }
        ObjectNode body = MAPPER.createObjectNode();
        body.set("dashboard", DashboardJson.tree(dashboard));
        if (folderUid != null) {
            body.put("folderUid", folderUid);
        }
        body.put("message", message == null ? "" : message);
        body.put("overwrite", true);
        String endpoint = "POST /api/dashboards/db";
        JsonNode r = call("POST", "/api/dashboards/db", body);
        if (!"success".equals(r.path("status").asText()) || !r.hasNonNull("uid")) {
            throw new GrafanaApiException(
                    Kind.UNEXPECTED,
                    200,
                    endpoint,
                    r.path("status").asText(null),
                    null,
                    excerpt(r.toString()),
                    endpoint + ": 200 without status success",
                    null);
        }
        return new SavedDashboard(
                r.path("id").asLong(),
                r.get("uid").asText(),
                r.path("url").asText(""),
                r.path("version").asInt(),
                r.path("folderUid").asText(null));
    }

    /** Posts {@code annotation}; returns the id Grafana gave it. */
    public long annotate(Annotation annotation) {
        ObjectNode body = MAPPER.createObjectNode();
        if (annotation.dashboardUid() != null) {
            body.put("dashboardUID", annotation.dashboardUid());
        }
        if (annotation.panelId() != null) {
            body.put("panelId", annotation.panelId());
        }
        body.put("time", annotation.time().toEpochMilli());
        if (annotation.timeEnd() != null) {
            body.put("timeEnd", annotation.timeEnd().toEpochMilli());
        }
        annotation.tags().forEach(body.putArray("tags")::add);
        body.put("text", annotation.text());
        JsonNode r = call("POST", "/api/annotations", body);
        if (!r.path("id").canConvertToLong()) {
            throw new GrafanaApiException(
                    Kind.UNEXPECTED,
                    200,
                    "POST /api/annotations",
                    null,
                    null,
                    excerpt(r.toString()),
                    "POST /api/annotations: 200 without an id",
                    null);
        }
        return r.get("id").asLong();
    }

    private static Folder folder(JsonNode r) {
        return new Folder(
                r.path("id").asLong(), r.path("uid").asText(), r.path("title").asText());
    }

    private JsonNode call(String method, String path, JsonNode body) {
        String endpoint = method + " " + path;
        HttpUrl url = base.newBuilder().addPathSegments(path.substring(1)).build();
        Request request = new Request.Builder()
                .url(url)
                .header("Authorization", token.header())
                .header("Accept", "application/json")
                .method(method, body == null ? null : RequestBody.create(body.toString(), JSON))
                .build();
        LOG.debug("{} {}", method, url);
        try (Response response = http.newCall(request).execute()) {
            ResponseBody rb = response.body();
            String text = rb == null ? "" : rb.string();
            int code = response.code();
            JsonNode json = parse(text);
            if (code == 200) {
                if (json == null) {
                    throw new GrafanaApiException(
                            Kind.UNEXPECTED,
                            code,
                            endpoint,
                            null,
                            null,
                            excerpt(text),
                            endpoint + ": 200 with a body that is not JSON",
                            null);
                }
                return json;
            }
            throw failure(code, endpoint, json, text);
        } catch (IOException e) {
            throw new GrafanaApiException(
                    Kind.UNREACHABLE,
                    0,
                    endpoint,
                    null,
                    null,
                    "",
                    "cannot reach Grafana at " + base + " (" + endpoint + "): "
                            + token.redact(String.valueOf(e.getMessage())),
                    e);
        }
    }

    private GrafanaApiException failure(int code, String endpoint, JsonNode json, String text) {
        String status = json == null ? null : json.path("status").asText(null);
        String messageId = json == null ? null : json.path("messageId").asText(null);
        Kind kind = switch (code) {
            case 202 -> Kind.NOT_SAVED;
            case 400, 422 -> Kind.BAD_REQUEST;
            case 401 -> Kind.UNAUTHORIZED;
            case 403 -> Kind.FORBIDDEN;
            case 404 -> Kind.NOT_FOUND;
            case 409 -> Kind.CONFLICT;
            case 412 ->
                "version-mismatch".equals(status)
                        ? Kind.VERSION_MISMATCH
                        : "name-exists".equals(status) ? Kind.NAME_EXISTS : Kind.PRECONDITION_FAILED;
            case 413 -> Kind.TOO_LARGE;
            default -> code >= 500 ? Kind.SERVER_ERROR : Kind.UNEXPECTED;
        };
        StringBuilder m = new StringBuilder(endpoint)
                .append(": ")
                .append(code)
                .append(' ')
                .append(kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        if (status != null) {
            m.append(" (status ").append(status).append(')');
        }
        if (messageId != null) {
            m.append(" (messageId ").append(messageId).append(')');
        }
        String grafanaMessage = json == null ? null : json.path("message").asText(null);
        if (grafanaMessage != null) {
            m.append(": ").append(token.redact(oneLine(grafanaMessage)));
        }
        return new GrafanaApiException(kind, code, endpoint, status, messageId, excerpt(text), m.toString(), null);
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            JsonNode n = MAPPER.readTree(text);
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    private String excerpt(String text) {
        String clean = token.redact(text == null ? "" : text);
        return clean.length() <= EXCERPT ? clean : clean.substring(0, EXCERPT);
    }

    private static String oneLine(String s) {
        String line = s.replaceAll("\\s+", " ").strip();
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }
}
