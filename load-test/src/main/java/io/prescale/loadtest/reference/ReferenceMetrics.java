package io.prescale.loadtest.reference;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;

/**
 * The service's own metrics through Prometheus' Java client (client_java), in its own registry, rendered in the
 * Prometheus text exposition format 0.0.4: requests by status code, a latency histogram (seconds, from the moment
 * a worker was asked for to the response), cache hits and misses, queue depth, requests in flight and free
 * virtual cores. Thread-safe.
 */
final class ReferenceMetrics {
    /** Bucket upper bounds, seconds. */
    static final double[] BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Counter requests;
    private final Histogram latency;
    private final Counter hits;
    private final Counter misses;
    private final Gauge inFlight;

    ReferenceMetrics(IntSupplier queueDepth, IntSupplier freeCores) {
        requests = Counter.builder()
                .name("reference_requests_total")
                .help("Requests answered, by HTTP status code.")
                .labelNames("code")
                .register(registry);
        latency = Histogram.builder()
                .name("reference_request_duration_seconds")
                .help("Time from queueing for a worker to the response.")
                .classicOnly()
                .classicUpperBounds(BUCKETS)
                .register(registry);
        hits = Counter.builder()
                .name("reference_cache_hits_total")
                .help("Requests whose key was in the cache.")
                .register(registry);
        misses = Counter.builder()
                .name("reference_cache_misses_total")
                .help("Requests whose key was not in the cache.")
                .register(registry);
        GaugeWithCallback.builder()
                .name("reference_queue_depth")
                .help("Requests waiting for a worker thread.")
                .callback(cb -> cb.call(queueDepth.getAsInt()))
                .register(registry);
        inFlight = Gauge.builder()
                .name("reference_in_flight")
                .help("Requests being handled by a worker.")
                .register(registry);
        GaugeWithCallback.builder()
                .name("reference_cpu_free")
                .help("Virtual cores not held by a request.")
                .callback(cb -> cb.call(freeCores.getAsInt()))
                .register(registry);
    }

    void started() {
        inFlight.inc();
    }

    void finished() {
        inFlight.dec();
    }

    void cache(boolean hit) {
        (hit ? hits : misses).inc();
    }

    /** One response with {@code code}, {@code nanos} after it was queued. */
    void observe(int code, long nanos) {
        requests.labelValues(Integer.toString(code)).inc();
        latency.observe(nanos / 1e9);
    }

    long requests(int code) {
        return (long) requests.labelValues(Integer.toString(code)).get();
    }

    long hits() {
        return (long) hits.get();
    }

    long misses() {
        return (long) misses.get();
    }

    /** The exposition text; every line ends with a newline. */
    String render() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
