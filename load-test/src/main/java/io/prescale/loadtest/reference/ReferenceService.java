package io.prescale.loadtest.reference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference staging service: a real HTTP/1.1 server ({@code com.sun.net.httpserver}) with {@code threads}
 * workers and a bounded queue of {@code queue} requests; when both are full the request is answered 503 at once
 * (load shedding). Every other path than {@code /metrics}, {@code /health} and {@code /ping} is a unit of work:
 * draw a Zipf key, look it up in the LRU cache; a hit spends {@code hitCpuMs} on a virtual core, a miss spends
 * {@code missCpuMs} on one and then waits {@code downstreamMs} for a simulated downstream call without one, and
 * caches the key. {@code /ping} answers 200 at once (the trivial endpoint of the benchmark). Start with
 * {@link #start}, stop with {@link #close}. Thread-safe.
 */
public final class ReferenceService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceService.class);
    /** Set by the shedding executor while it answers a rejected exchange on the dispatcher thread. */
    private static final ThreadLocal<Boolean> SHED = ThreadLocal.withInitial(() -> Boolean.FALSE);
    /** When the exchange was handed to the pool, for the latency histogram. */
    private static final ThreadLocal<Long> QUEUED_AT = new ThreadLocal<>();

    static {
        // The JDK server writes headers and body in separate writes; with Nagle's algorithm on, each response
        // would wait for the client's delayed ACK (40 ms). Must be set before the server classes load.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final ReferenceConfig config;
    private final HttpServer server;
    private final ThreadPoolExecutor workers;
    private final VirtualCpus cpus;
    private final LruCache cache;
    private final ZipfKeys keys;
    private final ReferenceMetrics metrics;
    private final LongSupplier clock;
    private final AtomicLong sequence = new AtomicLong();

    private ReferenceService(ReferenceConfig config, LongSupplier clock) throws IOException {
        this.config = config;
        this.clock = clock;
        this.cpus = new VirtualCpus(config.cpus(), config.cpuMode(), clock);
        this.cache = new LruCache(config.cacheEntries());
        this.keys = new ZipfKeys(config.keys(), config.zipfExponent(), config.seed());
        BlockingQueue<Runnable> queue =
                config.queue() == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(config.queue());
        AtomicInteger threadNumber = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(config.threads(), config.threads(), 60, TimeUnit.SECONDS, queue, task -> {
            Thread thread = new Thread(task, "reference-worker-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.metrics = new ReferenceMetrics(() -> workers.getQueue().size(), cpus::available);
        this.server = HttpServer.create(new InetSocketAddress(config.bind(), config.port()), 1024);
        server.setExecutor(new SheddingExecutor());
        server.createContext("/", this::work);
        server.createContext(
                "/metrics",
                exchange -> respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.render()));
        server.createContext("/health", exchange -> respond(exchange, 200, "text/plain; charset=utf-8", "ok\n"));
        server.createContext("/ping", exchange -> respond(exchange, 200, "text/plain; charset=utf-8", "pong\n"));
    }

    /** Starts a service on the system clock; it listens when this returns. */
    public static ReferenceService start(ReferenceConfig config) throws IOException {
        ReferenceService service = new ReferenceService(Objects.requireNonNull(config, "config"), System::nanoTime);
        service.server.start();
        LOG.debug("reference service listening on {} with {}", service.url(), config);
        return service;
    }

    public ReferenceConfig config() {
        return config;
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Base URL, e.g. {@code http://127.0.0.1:8080/}. */
    public String url() {
        String host = server.getAddress().getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/";
    }

    /** Counts so far: responses by code 200 and 503, cache hits and misses. */
    public Counts counts() {
        return new Counts(metrics.requests(200), metrics.requests(503), metrics.hits(), metrics.misses());
    }

    /** Responses so far. */
    public record Counts(long ok, long shed, long cacheHits, long cacheMisses) {}

    private void work(HttpExchange exchange) throws IOException {
        if (SHED.get()) {
            metrics.observe(503, 0);
            respond(
                    exchange,
                    503,
                    "text/plain; charset=utf-8",
                    "overloaded: " + config.threads() + " workers busy and " + config.queue() + " requests queued\n");
            return;
        }
        Long queuedAt = QUEUED_AT.get();
        long started = queuedAt == null ? clock.getAsLong() : queuedAt;
        metrics.started();
        try {
            int key = keys.key(sequence.getAndIncrement());
            boolean hit = cache.get(key);
            metrics.cache(hit);
            if (hit) {
                cpus.spend(millisToNanos(config.hitCpuMs()));
            } else {
                cpus.spend(millisToNanos(config.missCpuMs()));
                cpus.idle(millisToNanos(config.downstreamMs()));
                cache.put(key);
            }
            respond(exchange, 200, "text/plain; charset=utf-8", "key=" + key + " hit=" + hit + "\n");
            metrics.observe(200, clock.getAsLong() - started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            respond(exchange, 503, "text/plain; charset=utf-8", "shutting down\n");
        } finally {
            metrics.finished();
        }
    }

    private static long millisToNanos(double millis) {
        return Math.round(millis * 1e6);
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Hands exchanges to the workers; when they and the queue are full, answers 503 on the calling thread. */
    private final class SheddingExecutor implements Executor {
        @Override
        public void execute(Runnable exchange) {
            long queued = clock.getAsLong();
            try {
                workers.execute(() -> {
                    QUEUED_AT.set(queued);
                    try {
                        exchange.run();
                    } finally {
                        QUEUED_AT.remove();
                    }
                });
            } catch (RejectedExecutionException e) {
                SHED.set(Boolean.TRUE);
                try {
                    exchange.run();
                } finally {
                    SHED.set(Boolean.FALSE);
                }
            }
        }
    }

    /** Stops listening at once and stops the workers. */
    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
