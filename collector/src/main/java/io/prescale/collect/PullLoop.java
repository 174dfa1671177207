package io.prescale.collect;

import io.prescale.core.store.AppendOptions;
import io.prescale.core.store.AppendResult;
import io.prescale.core.store.AppendableStore;
import io.prescale.core.store.SampleBatch;
import io.prescale.core.store.prometheus.PrometheusRange;
import io.prescale.core.store.prometheus.PrometheusSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one pull rule's series current: each round reads {@code query_range} on the grid of the rule's step from
 * the step after the newest stored sample (so a restart or an outage resumes where it stopped) up to the last
 * grid time one step in the past, in requests of at most {@value #POINTS_PER_REQUEST} points, appending each as
 * it arrives. The first round also re-reads the backfill period (stored samples are skipped). A failed round
 * (Prometheus unreachable or failing, the query rejected, the store failing) is retried with exponential
 * backoff from {@code every} up to {@value #MAX_BACKOFF_MINUTES} minutes; the lag gauge keeps growing meanwhile.
 * Runs on the collector's scheduler thread.
 */
final class PullLoop implements Runnable {
    static final int POINTS_PER_REQUEST = 10_000;
    static final long MAX_BACKOFF_MINUTES = 5;
    private static final Logger LOG = LoggerFactory.getLogger(PullLoop.class);

    private final PullRule rule;
    private final CollectConfig config;
    private final AppendableStore store;
    private final PrometheusSource source;
    private final CollectMetrics metrics;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private boolean first = true;
    private int failures;
    private volatile String lastError;
    private volatile boolean stopped;

    PullLoop(
            PullRule rule,
            CollectConfig config,
            AppendableStore store,
            PrometheusSource source,
            CollectMetrics metrics,
            Clock clock,
            ScheduledExecutorService scheduler) {
        this.rule = rule;
        this.config = config;
        this.store = store;
        this.source = source;
        this.metrics = metrics;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    @Override
    public void run() {
        if (stopped) {
            return;
        }
        long delayMs;
        try {
            catchUp();
            failures = 0;
            lastError = null;
            delayMs = config.every().toMillis();
        } catch (RuntimeException e) {
            failures++;
            lastError = e.getMessage() == null ? e.toString() : e.getMessage();
            metrics.pullFailures.labelValues(rule.name()).inc();
            delayMs = backoffMillis(config.every(), failures);
            LOG.warn(
                    "pull of {} failed ({} in a row), retrying in {} ms: {}",
                    rule.name(),
                    failures,
                    delayMs,
                    lastError);
        }
        updateLag();
        if (!stopped && !scheduler.isShutdown()) {
            scheduler.schedule(this, delayMs, TimeUnit.MILLISECONDS);
        }
    }

    /** {@code every · 2^(failures-1)}, at most {@value #MAX_BACKOFF_MINUTES} minutes (or {@code every} if longer). */
    static long backoffMillis(Duration every, int failures) {
        long cap = Math.max(every.toMillis(), TimeUnit.MINUTES.toMillis(MAX_BACKOFF_MINUTES));
        long delay = every.toMillis() << Math.min(failures - 1, 20);
        return Math.min(cap, Math.max(every.toMillis(), delay));
    }

    void stop() {
        stopped = true;
    }

    String lastError() {
        return lastError;
    }

    int failures() {
        return failures;
    }

    private void catchUp() {
        long step = rule.step().toMillis();
        long now = clock.millis();
        long last = Math.floorDiv(now - step, step) * step;
        OptionalLong newest = store.newestMillis(rule.name());
        long from = newest.isPresent()
                ? (Math.floorDiv(newest.getAsLong(), step) + 1) * step
                : Math.floorDiv(
                                now
                                        - Math.max(
                                                config.every().toMillis(),
                                                config.backfill().toMillis()),
                                step)
                        * step;
        if (first && !config.backfill().isZero()) {
            from = Math.min(from, Math.floorDiv(now - config.backfill().toMillis(), step) * step);
        }
        first = false;
        AppendOptions options = AppendOptions.defaults()
                .withStep(rule.step())
                .withUnit(rule.unit())
                .withSource(config.prometheus() + " " + rule.query())
                .withOutOfOrderWindow(config.outOfOrderWindow().plus(config.backfill()));
        while (from <= last && !stopped) {
            long to = Math.min(last, from + (POINTS_PER_REQUEST - 1) * step);
            PrometheusRange range =
                    source.range(rule.query(), Instant.ofEpochMilli(from), Instant.ofEpochMilli(to + 1), rule.step());
            double[] values = range.series().values();
            long[] times = new long[values.length];
            for (int i = 0; i < values.length; i++) {
                times[i] = from + i * step;
            }
            AppendResult result;
            try {
                result = store.append(rule.name(), options, new SampleBatch(times, values));
            } catch (RuntimeException e) {
                metrics.storeFailed(rule.name(), values.length);
                throw e;
            }
            metrics.appended(result, 0);
            from = to + step;
        }
    }

    private void updateLag() {
        OptionalLong newest;
        try {
            newest = store.newestMillis(rule.name());
        } catch (RuntimeException e) {
            return;
        }
        metrics.lag
                .labelValues(rule.name())
                .set(newest.isPresent() ? (clock.millis() - newest.getAsLong()) / 1000.0 : Double.NaN);
    }
}
