package io.prescale.cli.actuator;

import io.prescale.grafana.client.Annotation;
import io.prescale.grafana.client.GrafanaClient;
import io.prescale.grafana.dashboard.PrescaleDashboards;
import io.prescale.nomad.loop.DecisionListener;
import io.prescale.nomad.loop.GroupResult;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each scaling decision of the actuator to Grafana as an annotation on the "Desired vs current instances"
 * panel of the scaling dashboard, tagged {@code prescale}, {@code decision}, the action and the mode, with the
 * group, the counts and the controller's reason as its text. Posts run on one background thread from a queue of at
 * most {@value #QUEUE} decisions, so a slow or unreachable Grafana never delays a cycle; a decision that finds the
 * queue full is dropped and counted. A failed post is logged at WARN (never with the token) and counted.
 * {@link #close()} waits up to the given time for the queue to drain. Thread-safe.
 */
final class GrafanaDecisionAnnotations implements DecisionListener, AutoCloseable {
    static final int QUEUE = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(GrafanaDecisionAnnotations.class);
    private final GrafanaClient client;
    private final Clock clock;
    private final Duration drain;
    private final ThreadPoolExecutor poster;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    GrafanaDecisionAnnotations(GrafanaClient client, Clock clock, Duration drain) {
        this.client = client;
        this.clock = clock;
        this.drain = drain;
        this.poster = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUE),
                r -> {
                    Thread t = new Thread(r, "prescale-grafana-annotations");
                    t.setDaemon(true);
                    return t;
                },
                (r, executor) -> dropped.incrementAndGet());
    }

    /** The annotation of one decision (its time is the evaluation time, else now). */
    Annotation annotation(GroupResult r) {
        String action = r.decision().action().name().toLowerCase(Locale.ROOT);
        String mode = r.mode() == null ? "unknown" : r.mode().wire();
        List<String> tags = new ArrayList<>(PrescaleDashboards.DECISION_TAGS);
        tags.add(action);
        tags.add(mode);
        String group = r.ref().namespace() + "/" + r.ref().job() + "/" + r.ref().group();
        String text = action + " " + r.currentCount() + " → " + r.decision().targetCount() + " · " + group + " (" + mode
                + "): " + (r.reason().isBlank() ? r.decision().reason() : r.reason());
        return Annotation.onPanel(
                PrescaleDashboards.SCALING_UID,
                PrescaleDashboards.COUNTS_PANEL_ID,
                r.evaluatedAt() == null ? clock.instant() : r.evaluatedAt(),
                tags,
                text);
    }

    @Override
    public void decided(GroupResult result) {
        Annotation annotation = annotation(result);
        poster.execute(() -> {
            try {
                client.annotate(annotation);
                sent.incrementAndGet();
            } catch (RuntimeException e) { // GrafanaApiException, whose message never holds the token
                failed.incrementAndGet();
                LOG.warn(
                        "decision annotation for {} not sent to {}: {}",
                        result.ref(),
                        client.baseUrl(),
                        e.getMessage());
            }
        });
    }

    /** Annotations Grafana accepted. */
    long sent() {
        return sent.get();
    }

    /** Posts Grafana refused or that did not arrive. */
    long failed() {
        return failed.get();
    }

    /** Decisions dropped because the queue was full (or arrived after close). */
    long dropped() {
        return dropped.get();
    }

    @Override
    public void close() {
        poster.shutdown();
        try {
            if (!poster.awaitTermination(drain.toMillis(), TimeUnit.MILLISECONDS)) {
                dropped.addAndGet(poster.shutdownNow().size());
            }
        } catch (InterruptedException e) {
            dropped.addAndGet(poster.shutdownNow().size());
            Thread.currentThread().interrupt();
        }
    }
}
