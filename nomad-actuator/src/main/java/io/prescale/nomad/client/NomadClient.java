package io.prescale.nomad.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The Nomad HTTP API calls Prescale needs, on OkHttp + Jackson. Thread-safe; one instance per Nomad.
 *
 * <p>Every call sends {@code X-Nomad-Token} when a token is configured, and {@code ?region=} /
 * {@code ?namespace=} (the call's namespace, else the configured one). Failures are {@link NomadApiException}s:
 * Nomad's plain-text error body becomes the excerpt. 5xx answers (except check-and-set conflicts and Nomad's
 * deterministic validation 500s), timeouts and connection failures are retried with {@link RetryPolicy}; 4xx
 * never. Lock renew and release are not retried: a leader steps down on any renew failure instead.
 *
 * <p>Writes use {@code POST}; Nomad accepts PUT and POST alike.
 */
public final class NomadClient implements AutoCloseable {
    private static final MediaType JSON = MediaType.get("application/json");

    private final NomadConfig config;
    private final OkHttpClient http;
    private final HttpUrl base;
    private final Sleeper sleeper;
    private final SplittableRandom jitter;

    private NomadClient(NomadConfig config, Sleeper sleeper) {
        this.config = Objects.requireNonNull(config, "config");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.jitter = new SplittableRandom(config.retry().seed());
        HttpUrl url = HttpUrl.get(config.address().toString());
        this.base = url;
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .writeTimeout(config.readTimeout())
                .retryOnConnectionFailure(false)
                .socketFactory(new NoDelaySockets());
        TlsSetup.apply(builder, config.caFile(), config.clientCert(), config.clientKey());
        this.http = builder.build();
    }

    /** A client for {@code config}, sleeping for real between retries. */
    public static NomadClient create(NomadConfig config) {
        return new NomadClient(config, Sleeper.REAL);
    }

    /** A client whose retry waits go through {@code sleeper} (tests record them instead of sleeping). */
    public static NomadClient create(NomadConfig config, Sleeper sleeper) {
        return new NomadClient(config, sleeper);
    }

    public NomadConfig config() {
        return config;
    }

    // ---- jobs ----------------------------------------------------------------------------------------------

    /** One page of {@code GET /v1/jobs}; with {@link JobsQuery#blocking} it waits for a change first. */
    public QueryResult<List<JobListStub>> listJobs(JobsQuery query) {
        Objects.requireNonNull(query, "query");
        Duration wait = query.index() > 0 && query.maxWait() != null ? query.maxWait() : null;
        return call(
                "GET",
                "/v1/jobs",
                url -> {
                    ns(url, query.namespace());
                    param(url, "prefix", query.prefix());
                    if (query.perPage() > 0) {
                        url.addQueryParameter("per_page", Integer.toString(query.perPage()));
                    }
                    param(url, "next_token", query.nextToken());
                    if (query.index() > 0) {
                        url.addQueryParameter("index", Long.toString(query.index()));
                        if (wait != null) {
                            url.addQueryParameter("wait", GoDuration.format(wait));
                        }
                    }
                    if (query.withMeta()) {
                        url.addQueryParameter("meta", "true");
                    }
                },
                null,
                wait,
                true,
                body -> {
                    if (!body.isArray()) {
                        throw new IllegalArgumentException("expected a JSON array of jobs");
                    }
                    List<JobListStub> jobs = new ArrayList<>();
                    body.forEach(n -> jobs.add(JobListStub.from(n)));
                    return List.copyOf(jobs);
                });
    }

    /**
     * Every page of {@code GET /v1/jobs} for {@code query} (following {@code X-Nomad-NextToken}); the meta is the
     * first page's, whose index is the one to block on next.
     */
    public QueryResult<List<JobListStub>> listAllJobs(JobsQuery query) {
        QueryResult<List<JobListStub>> first = listJobs(query);
        List<JobListStub> all = new ArrayList<>(first.value());
        String next = first.meta().nextToken();
        while (next != null && !next.isEmpty()) {
            QueryResult<List<JobListStub>> page =
                    listJobs(query.blocking(0, null).withNextToken(next));
            all.addAll(page.value());
            next = page.meta().nextToken();
        }
        return new QueryResult<>(List.copyOf(all), first.meta());
    }

