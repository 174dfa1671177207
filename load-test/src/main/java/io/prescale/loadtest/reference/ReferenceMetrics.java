package io.prescale.loadtest.reference;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * The service's own metrics, written in the Prometheus text exposition format 0.0.4: requests by status code,
 * a latency histogram (seconds, from the moment a worker was asked for to the response), cache hits and misses,
 * queue depth, requests in flight and free virtual cores. Thread-safe.
 */
final class ReferenceMetrics {
    /** Bucket upper bounds, seconds. */
    static final double[] BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final Map<Integer, LongAdder> byCode = new ConcurrentSkipListMap<>();
    private final LongAdder[] buckets = new LongAdder[BUCKETS.length];
    private final LongAdder latencyCount = new LongAdder();
    private final LongAdder latencyNanos = new LongAdder();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder inFlight = new LongAdder();
    private final IntSupplier queueDepth;
    private final IntSupplier freeCores;

    ReferenceMetrics(IntSupplier queueDepth, IntSupplier freeCores) {
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
        this.queueDepth = queueDepth;
        this.freeCores = freeCores;
    }

    void started() {
        inFlight.increment();
    }

    void finished() {
        inFlight.decrement();
    }

    void cache(boolean hit) {
        (hit ? hits : misses).increment();
    }

    /** One response with {@code code}, {@code nanos} after it was queued. */
    void observe(int code, long nanos) {
        byCode.computeIfAbsent(code, c -> new LongAdder()).increment();
        double seconds = nanos / 1e9;
        for (int i = 0; i < BUCKETS.length; i++) {
            if (seconds <= BUCKETS[i]) {
                buckets[i].increment();
                break;
            }
        }
        latencyCount.increment();
        latencyNanos.add(nanos);
    }

    long requests(int code) {
        LongAdder adder = byCode.get(code);
        return adder == null ? 0 : adder.sum();
    }

    long hits() {
        return hits.sum();
    }

    long misses() {
        return misses.sum();
    }

    /** The exposition text; every line ends with a newline. */
    String render() {
        StringBuilder out = new StringBuilder(2048);
        header(out, "reference_requests_total", "Requests answered, by HTTP status code.", "counter");
        byCode.forEach((code, count) ->
                out.append("reference_requests_total{code=\"").append(code).append("\"} ").append(count.sum()).append('\n'));
        header(out, "reference_request_duration_seconds", "Time from queueing for a worker to the response.", "histogram");
        long cumulative = 0;
        long count = latencyCount.sum();
        for (int i = 0; i < BUCKETS.length; i++) {
            cumulative += buckets[i].sum();
            out.append("reference_request_duration_seconds_bucket{le=\"").append(BUCKETS[i]).append("\"} ")
                    .append(Math.min(cumulative, count)).append('\n');
        }
        out.append("reference_request_duration_seconds_bucket{le=\"+Inf\"} ").append(count).append('\n');
        out.append("reference_request_duration_seconds_sum ").append(latencyNanos.sum() / 1e9).append('\n');
        out.append("reference_request_duration_seconds_count ").append(count).append('\n');
        sample(out, "reference_cache_hits_total", "Requests whose key was in the cache.", "counter", hits.sum());
        sample(out, "reference_cache_misses_total", "Requests whose key was not in the cache.", "counter", misses.sum());
        sample(out, "reference_queue_depth", "Requests waiting for a worker thread.", "gauge", queueDepth.getAsInt());
        sample(out, "reference_in_flight", "Requests being handled by a worker.", "gauge", inFlight.sum());
        sample(out, "reference_cpu_free", "Virtual cores not held by a request.", "gauge", freeCores.getAsInt());
        return out.toString();
    }

    private static void header(StringBuilder out, String name, String help, String type) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder out, String name, String help, String type, long value) {
        header(out, name, help, type);
        out.append(name).append(' ').append(value).append('\n');
    }
}
