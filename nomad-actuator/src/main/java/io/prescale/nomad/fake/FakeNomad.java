package io.prescale.nomad.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.nomad.client.GoDuration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;

/**
 * A fake Nomad agent on 127.0.0.1 (MockWebServer): jobs, scaling, register, dispatch, Variables and locks, blocking
 * queries on {@code /v1/jobs}, ACL token check, and injected faults. Every request is recorded
 * ({@link #requests()}) with method, path, headers and body. Thread-safe; {@link #close()} stops it.
 *
 * <pre>{@code
 * try (FakeNomad nomad = FakeNomad.start(clock)) {
 *     nomad.putJob(jobJson);                     // as `nomad job run -output` prints it, or the Job object
 *     NomadClient client = NomadClient.create(NomadConfig.builder(nomad.address()).build());
 * }
 * }</pre>
 */
public final class FakeNomad implements AutoCloseable {
    /** The longest a blocking query waits, as Nomad caps it. */
    static final Duration MAX_WAIT = Duration.ofMinutes(5);

    private final MockWebServer server = new MockWebServer();
    private final Clock clock;
    private final Object lock = new Object();
    private final FakeJobs jobs;
    private final FakeVariables variables;
    private final List<Fault> faults = new ArrayList<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicLong uuids = new AtomicLong();
    private volatile boolean recording = true;
    private long index = 1;
    private long jobsIndex = 1;
    private String token;
    private boolean leader = true;
    private Duration maxWait = MAX_WAIT;

    private FakeNomad(Clock clock) {
        this.clock = clock;
        this.jobs = new FakeJobs(this, clock);
        this.variables = new FakeVariables(clock);
    }

    /** Starts a fake on a free port of 127.0.0.1. */
    public static FakeNomad start(Clock clock) {
        return start(clock, 0);
    }

