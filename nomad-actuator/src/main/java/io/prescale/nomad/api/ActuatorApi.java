package io.prescale.nomad.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.prescale.core.scale.ScalingPolicy;
import io.prescale.nomad.client.NomadApiException;
import io.prescale.nomad.loop.Actuator;
import io.prescale.nomad.loop.CycleReport;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The actuator's HTTP server: client_java's {@link HTTPServer} serves {@code /metrics}; this handler serves
 * {@code /v1/groups}, {@code /v1/policies/{name}} and {@code /health}. Errors are JSON {@code {"error": "…"}}.
 */
public final class ActuatorApi implements AutoCloseable {
    /** The largest policy accepted, in bytes. */
    public static final int MAX_POLICY_BYTES = 1 << 20;

    private static final Pattern POLICY_PATH = Pattern.compile("^/v1/policies/([A-Za-z0-9._-]{1,64})$");
    private static final ObjectMapper M = new ObjectMapper();

    private final Actuator actuator;
    private final ApiToken token;
    private final Clock clock;
    private final Duration unhealthyAfter;
    private final HTTPServer server;

    private ActuatorApi(Actuator actuator, ApiToken token, Clock clock, Duration unhealthyAfter, HTTPServer server) {
        this.actuator = actuator;
        this.token = token;
        this.clock = clock;
        this.unhealthyAfter = unhealthyAfter;
        this.server = server;
    }

    /**
     * Starts the server on {@code listen} (port 0: any free port).
     *
     * @param token null refuses every policy call (403)
     * @param unhealthyAfter {@code /health} answers 503 when no cycle ended this long ago (e.g. 3 intervals)
     */
    public static ActuatorApi start(
            InetSocketAddress listen, Actuator actuator, ApiToken token, Clock clock, Duration unhealthyAfter)
            throws IOException {
        Holder holder = new Holder();
        HTTPServer server = HTTPServer.builder()
                .inetAddress(listen.getAddress() == null ? InetAddress.getLoopbackAddress() : listen.getAddress())
                .port(listen.getPort())
                .registry(actuator.metrics().registry())
                .defaultHandler(ex -> holder.api.handle(ex))
                .buildAndStart();
        ActuatorApi api = new ActuatorApi(actuator, token, clock, unhealthyAfter, server);
        holder.api = api;
        return api;
    }

    private static final class Holder {
        volatile ActuatorApi api;
    }

    public int port() {
        return server.getPort();
    }

    void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if (path.equals("/v1/groups")) {
                if (!method.equals("GET")) {
                    send(ex, 405, error("use GET"));
                    return;
                }
                send(
                        ex,
                        200,
                        GroupsJson.of(actuator.groups(), actuator.leadership().isLeader()));
                return;
            }
            if (path.equals("/health")) {
                health(ex);
                return;
            }
            Matcher m = POLICY_PATH.matcher(path);
            if (m.matches()) {
                policy(ex, method, m.group(1));
                return;
            }
            if (path.startsWith("/v1/policies/")) {
                send(ex, 400, error("policy names must match [A-Za-z0-9._-]{1,64}"));
                return;
            }
            send(
                    ex,
                    404,
                    error("no such endpoint: " + path + " (try /v1/groups, /v1/policies/NAME, /health, /metrics)"));
        } catch (RuntimeException e) {
            send(ex, 500, error(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    private void health(HttpExchange ex) throws IOException {
        CycleReport r = actuator.lastReport();
        ObjectNode n = M.createObjectNode();
        boolean leader = actuator.leadership().isLeader();
        n.put("leader", leader);
        String problem = null;
        if (r == null) {
            problem = "no cycle has run yet";
        } else if (r.discoveryError() != null) {
            problem = "the last cycle could not list Nomad's jobs: " + r.discoveryError();
        } else if (Duration.between(r.now(), clock.instant()).compareTo(unhealthyAfter) > 0) {
            problem = "the last cycle was at " + r.now() + ", more than " + unhealthyAfter + " ago";
        }
        if (!leader && problem == null && !actuator.leadership().lastError().isEmpty()) {
            n.put("standby", actuator.leadership().lastError());
        }
        n.put("status", problem == null ? "ok" : "unhealthy");
        n.put("reason", problem == null ? "" : problem);
        n.put("lastCycle", r == null ? null : r.now().toString());
        send(ex, problem == null ? 200 : 503, n);
    }

    private void policy(HttpExchange ex, String method, String name) throws IOException {
        if (token == null) {
            send(ex, 403, error("no API token is configured (--api-token-file or " + ApiToken.ENV + ")"));
            return;
        }
        if (!token.matches(ex.getRequestHeaders().getFirst("Authorization"))) {
            ex.getResponseHeaders().add("WWW-Authenticate", "Bearer");
            send(ex, 401, error("missing or wrong bearer token"));
            return;
        }
        if (method.equals("GET")) {
            Optional<ScalingPolicy> p;
            try {
                p = actuator.policies().get(name);
            } catch (NomadApiException e) {
                send(ex, 502, error("cannot read the policy store: " + e.getMessage()));
                return;
            }
            if (p.isEmpty()) {
                send(ex, 404, error("policy " + name + " is not published"));
            } else {
                send(ex, 200, p.get().toJsonNode());
            }
            return;
        }
        if (!method.equals("PUT")) {
            send(ex, 405, error("use PUT or GET"));
            return;
        }
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        byte[] body = readAtMost(ex.getRequestBody(), MAX_POLICY_BYTES + 1);
        if (body.length > MAX_POLICY_BYTES || length != null && parseLong(length) > MAX_POLICY_BYTES) {
            drain(ex.getRequestBody(), 8 * MAX_POLICY_BYTES);
            send(ex, 413, error("policy is larger than 1 MiB" + (length == null ? "" : " (" + length + " bytes)")));
            return;
        }
        ScalingPolicy policy;
        try {
            String text = new String(body, StandardCharsets.UTF_8);
            if (!M.readTree(text).hasNonNull("digest")) {
                send(ex, 400, error("policy has no digest (expected \"digest\": \"sha256:…\" of its canonical JSON)"));
                return;
            }
            policy = ScalingPolicy.fromJson(text);
        } catch (IllegalArgumentException | IOException e) {
            send(ex, 400, error(e.getMessage()));
            return;
        }
        if (!policy.name().equals(name)) {
            send(ex, 400, error("policy name " + policy.name() + " does not match the path's " + name));
            return;
        }
        try {
            actuator.policies().put(policy);
        } catch (IllegalArgumentException e) {
            send(ex, 400, error(e.getMessage()));
            return;
        } catch (NomadApiException e) {
            send(ex, 502, error("cannot store the policy: " + e.getMessage()));
            return;
        }
        ObjectNode ok = M.createObjectNode();
        ok.put("name", policy.name());
        ok.put("digest", policy.digest());
        ok.put("publishedAt", Instant.now(clock).toString());
        send(ex, 200, ok);
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while (out.size() < max && (n = in.read(buf, 0, Math.min(buf.length, max - out.size()))) > 0) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** Reads and drops up to {@code max} more bytes, so the client sees the 413 rather than a reset. */
    private static void drain(InputStream in, int max) throws IOException {
        byte[] buf = new byte[8192];
        int total = 0;
        int n;
        while (total < max && (n = in.read(buf)) > 0) {
            total += n;
        }
    }

    private static ObjectNode error(String message) {
        ObjectNode n = M.createObjectNode();
        n.put("error", message);
        return n;
    }

    private static void send(HttpExchange ex, int status, ObjectNode body) throws IOException {
        byte[] bytes = M.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