    /** {@code GET /v1/job/:id}; 404 is {@link Optional#empty()}. */
    public Optional<QueryResult<Job>> readJob(String namespace, String jobId) {
        requireText(jobId, "jobId");
        try {
            return Optional.of(call(
                    "GET",
                    "/v1/job/" + jobId,
                    url -> ns(url, namespace),
                    null,
                    null,
                    true,
                    Job::fromJson,
                    "v1",
                    "job",
                    jobId));
        } catch (NomadApiException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * {@code POST /v1/job/:id/scale}. A running deployment is a 400 ({@link NomadApiException#isDeploymentActive()});
     * a changed spec under {@code jobModifyIndex} is a 500 conflict ({@link NomadApiException#isConflict()}); a
     * count outside the group's scaling bounds is a 400.
     */
    public WriteResponse scale(String namespace, String jobId, ScaleRequest request) {
        requireText(jobId, "jobId");
        Objects.requireNonNull(request, "request");
        String effective = namespace != null ? namespace : config.namespace();
        return call(
                        "POST",
                        "/v1/job/" + jobId + "/scale",
                        url -> ns(url, namespace),
                        request.toJson(jobId, effective),
                        null,
                        true,
                        WriteResponse::from,
                        "v1",
                        "job",
                        jobId,
                        "scale")
                .value();
    }

    /** {@code GET /v1/job/:id/scale}; 404 is {@link Optional#empty()}. */
    public Optional<JobScaleStatus> scaleStatus(String namespace, String jobId) {
        requireText(jobId, "jobId");
        try {
            return Optional.of(call(
                            "GET",
                            "/v1/job/" + jobId + "/scale",
                            url -> ns(url, namespace),
                            null,
                            null,
                            true,
                            JobScaleStatus::from,
                            "v1",
                            "job",
                            jobId,
                            "scale")
                    .value());
        } catch (NomadApiException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * {@code POST /v1/job/:id} with {@code EnforceIndex}/{@code JobModifyIndex}/{@code PreserveCounts}. A stale
     * index is a 500 conflict ({@link NomadApiException#isConflict()}) and is not retried.
     */
    public WriteResponse register(String namespace, RegisterRequest request) {
        Objects.requireNonNull(request, "request");
        String jobId = request.jobId();
        return call(
                        "POST",
                        "/v1/job/" + jobId,
                        url -> ns(url, namespace),
                        request.toJson(),
                        null,
                        true,
                        WriteResponse::from,
                        "v1",
                        "job",
                        jobId)
                .value();
    }

    /** {@code POST /v1/job/:id/dispatch} of a parameterized job. */
    public DispatchResponse dispatch(String namespace, String jobId, DispatchRequest request) {
        requireText(jobId, "jobId");
        Objects.requireNonNull(request, "request");
        return call(
                        "POST",
                        "/v1/job/" + jobId + "/dispatch",
                        url -> {
                            ns(url, namespace);
                            param(url, "idempotency_token", request.idempotencyToken());
                        },
                        request.toJson(),
                        null,
                        request.idempotencyToken() != null,
                        DispatchResponse::from,
                        "v1",
                        "job",
                        jobId,
                        "dispatch")
                .value();
    }

    // ---- variables -----------------------------------------------------------------------------------------

    /** {@code GET /v1/var/:path}; 404 is {@link Optional#empty()}. */
    public Optional<Variable> readVariable(String namespace, String path) {
        requireText(path, "path");
        try {
            return Optional.of(varCall("GET", path, namespace, null, null, true).value());
        } catch (NomadApiException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * {@code PUT /v1/var/:path[?cas=N]}. {@code cas} null writes unconditionally; 0 creates only if absent; N
     * writes only if the variable's ModifyIndex is N. A conflict (also a write to a variable locked by someone
     * else) is a 409 {@link NomadApiException} ({@link NomadApiException#isConflict()}), not retried.
     *
     * @param lockId the lock held on the variable, or null; never echo a stale one (Nomad would lock the variable
     *               for good)
     */
    public Variable writeVariable(String namespace, String path, Map<String, String> items, Long cas, String lockId) {
        requireText(path, "path");
        if (items == null || items.isEmpty()) {
            throw new IllegalArgumentException("a variable needs at least one item (Nomad refuses empty Items)");
        }
        ObjectNode body = varBody(namespace, path);
        ObjectNode it = body.putObject("Items");
        items.forEach(it::put);
        if (lockId != null) {
            body.putObject("Lock").put("ID", lockId);
        }
        return varCall("PUT", path, namespace, cas == null ? null : Map.of("cas", Long.toString(cas)), body, true)
                .value();
    }

    /**
     * {@code PUT /v1/var/:path?lock-acquire}. Another holder's lock (or its lock delay after expiry) is a 409
     * ({@link NomadApiException#isConflict()}). Acquire overwrites the variable's items, so keep state elsewhere.
     *
     * @return the variable with its lock (ID generated by Nomad)
     */
    public Variable acquireLock(
            String namespace, String path, Duration ttl, Duration lockDelay, Map<String, String> items) {
        requireText(path, "path");
        ObjectNode body = varBody(namespace, path);
        if (items != null && !items.isEmpty()) {
            ObjectNode it = body.putObject("Items");
            items.forEach(it::put);
        }
        ObjectNode lock = body.putObject("Lock");
        lock.put("TTL", GoDuration.format(ttl));
        lock.put("LockDelay", GoDuration.format(lockDelay));
        Variable v = varCall("PUT", path, namespace, Map.of("lock-acquire", ""), body, false)
                .value();
        if (v.lock() == null || v.lock().id() == null) {
            throw new NomadApiException(
                    NomadApiException.Kind.MALFORMED,
                    200,
                    "PUT",
                    "/v1/var/" + path,
                    "lock-acquire answered without a Lock",
                    null);
        }
        return v;
    }

    /**
     * {@code PUT /v1/var/:path?lock-renew}; not retried. Any failure (409 {@code attempting to modify locked
     * variable} or {@code variable doesn't hold a lock}, 404, 5xx, timeout) means leadership is lost.
     */
    public Variable renewLock(String namespace, String path, String lockId) {
        requireText(lockId, "lockId");
        ObjectNode body = varBody(namespace, path);
        body.putObject("Lock").put("ID", lockId);
        return varCall("PUT", path, namespace, Map.of("lock-renew", ""), body, false)
                .value();
    }

    /** {@code PUT /v1/var/:path?lock-release} (no Items, as Nomad requires); not retried. */
    public Variable releaseLock(String namespace, String path, String lockId) {
        requireText(lockId, "lockId");
        ObjectNode body = varBody(namespace, path);
        body.putObject("Lock").put("ID", lockId);
        body.putNull("Items");
        return varCall("PUT", path, namespace, Map.of("lock-release", ""), body, false)
                .value();
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    // ---- plumbing ------------------------------------------------------------------------------------------

    private ObjectNode varBody(String namespace, String path) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        // the body namespace wins over ?namespace= on variable writes: send both, equal
        String ns = namespace != null ? namespace : config.namespace();
        body.put("Namespace", ns == null ? "default" : ns);
        body.put("Path", path);
        return body;
    }

    private QueryResult<Variable> varCall(
            String method, String path, String namespace, Map<String, String> params, JsonNode body, boolean retry) {
        List<String> segments = new ArrayList<>(List.of("v1", "var"));
        segments.addAll(List.of(path.split("/")));
        return call(
                method,
                "/v1/var/" + path,
                url -> {
                    ns(url, namespace);
                    if (params != null) {
                        params.forEach((k, v) -> url.addQueryParameter(k, v.isEmpty() ? null : v));
                    }
                },
                body,
                null,
                retry,
                Variable::from,
                segments.toArray(new String[0]));
    }

    private <T> QueryResult<T> call(
            String method,
            String endpoint,
            Consumer<HttpUrl.Builder> query,
            JsonNode body,
            Duration blockingWait,
            boolean retry,
            Function<JsonNode, T> decode) {
        List<String> segments = new ArrayList<>(List.of(endpoint.substring(1).split("/")));
        return call(method, endpoint, query, body, blockingWait, retry, decode, segments.toArray(new String[0]));
    }

    private <T> QueryResult<T> call(
            String method,
            String endpoint,
            Consumer<HttpUrl.Builder> query,
            JsonNode body,
            Duration blockingWait,
            boolean retry,
            Function<JsonNode, T> decode,
            String... segments) {
        HttpUrl.Builder url = base.newBuilder();
        for (String segment : segments) {
            url.addPathSegment(segment);
        }
        query.accept(url);
        if (config.region() != null) {
            url.addQueryParameter("region", config.region());
        }
        Request.Builder request = new Request.Builder().url(url.build());
        if (config.token() != null) {
            request.header("X-Nomad-Token", config.token().secret());
        }
        if (body != null) {
            try {
                request.method(method, RequestBody.create(Json.MAPPER.writeValueAsBytes(body), JSON));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            request.method(method, null);
        }
        OkHttpClient client = blockingWait == null
                ? http
                : http.newBuilder()
                        .readTimeout(config.readTimeout().plus(blockingWait).plus(blockingWait.dividedBy(16)))
                        .build();
        int attempts = retry ? config.retry().maxAttempts() : 1;
        for (int attempt = 1; ; attempt++) {
            try {
                return once(client, request.build(), method, endpoint, decode);
            } catch (NomadApiException e) {
                if (!e.retryable() || attempt >= attempts) {
                    throw e;
                }
                backoff(attempt);
            }
        }
    }

    private <T> QueryResult<T> once(
            OkHttpClient client, Request request, String method, String endpoint, Function<JsonNode, T> decode) {
        String secret = config.token() == null ? null : config.token().secret();
        try (Response response = client.newCall(request).execute()) {
            ResponseBody rb = response.body();
            String text = rb == null ? "" : rb.string();
            int status = response.code();
            if (status < 200 || status > 299) {
                NomadApiException.Kind kind =
                        status >= 500 ? NomadApiException.Kind.SERVER_ERROR : NomadApiException.Kind.CLIENT_ERROR;
                throw new NomadApiException(
                        kind, status, method, endpoint, NomadApiException.excerpt(text, secret), null);
            }
            QueryMeta meta = new QueryMeta(
                    header(response, "X-Nomad-Index"),
                    header(response, "X-Nomad-LastContact"),
                    "true".equalsIgnoreCase(response.header("X-Nomad-KnownLeader")),
                    response.header("X-Nomad-NextToken"));
            try {
                JsonNode node = text.isEmpty() ? JsonNodeFactory.instance.nullNode() : Json.MAPPER.readTree(text);
                return new QueryResult<>(decode.apply(node), meta);
            } catch (IOException | RuntimeException e) {
                throw new NomadApiException(
                        NomadApiException.Kind.MALFORMED,
                        status,
                        method,
                        endpoint,
                        NomadApiException.excerpt(e.getMessage() + "; body: " + text, secret),
                        e);
            }
        } catch (InterruptedIOException e) {
            throw new NomadApiException(
                    NomadApiException.Kind.TIMEOUT,
                    0,
                    method,
                    endpoint,
                    NomadApiException.excerpt(String.valueOf(e.getMessage()), secret),
                    e);
        } catch (IOException e) {
            throw new NomadApiException(
                    NomadApiException.Kind.UNREACHABLE,
                    0,
                    method,
                    endpoint,
                    NomadApiException.excerpt(
                            e.getClass().getSimpleName() + ": " + e.getMessage() + " (" + base + ")", secret),
                    e);
        }
    }

    /** OkHttp matches header names case-insensitively, as Go's canonical {@code X-Nomad-Knownleader} needs. */
    private static long header(Response response, String name) {
        String value = response.header(name);
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void backoff(int attempt) {
        long ceiling = config.retry().ceiling(attempt).toMillis();
        long wait;
        synchronized (jitter) {
            wait = ceiling <= 0 ? 0 : jitter.nextLong(ceiling + 1);
        }
        try {
            sleeper.sleep(Duration.ofMillis(wait));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NomadApiException(
                    NomadApiException.Kind.TIMEOUT, 0, "-", "-", "interrupted while backing off", e);
        }
    }

    private void ns(HttpUrl.Builder url, String namespace) {
        String ns = namespace != null ? namespace : config.namespace();
        if (ns != null) {
            url.addQueryParameter("namespace", ns);
        }
    }

    private static void param(HttpUrl.Builder url, String name, String value) {
        if (value != null && !value.isEmpty()) {
            url.addQueryParameter(name, value);
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