    /** Starts a fake on {@code port} of 127.0.0.1 (0: a free one). */
    public static FakeNomad start(Clock clock, int port) {
        FakeNomad nomad = new FakeNomad(clock);
        nomad.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (nomad.recording) {
                    nomad.requests.add(request);
                }
                return nomad.handle(request);
            }
        });
        nomad.server.setServerSocketFactory(new NoDelayServerSockets());
        try {
            nomad.server.start(InetAddress.getByName("127.0.0.1"), port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return nomad;
    }

    /** The agent's address, e.g. {@code http://127.0.0.1:41234}. */
    public URI address() {
        return URI.create("http://127.0.0.1:" + server.getPort());
    }

    /** Requires {@code X-Nomad-Token} (or {@code Authorization: Bearer}) to equal {@code secret}; null turns ACLs off. */
    public void requireToken(String secret) {
        synchronized (lock) {
            this.token = secret;
        }
    }

    /** Every request so far, oldest first. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** Stops or resumes recording requests (the benchmark turns it off to keep memory flat). */
    public void record(boolean on) {
        this.recording = on;
        if (!on) {
            requests.clear();
        }
    }

    public void clearRequests() {
        requests.clear();
    }

    /** Caps blocking-query waits below Nomad's 5 minutes (tests). */
    public void maxBlockingWait(Duration wait) {
        synchronized (lock) {
            this.maxWait = wait;
        }
    }

    /**
     * Registers a job (the Job object, or {@code {"Job": …}} as {@code nomad job run -output} prints it), filling
     * defaults and indexes as Nomad does.
     */
    public void putJob(JsonNode job) {
        JsonNode j = job.has("Job") && !job.has("ID") ? job.get("Job") : job;
        synchronized (lock) {
            jobs.put(((ObjectNode) j).deepCopy(), nextIndex());
            jobsChanged();
        }
    }

    /** A copy of the stored job, if any. */
    public Optional<ObjectNode> job(String namespace, String id) {
        synchronized (lock) {
            ObjectNode j = jobs.get(namespace, id);
            return Optional.ofNullable(j == null ? null : j.deepCopy());
        }
    }

    /** The group's count, or -1 when the job or group is missing. */
    public int count(String namespace, String id, String group) {
        synchronized (lock) {
            ObjectNode j = jobs.get(namespace, id);
            ObjectNode g = j == null ? null : jobs.findGroup(j, group);
            return g == null ? -1 : g.path("Count").asInt();
        }
    }

    /** An operator's manual change: sets the count and bumps the job's spec index, as {@code nomad job scale} does. */
    public void operatorScale(String namespace, String id, String group, int count) {
        synchronized (lock) {
            ObjectNode j = jobs.get(namespace, id);
            ObjectNode g = jobs.findGroup(j, group);
            g.put("Count", count);
            long i = nextIndex();
            j.put("ModifyIndex", i);
            j.put("JobModifyIndex", i);
            jobsChanged();
        }
    }

    /** Starts or ends a deployment of the job: while active, scaling with a count answers 400. */
    public void deployment(String namespace, String id, boolean active) {
        synchronized (lock) {
            jobs.setDeployment(namespace, id, active);
        }
    }

    /** Queues a fault for the next matching requests. */
    public void inject(Fault fault) {
        synchronized (lock) {
            faults.add(fault);
        }
    }

    /** Leader loss: every request answers 500 {@code No cluster leader} until {@link #electLeader()}. */
    public void loseLeader() {
        synchronized (lock) {
            leader = false;
        }
    }

    /** A new leader: lock timers restart with a full 2 × TTL, as {@code restoreLockTTLTimers} does. */
    public void electLeader() {
        synchronized (lock) {
            leader = true;
            variables.restartTimers();
        }
    }

    /** The items of a variable, if it exists. */
    public Optional<Map<String, String>> variable(String namespace, String path) {
        synchronized (lock) {
            FakeVariables.Var v = variables.all().get(FakeJobs.key(namespace, path));
            return Optional.ofNullable(v == null ? null : Map.copyOf(v.items));
        }
    }

    /** The lock ID a variable holds now (after expiring lapsed locks), if any. */
    public Optional<String> lockHolder(String namespace, String path) {
        synchronized (lock) {
            variables.tick(this);
            FakeVariables.Var v = variables.all().get(FakeJobs.key(namespace, path));
            return Optional.ofNullable(v == null ? null : v.lockId);
        }
    }

    /** The scale calls Nomad accepted with a count, as {@code namespace/job/group=count}, oldest first. */
    public List<String> acceptedScales() {
        synchronized (lock) {
            return List.copyOf(accepted);
        }
    }

    private final List<String> accepted = new ArrayList<>();
    private int deploymentRefusals;
    private int noOpScales;
    private int faultsServed;

    /** Scale calls refused because a deployment was running. */
    public int deploymentRefusals() {
        synchronized (lock) {
            return deploymentRefusals;
        }
    }

    /** Accepted scale calls that set the count the group already had (a repeated action). */
    public int noOpScales() {
        synchronized (lock) {
            return noOpScales;
        }
    }

    /** Injected faults answered so far. */
    public int faultsServed() {
        synchronized (lock) {
            return faultsServed;
        }
    }

    /** Drops every queued fault not yet served. */
    public void clearFaults() {
        synchronized (lock) {
            faults.clear();
        }
    }

    long nextIndex() {
        return ++index;
    }

    String uuid() {
        long n = uuids.incrementAndGet();
        return String.format("%08x-%04x-4%03x-8%03x-%012x", n, n & 0xffff, n & 0xfff, n & 0xfff, n);
    }

    private void jobsChanged() {
        jobsIndex = index;
        lock.notifyAll();
    }

    private MockResponse handle(RecordedRequest request) throws InterruptedException {
        HttpUrl url = request.getUrl();
        String method = request.getMethod();
        String path = "/" + String.join("/", url.pathSegments());
        synchronized (lock) {
            Fault fault = takeFault(method, path);
            if (fault != null) {
                return faultResponse(fault);
            }
            if (!leader) {
                return Reply.error(500, "No cluster leader");
            }
            if (token != null) {
                String sent = request.getHeaders().get("X-Nomad-Token");
                if (sent == null) {
                    String auth = request.getHeaders().get("Authorization");
                    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                        sent = auth.substring(7).strip().split(" ")[0];
                    }
                }
                if (sent == null || sent.isBlank()) {
                    return Reply.error(403, "Permission denied");
                }
                if (!token.equals(sent.strip())) {
                    return Reply.error(403, "ACL token not found");
                }
            }
            variables.tick(this);
        }
        String ns = Optional.ofNullable(url.queryParameter("namespace"))
                .filter(s -> !s.isEmpty())
                .orElse("default");
        JsonNode body = null;
        boolean write = method.equals("PUT") || method.equals("POST");
        if (write) {
            String text = request.getBody() == null ? "" : request.getBody().utf8();
            if (text.isBlank()) {
                return Reply.error(400, "Request body is empty");
            }
            try {
                body = Reply.MAPPER.readTree(text);
            } catch (IOException e) {
                return Reply.error(400, "invalid character '" + text.charAt(0) + "' looking for beginning of value");
            }
        }
        if (path.equals("/v1/jobs")) {
            if (method.equals("GET")) {
                return listJobs(url, ns);
            }
            if (write) {
                synchronized (lock) {
                    return registered(jobs.register(url.queryParameter("namespace"), null, body, index + 1));
                }
            }
            return Reply.error(405, "Invalid method");
        }
        if (path.startsWith("/v1/job/")) {
            return job(method, path.substring("/v1/job/".length()), url, ns, body, write);
        }
        if (path.equals("/v1/vars")) {
            if (!method.equals("GET")) {
                return Reply.error(405, "Invalid method");
            }
            synchronized (lock) {
                return variables.list(
                        url.queryParameter("namespace") == null ? "default" : ns,
                        url.queryParameter("prefix"),
                        true,
                        true);
            }
        }
        if (path.startsWith("/v1/var/") || path.equals("/v1/var")) {
            return variable(method, path.length() > 8 ? path.substring(8) : "", url, ns, body);
        }
        return Reply.error(404, "Invalid URL");
    }

    private MockResponse registered(MockResponse response) {
        if (response.getCode() == 200) {
            index++;
            jobsChanged();
        }
        return response;
    }

    private MockResponse listJobs(HttpUrl url, String ns) throws InterruptedException {
        long after;
        Duration wait = MAX_WAIT;
        String waitText = url.queryParameter("wait");
        if (waitText != null) {
            try {
                wait = GoDuration.parse(waitText);
            } catch (IllegalArgumentException e) {
                return Reply.error(400, "Invalid wait time");
            }
            if (wait.isZero() || wait.isNegative() || wait.compareTo(MAX_WAIT) > 0) {
                wait = wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : MAX_WAIT;
            }
        }
        try {
            after = url.queryParameter("index") == null ? 0 : Long.parseUnsignedLong(url.queryParameter("index"));
        } catch (NumberFormatException e) {
            return Reply.error(400, "Invalid index");
        }
        int perPage;
        try {
            perPage = url.queryParameter("per_page") == null ? 0 : Integer.parseInt(url.queryParameter("per_page"));
        } catch (NumberFormatException e) {
            return Reply.error(
                    400, "strconv.ParseInt: parsing \"" + url.queryParameter("per_page") + "\": invalid syntax");
        }
        synchronized (lock) {
            if (after > 0) {
                long deadline = System.nanoTime() + Math.min(wait.toNanos(), maxWait.toNanos());
                while (jobsIndex <= after && leader) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    lock.wait(Math.max(1, left / 1_000_000));
                }
            }
            return jobs.list(
                    ns,
                    url.queryParameter("prefix"),
                    perPage,
                    url.queryParameter("next_token"),
                    "true".equals(url.queryParameter("meta")),
                    jobsIndex,
                    leader);
        }
    }

    private MockResponse job(String method, String rest, HttpUrl url, String ns, JsonNode body, boolean write) {
        synchronized (lock) {
            if (rest.endsWith("/scale")) {
                String id = rest.substring(0, rest.length() - "/scale".length());
                if (method.equals("GET")) {
                    return jobs.scaleStatus(ns, id, jobsIndex, leader);
                }
                if (!write) {
                    return Reply.error(405, "Invalid method");
                }
                int before = count(ns, id, body.path("Target").path("Group").asText());
                MockResponse r = jobs.scale(ns, id, body, index + 1);
                if (r.getCode() == 400 && jobs.deploymentActive(ns, id)) {
                    deploymentRefusals++;
                }
                if (r.getCode() == 200
                        && FakeJobs.ci(body, "Count") != null
                        && FakeJobs.ci(body, "Count").asInt() == before) {
                    noOpScales++;
                }
                if (r.getCode() == 200) {
                    index++;
                    if (FakeJobs.ci(body, "Count") != null
                            && !FakeJobs.ci(body, "Count").isNull()) {
                        accepted.add(ns + "/" + id + "/"
                                + body.path("Target").path("Group").asText() + "="
                                + FakeJobs.ci(body, "Count").asLong());
                        jobsChanged();
                    }
                }
                return r;
            }
            if (rest.endsWith("/dispatch")) {
                if (!write) {
                    return Reply.error(405, "Invalid method");
                }
                String id = rest.substring(0, rest.length() - "/dispatch".length());
                return registered(jobs.dispatch(ns, id, body, url.queryParameter("idempotency_token"), index + 1));
            }
            if (method.equals("GET")) {
                ObjectNode j = jobs.get(ns, rest);
                return j == null
                        ? Reply.error(404, "job not found")
                        : Reply.query(j, j.path("ModifyIndex").asLong(), leader, null);
            }
            if (write) {
                return registered(jobs.register(url.queryParameter("namespace"), rest, body, index + 1));
            }
            return Reply.error(405, "Invalid method");
        }
    }

    private MockResponse variable(String method, String path, HttpUrl url, String ns, JsonNode body) {
        synchronized (lock) {
            if (path.isEmpty()) {
                return Reply.error(400, "missing variable path");
            }
            if (method.equals("GET")) {
                return variables.read(ns, path, true, leader);
            }
            if (method.equals("DELETE")) {
                return variables.delete(ns, path, url.queryParameter("cas"), this);
            }
            if (!method.equals("PUT") && !method.equals("POST")) {
                return Reply.error(400, "Invalid method");
            }
            List<String> ops = new ArrayList<>();
            for (String op : List.of("lock-acquire", "lock-renew", "lock-release")) {
                if (url.queryParameterNames().contains(op)) {
                    ops.add(op);
                }
            }
            if (ops.size() > 1) {
                return Reply.error(400, "multiple lock operations");
            }
            if (!ops.isEmpty() && url.queryParameter("cas") != null) {
                return Reply.error(400, "CAS can't be used with lock operations");
            }
            if (ops.isEmpty()) {
                return variables.upsert(ns, path, body, url.queryParameter("cas"), this);
            }
            return switch (ops.get(0)) {
                case "lock-acquire" -> variables.acquire(ns, path, body, this);
                case "lock-renew" -> variables.renew(ns, path, body);
                default -> variables.release(ns, path, body, this);
            };
        }
    }

    private Fault takeFault(String method, String path) {
        for (int i = 0; i < faults.size(); i++) {
            Fault f = faults.get(i);
            if (f.matches(method, path)) {
                faultsServed++;
                if (f.times() > 1) {
                    faults.set(i, f.used());
                } else {
                    faults.remove(i);
                }
                return f;
            }
        }
        return null;
    }

    private static MockResponse faultResponse(Fault fault) {
        return switch (fault.kind()) {
            case STATUS -> Reply.error(fault.status(), fault.body() == null ? "injected" : fault.body());
            case TIMEOUT ->
                new MockResponse.Builder()
                        .onResponseStart(SocketEffect.Stall.INSTANCE)
                        .build();
            case CLOSE ->
                new MockResponse.Builder()
                        .onResponseStart(new SocketEffect.CloseSocket(true, true, true))
                        .build();
            case MALFORMED ->
                new MockResponse.Builder()
                        .code(200)
                        .setHeader("Content-Type", "application/json")
                        .addHeader("X-Nomad-Index", "1")
                        .body("{\"ID\":\"trunc")
                        .build();
        };
    }

    /** How many jobs the fake holds. */
    public int jobCount() {
        synchronized (lock) {
            return jobs.size();
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            leader = false;
            lock.notifyAll();
        }
        server.close();
    }
}
