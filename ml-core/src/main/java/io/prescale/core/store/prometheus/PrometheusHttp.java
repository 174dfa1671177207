package io.prescale.core.store.prometheus;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prescale.core.redact.Redactor;
import io.prescale.core.store.MetricSourceException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Prometheus HTTP API call: builds the request (GET, or a POST form when the URL would be long), adds the
 * credentials and tenant headers, and maps every failure to the shapes of the Prometheus API: 400 and 422 are
 * bad input ({@link IllegalArgumentException} carrying Prometheus' own error text), everything else is a
 * {@link MetricSourceException}. Every message and warning passes the one {@link Redactor} of the credentials in
 * use, since Prometheus (or a proxy before it) may echo a header or the URL. Thread-safe.
 */
final class PrometheusHttp {
    /** Above this URL length the parameters go into a POST form instead (proxies cut long URLs). */
    static final int MAX_GET_URL_LENGTH = 4_000;

    static final int EXCERPT_LENGTH = 512;
    private static final Logger LOG = LoggerFactory.getLogger(PrometheusHttp.class);
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final PrometheusConfig config;
    private final HttpClient client;
    private final String authorization;
    private final Redactor redactor;

    PrometheusHttp(PrometheusConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        if (config.bearerToken() != null) {
            authorization = "Bearer " + config.bearerToken();
        } else if (config.basicAuthUser() != null) {
            String pair = config.basicAuthUser() + ":" + config.basicAuthPassword();
            authorization = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        } else {
            authorization = null;
        }
        this.redactor = Redactor.none()
                .withBearerToken(config.bearerToken())
                .withBasicAuth(config.basicAuthUser(), config.basicAuthPassword())
                .withUrl(config.baseUrl());
    }

    /**
     * Calls an API endpoint and returns the {@code data} node of a successful envelope.
     *
     * @param path   e.g. {@code /api/v1/query_range}
     * @param params parameters in order
     * @param query  the PromQL, for messages
     * @param warnings receives Prometheus' warnings, if any
     */
    JsonNode api(String path, Map<String, String> params, String query, List<String> warnings) {
        String endpoint = config.endpoint(path);
        HttpResponse<String> response = send(endpoint, params);
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body();
        JsonNode envelope = parse(body);
        if (status == 400 || status == 422) {
            throw new IllegalArgumentException(redactor.redact(rejection(query, status, envelope, body)));
        }
        if (status != 200
                || envelope == null
                || !"success".equals(envelope.path("status").asText())) {
            throw new MetricSourceException(
                    redactor.redact(failure(endpoint, status, envelope, body)), endpoint, status, null);
        }
        envelope.path("warnings").forEach(w -> warnings.add("Prometheus warning: " + excerpt(w.asText())));
        return envelope.path("data");
    }

    /** {@code GET /-/ready}: true on 200; false on any other answer or when the server cannot be reached. */
    boolean ready() {
        String endpoint = config.endpoint("/-/ready");
        try {
            HttpResponse<String> response = client.send(
                    withHeaders(HttpRequest.newBuilder(URI.create(endpoint)))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            LOG.debug("GET {} -> {}", endpoint, response.statusCode());
            return response.statusCode() == 200;
        } catch (IOException e) {
            LOG.debug("GET {} failed: {}", endpoint, redactor.describe(e));
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpResponse<String> send(String endpoint, Map<String, String> params) {
        String form = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String getUrl = endpoint + "?" + form;
        HttpRequest.Builder builder;
        if (getUrl.length() <= MAX_GET_URL_LENGTH) {
            builder = HttpRequest.newBuilder(URI.create(getUrl)).GET();
        } else {
            builder = HttpRequest.newBuilder(URI.create(endpoint))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        }
        HttpRequest request = withHeaders(builder).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            LOG.debug("{} {} -> {}", request.method(), endpoint, response.statusCode());
            return response;
        } catch (HttpConnectTimeoutException e) {
            throw new MetricSourceException(
                    "could not connect to Prometheus at " + endpoint + " within " + config.timeout(), endpoint, 0, e);
        } catch (HttpTimeoutException e) {
            throw new MetricSourceException(
                    "Prometheus at " + endpoint + " did not answer within " + config.timeout()
                            + " (raise the timeout or shorten the range)",
                    endpoint,
                    0,
                    e);
        } catch (ConnectException e) {
            throw new MetricSourceException(
                    "cannot connect to Prometheus at " + endpoint
                            + " (connection refused or unreachable; is it running?)",
                    endpoint,
                    0,
                    e);
        } catch (IOException e) {
            throw new MetricSourceException(
                    "I/O error talking to Prometheus at " + endpoint + ": " + redactor.describe(e), endpoint, 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MetricSourceException("interrupted while waiting for Prometheus at " + endpoint, endpoint, 0, e);
        }
    }

    private HttpRequest.Builder withHeaders(HttpRequest.Builder builder) {
        builder.timeout(config.timeout()).header("Accept", "application/json").header("User-Agent", "prescale");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (config.orgId() != null) {
            builder.header("X-Scope-OrgID", config.orgId());
        }
        return builder;
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private String rejection(String query, int status, JsonNode envelope, String body) {
        String error = excerpt(
                envelope != null && envelope.hasNonNull("error")
                        ? envelope.get("error").asText()
                        : body);
        String type = envelope != null && envelope.hasNonNull("errorType")
                ? envelope.get("errorType").asText()
                : "HTTP " + status;
        return "Prometheus rejected query '" + shorten(query) + "': " + error + " (" + type + ", HTTP " + status + ")";
    }

    private String failure(String endpoint, int status, JsonNode envelope, String body) {
        StringBuilder message = new StringBuilder("Prometheus at ").append(endpoint);
        if (status == 200) {
            message.append(" answered 200 but not with a successful Prometheus API response");
        } else {
            message.append(" answered HTTP ").append(status);
        }
        if (envelope != null && envelope.hasNonNull("error")) {
            message.append(": ")
                    .append(envelope.path("errorType").asText("error"))
                    .append(": ")
                    .append(excerpt(envelope.get("error").asText()));
        }
        if (status == 401 || status == 403) {
            message.append(" (check the token, basic auth or org id)");
        } else if (status == 404) {
            message.append(" (check the base URL and its path prefix)");
        }
        return message.append("; body: ").append(excerpt(body)).toString();
    }

    /**
     * Runs {@code call}, rethrowing its failures with their messages (and warnings in its result are built from
     * {@link #excerpt}) passed through the redactor: labels, sample texts and error fields all come from the
     * server.
     */
    <T> T redacting(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (MetricSourceException e) {
            String clean = redactor.redact(e.getMessage());
            if (clean.equals(e.getMessage())) {
                throw e;
            }
            throw new MetricSourceException(clean, e.endpoint(), e.status(), null);
        } catch (IllegalArgumentException e) {
            String clean = redactor.redact(e.getMessage());
            if (clean.equals(e.getMessage())) {
                throw e;
            }
            throw new IllegalArgumentException(clean);
        }
    }

    /** At most {@value #EXCERPT_LENGTH} characters of {@code text}, one line, with any credential masked. */
    String excerpt(String text) {
        return redactor.excerpt(text, EXCERPT_LENGTH);
    }

    /** The query for messages: at most 200 characters. */
    static String shorten(String query) {
        return query.length() <= 200 ? query : query.substring(0, 199) + "…";
    }

    static Map<String, String> params(String... keyValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put(keyValues[i], keyValues[i + 1]);
        }
        return params;
    }
}
