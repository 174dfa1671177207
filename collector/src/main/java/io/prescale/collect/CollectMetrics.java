package io.prescale.collect;

import io.prescale.core.store.AppendResult;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The collector's own metrics (client_java), served on {@code /metrics} and read back for the report: samples
 * received, stored and rejected (by reason) per series, samples that matched no selector, remote-write requests
 * by status, store errors, and per pull query its lag and failures. Thread-safe.
 */
final class CollectMetrics {
    static final String DUPLICATE = "duplicate";
    static final String TOO_OLD = "too_old";
    static final String GAP = "gap";
    static final String AMBIGUOUS = "ambiguous";
    static final String STORE_ERROR = "store_error";

    final PrometheusRegistry registry = new PrometheusRegistry();
    final Counter received = Counter.builder()
            .name("prescale_collect_samples_received_total")
            .help("Samples received for a configured series (remote write) or read by its pull query.")
            .labelNames("series")
            .register(registry);
    final Counter stored = Counter.builder()
            .name("prescale_collect_samples_stored_total")
            .help("Samples written to the store.")
            .labelNames("series")
            .register(registry);
    final Counter rejected = Counter.builder()
            .name("prescale_collect_samples_rejected_total")
            .help("Samples not written: duplicate, too_old, gap (NaN, staleness marker), ambiguous (a second series"
                    + " matched the selector), store_error.")
            .labelNames("series", "reason")
            .register(registry);
    final Counter ignored = Counter.builder()
            .name("prescale_collect_samples_ignored_total")
            .help("Remote-written samples that matched no selector.")
            .register(registry);
    final Counter requests = Counter.builder()
            .name("prescale_collect_remote_write_requests_total")
            .help("Remote-write requests by HTTP status answered.")
            .labelNames("code")
            .register(registry);
    final Counter storeErrors = Counter.builder()
            .name("prescale_collect_store_errors_total")
            .help("Appends or maintenance rounds that the store failed.")
            .register(registry);
    final Gauge lag = Gauge.builder()
            .name("prescale_collect_lag_seconds")
            .help("Age of the newest stored sample of a series, in seconds (NaN before the first).")
            .labelNames("series")
            .register(registry);
    final Counter pullFailures = Counter.builder()
            .name("prescale_collect_pull_failures_total")
            .help("Pull rounds that failed (Prometheus unreachable, query rejected, store failed).")
            .labelNames("series")
            .register(registry);

    void appended(AppendResult result, int ambiguous) {
        String s = result.series();
        received.labelValues(s).inc(result.received() + ambiguous);
        stored.labelValues(s).inc(result.stored());
        rejected.labelValues(s, DUPLICATE).inc(result.duplicates());
        rejected.labelValues(s, TOO_OLD).inc(result.tooOld());
        rejected.labelValues(s, GAP).inc(result.gaps());
        rejected.labelValues(s, AMBIGUOUS).inc(ambiguous);
    }

    void storeFailed(String series, int samples) {
        storeErrors.inc();
        received.labelValues(series).inc(samples);
        rejected.labelValues(series, STORE_ERROR).inc(samples);
    }

    /** Creates every per-series data point at zero, so that {@code /metrics} lists configured series at once. */
    void declare(String series) {
        received.labelValues(series);
        stored.labelValues(series);
        for (String reason : new String[] {DUPLICATE, TOO_OLD, GAP, AMBIGUOUS, STORE_ERROR}) {
            rejected.labelValues(series, reason);
        }
        lag.labelValues(series).set(Double.NaN);
    }

    long count(Counter counter, String... labels) {
        return Math.round(counter.labelValues(labels).get());
    }
}
