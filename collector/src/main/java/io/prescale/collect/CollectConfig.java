package io.prescale.collect;

import io.prescale.core.store.RetentionPolicy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything the {@link Collector} does, validated: where it listens (remote write, {@code /metrics},
 * {@code /health}), which remote-written series it keeps, which queries it pulls from which Prometheus and how
 * often, and how long it keeps raw samples and rollups. Build with {@code defaults().withX(…)}; the YAML form is
 * read by {@link CollectConfigFile}.
 *
 * @param listen            where the HTTP server listens, or null for none (pull only, no {@code /metrics})
 * @param maxBodyBytes      largest remote-write body accepted (compressed and decompressed); larger is 413
 * @param push              remote-write rules; need {@code listen}
 * @param prometheus        the Prometheus to pull from, or null; needed by pull rules
 * @param every             interval between pulls; positive
 * @param backfill          on start, pulls also re-read this far back (duplicates are skipped); zero or positive
 * @param pull              pull rules
 * @param outOfOrderWindow  late samples within this of the newest stored one are merged; older ones rejected
 * @param retention         raw and rollup retention ({@code lateness} is the out-of-order window)
 * @param maintenanceEvery  interval between rollup and retention rounds; positive
 */
public record CollectConfig(
        InetSocketAddress listen,
        long maxBodyBytes,
        List<PushRule> push,
        URI prometheus,
        Duration every,
        Duration backfill,
        List<PullRule> pull,
        Duration outOfOrderWindow,
        RetentionPolicy retention,
        Duration maintenanceEvery) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    /** Remote-write body limit when none is given: 10 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 10L << 20;

    public CollectConfig {
        push = List.copyOf(push);
        pull = List.copyOf(pull);
        if (maxBodyBytes < 1 || maxBodyBytes > Integer.MAX_VALUE / 8) {
            throw new IllegalArgumentException(
                    "maxBodyBytes must be in [1, " + Integer.MAX_VALUE / 8 + "], got " + maxBodyBytes);
        }
        checkPositive("every", every);
        Objects.requireNonNull(backfill, "backfill");
        if (backfill.isNegative()) {
            throw new IllegalArgumentException("backfill must be zero or positive, got " + backfill);
        }
        Objects.requireNonNull(outOfOrderWindow, "outOfOrderWindow");
        Objects.requireNonNull(retention, "retention");
        checkPositive("maintenanceEvery", maintenanceEvery);
    }

    /** No rules, no listener; pulls every minute; default retention; window 1 h; maintenance every minute. */
    public static CollectConfig defaults() {
        return new CollectConfig(
                null,
                DEFAULT_MAX_BODY_BYTES,
                List.of(),
                null,
                Duration.ofMinutes(1),
                Duration.ZERO,
                List.of(),
                Duration.ofHours(1),
                RetentionPolicy.defaults(),
                Duration.ofMinutes(1));
    }

    /**
     * The problems that keep this configuration from running, all at once: no rules, push rules without a
     * listener, pull rules without a Prometheus, a series name used twice. Empty when it can run.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (push.isEmpty() && pull.isEmpty()) {
            problems.add("nothing to collect: give remote-write selectors (--select NAME=SELECTOR) or pull queries"
                    + " (--query NAME=PROMQL)");
        }
        if (!push.isEmpty() && listen == null) {
            problems.add("remote-write selectors need an address to listen on (--remote-write-listen HOST:PORT)");
        }
        if (!pull.isEmpty() && prometheus == null) {
            problems.add("pull queries need a Prometheus to pull from (--pull URL)");
        }
        Set<String> names = new HashSet<>();
        push.forEach(r -> {
            if (!names.add(r.name())) {
                problems.add("series name '" + r.name() + "' is used twice");
            }
        });
        pull.forEach(r -> {
            if (!names.add(r.name())) {
                problems.add("series name '" + r.name() + "' is used twice");
            }
        });
        return problems;
    }

    public CollectConfig withListen(InetSocketAddress value) {
        return new CollectConfig(
                value,
                maxBodyBytes,
                push,
                prometheus,
                every,
                backfill,
                pull,
                outOfOrderWindow,
                retention,
                maintenanceEvery);
    }

    public CollectConfig withMaxBodyBytes(long value) {
        return new CollectConfig(
                listen, value, push, prometheus, every, backfill, pull, outOfOrderWindow, retention, maintenanceEvery);
    }

    public CollectConfig withPush(List<PushRule> value) {
        return new CollectConfig(
                listen,
                maxBodyBytes,
                value,
                prometheus,
                every,
                backfill,
                pull,
                outOfOrderWindow,
                retention,
                maintenanceEvery);
    }

    public CollectConfig withPrometheus(URI value) {
        return new CollectConfig(
                listen,
                maxBodyBytes,
                push,
                value,
                every,
                backfill,
                pull,
                outOfOrderWindow,
                retention,
                maintenanceEvery);
    }

    public CollectConfig withEvery(Duration value) {
        return new CollectConfig(
                listen,
                maxBodyBytes,
                push,
                prometheus,
                value,
                backfill,
                pull,
                outOfOrderWindow,
                retention,
                maintenanceEvery);
    }

    public CollectConfig withBackfill(Duration value) {
        return new CollectConfig(
                listen,
                maxBodyBytes,
                push,
                prometheus,
                every,
                value,
                pull,
                outOfOrderWindow,
                retention,
                maintenanceEvery);
    }

    public CollectConfig withPull(List<PullRule> value) {
        return new CollectConfig(
                listen,
                maxBodyBytes,
                push,
                prometheus,
                every,
                backfill,
                value,
                outOfOrderWindow,
                retention,
                maintenanceEvery);
    }

    public CollectConfig withOutOfOrderWindow(Duration value) {
        return new CollectConfig(
                listen,
                maxBodyBytes,
                push,
                prometheus,
                every,
                backfill,
                pull,
                value,
                retention.withLateness(value),
                maintenanceEvery);
    }

    public CollectConfig withRetention(RetentionPolicy value) {
        return new CollectConfig(
                listen,
                maxBodyBytes,
                push,
                prometheus,
                every,
                backfill,
                pull,
                outOfOrderWindow,
                value,
                maintenanceEvery);
    }

    public CollectConfig withMaintenanceEvery(Duration value) {
        return new CollectConfig(
                listen, maxBodyBytes, push, prometheus, every, backfill, pull, outOfOrderWindow, retention, value);
    }

    static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "'" + name + "' is not a series name (expected 1 to 100 letters, " + "digits, '_' or '-')");
        }
    }

    static void checkPositive(String what, Duration value) {
        Objects.requireNonNull(value, what);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
    }
}
