package io.prescale.collect;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prescale.core.store.AppendableStore;
import io.prescale.core.store.MaintenanceResult;
import io.prescale.core.store.prometheus.PrometheusSource;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collection service: an HTTP server ({@code POST /api/v1/write}, {@code GET /metrics} in the Prometheus
 * text format via client_java, {@code GET /health}), one {@link PullLoop} per pull rule, and a rollup and
 * retention round over every configured series each {@code maintenanceEvery}. Start with {@link #start}, stop
 * with {@link #close}; the store stays open (the caller owns it). A store failure is answered 500 to the sender
 * and counted; the service stays up. Thread-safe.
 */
public final class Collector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Collector.class);

    private final CollectConfig config;
    private final AppendableStore store;
    private final Clock clock;
    private final Instant started;
    private final CollectMetrics metrics = new CollectMetrics();
    private final PushReceiver receiver;
    private final List<PullLoop> pulls = new ArrayList<>();
    private final ScheduledExecutorService scheduler;
    private final ExecutorService httpWorkers;
    private final HttpServer server;
    private final AtomicLong rolledUp = new AtomicLong();
    private final AtomicLong rawRemoved = new AtomicLong();
    private final AtomicLong rollupsRemoved = new AtomicLong();
    private final Map<String, String> maintenanceErrors = new java.util.concurrent.ConcurrentHashMap<>();

    private Collector(CollectConfig config, AppendableStore store, PrometheusSource source, Clock clock)
            throws IOException {
        this.config = config;
        this.store = store;
        this.clock = clock;
        this.started = clock.instant();
        config.push().forEach(r -> metrics.declare(r.name()));
        config.pull().forEach(r -> metrics.declare(r.name()));
        this.receiver = new PushReceiver(config, store, metrics);
        java.util.concurrent.ScheduledThreadPoolExecutor executor =
                new java.util.concurrent.ScheduledThreadPoolExecutor(1, daemon("prescale-collect"));
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.scheduler = executor;
        if (config.listen() != null) {
            httpWorkers = Executors.newFixedThreadPool(2, daemon("prescale-collect-http"));
            server = HttpServer.create(config.listen(), 64);
            server.setExecutor(httpWorkers);
            if (!config.push().isEmpty()) {
                server.createContext(PushReceiver.PATH, receiver);
            }
            server.createContext("/metrics", new MetricsHandler(metrics.registry));
            server.createContext("/health", Collector::health);
        } else {
            httpWorkers = null;
            server = null;
        }
        for (PullRule rule : config.pull()) {
            pulls.add(new PullLoop(
                    rule, config, store, Objects.requireNonNull(source, "source"), metrics, clock, scheduler));
        }
    }

    /**
     * Starts listening, pulling and maintaining.
     *
     * @param source the Prometheus to pull from; may be null when there are no pull rules
     * @throws IllegalArgumentException when the configuration has problems (all named) or the address is taken
     */
    public static Collector start(CollectConfig config, AppendableStore store, PrometheusSource source, Clock clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(clock, "clock");
        List<String> problems = config.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        Collector collector;
        try {
            collector = new Collector(config, store, source, clock);
        } catch (java.net.BindException e) {
            throw new IllegalArgumentException("cannot listen on " + config.listen() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (collector.server != null) {
            collector.server.start();
            LOG.info("collect listening on {}", collector.address());
        }
        collector.pulls.forEach(collector.scheduler::execute);
        collector.scheduler.scheduleWithFixedDelay(
                collector::maintain,
                config.maintenanceEvery().toMillis(),
                config.maintenanceEvery().toMillis(),
                TimeUnit.MILLISECONDS);
        return collector;
    }

    /**
     * Checks each pull query with one instant query: Prometheus' {@code bad_data} or {@code execution} answers
     * (and queries giving several series) are problems; an unreachable Prometheus is not (pulls retry).
     *
     * @return one line per rejected query, naming it
     */
    public static List<String> checkQueries(PrometheusSource source, List<PullRule> rules, Instant now) {
        List<String> problems = new ArrayList<>();
        for (PullRule rule : rules) {
            try {
                source.instant(rule.query(), now);
            } catch (IllegalArgumentException e) {
                problems.add("query " + rule.name() + "='" + rule.query() + "': " + e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("cannot check query {} now ({}); the pull will retry", rule.name(), e.getMessage());
            }
        }
        return problems;
    }

    /** Where the HTTP server listens (the real port when 0 was asked), or null without a server. */
    public InetSocketAddress address() {
        return server == null ? null : server.getAddress();
    }

    /** One rollup and retention round over every configured series that holds samples. */
    void maintain() {
        List<String> names = new ArrayList<>();
        config.push().forEach(r -> names.add(r.name()));
        config.pull().forEach(r -> names.add(r.name()));
        for (String name : names) {
            try {
                if (store.newestMillis(name).isEmpty()) {
                    continue;
                }
                MaintenanceResult result = store.maintain(name, config.retention(), clock.instant());
                rolledUp.addAndGet(result.bucketsRolledUp());
                rawRemoved.addAndGet(result.rawRowsRemoved());
                rollupsRemoved.addAndGet(result.rollupRowsRemoved());
                maintenanceErrors.remove(name);
            } catch (RuntimeException e) {
                metrics.storeErrors.inc();
                maintenanceErrors.put(name, e.getMessage() == null ? e.toString() : e.getMessage());
                LOG.warn("rollup and retention of {} failed: {}", name, e.toString());
            }
        }
    }

    /** What was received, stored and rejected per series so far. */
    public CollectReport report() {
        Instant now = clock.instant();
        List<SeriesReport> series = new ArrayList<>();
        for (PushRule rule : config.push()) {
            series.add(
                    seriesReport(rule.name(), "push", rule.selector().text(), 0, receiver.lastError(rule.name()), now));
        }
        for (int i = 0; i < config.pull().size(); i++) {
            PullRule rule = config.pull().get(i);
            PullLoop loop = pulls.get(i);
            series.add(seriesReport(
                    rule.name(),
                    "pull",
                    rule.query(),
                    metrics.count(metrics.pullFailures, rule.name()),
                    loop.lastError(),
                    now));
        }
        Map<Integer, Long> requests = new TreeMap<>();
        metrics.requests
                .collect()
                .getDataPoints()
                .forEach(p -> requests.put(Integer.parseInt(p.getLabels().get("code")), Math.round(p.getValue())));
        Map<String, Long> maintenance = new LinkedHashMap<>();
        maintenance.put("bucketsRolledUp", rolledUp.get());
        maintenance.put("rawRowsRemoved", rawRemoved.get());
        maintenance.put("rollupRowsRemoved", rollupsRemoved.get());
        return new CollectReport(
                started,
                now,
                series,
                requests,
                Math.round(metrics.ignored.get()),
                Math.round(metrics.storeErrors.get()),
                maintenance);
    }

    private SeriesReport seriesReport(
            String name, String mode, String source, long pullFailures, String error, Instant now) {
        OptionalLong newest;
        try {
            newest = store.newestMillis(name);
        } catch (RuntimeException e) {
            newest = OptionalLong.empty();
        }
        Double lag = newest.isPresent() ? (now.toEpochMilli() - newest.getAsLong()) / 1000.0 : null;
        if (lag != null) {
            metrics.lag.labelValues(name).set(lag);
        }
        String lastError = error != null ? error : maintenanceErrors.get(name);
        return new SeriesReport(
                name,
                mode,
                source,
                metrics.count(metrics.received, name),
                metrics.count(metrics.stored, name),
                metrics.count(metrics.rejected, name, CollectMetrics.DUPLICATE),
                metrics.count(metrics.rejected, name, CollectMetrics.TOO_OLD),
                metrics.count(metrics.rejected, name, CollectMetrics.GAP),
                metrics.count(metrics.rejected, name, CollectMetrics.AMBIGUOUS),
                metrics.count(metrics.rejected, name, CollectMetrics.STORE_ERROR),
                pullFailures,
                newest.isPresent() ? newest.getAsLong() : null,
                lag,
                lastError);
    }

    private static void health(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = "ok\n".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong number = new AtomicLong();
        return task -> {
            Thread thread = new Thread(task, name + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Stops listening and pulling, waits up to 10 s for a running round, and runs no more rounds. */
    @Override
    public void close() {
        pulls.forEach(PullLoop::stop);
        if (server != null) {
            server.stop(0);
            httpWorkers.shutdown();
        }
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
            if (httpWorkers != null) {
                httpWorkers.awaitTermination(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
