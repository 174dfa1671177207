package io.prescale.loadtest;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a load test runs, beside the profile it replays.
 *
 * @param targets one URL per instance; requests go to them round-robin
 * @param connections the connection limit over all targets (each target gets an equal share, at least 1)
 * @param timeout per request, from the start of its send (a request waiting this long for a connection also times out)
 * @param warmup run at the profile's first rate for this long before measuring (not recorded)
 * @param stopOnErrorRate stop early when the share of failed measured requests exceeds this (after at least
 *                        20 completed); 1 never stops
 * @param arrivals Poisson or evenly spaced arrivals
 * @param seed seed of the Poisson arrivals
 * @param ioThreads I/O threads that share the arrivals and the connections (at most one per connection of a
 *                  target: fewer connections per target than threads use fewer threads)
 */
public record LoadTestOptions(
        List<Target> targets,
        int connections,
        Duration timeout,
        Duration warmup,
        double stopOnErrorRate,
        Arrivals arrivals,
        long seed,
        int ioThreads) {
    public LoadTestOptions {
        targets = List.copyOf(Objects.requireNonNull(targets, "targets"));
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("at least one target is needed, got none");
        }
        if (connections < 1 || connections > 10_000) {
            throw new IllegalArgumentException("connections must be in 1..10000, got " + connections);
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.toMillis() < 1 || timeout.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("timeout must be between 1 ms and 1 h, got " + timeout);
        }
        Objects.requireNonNull(warmup, "warmup");
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("warm-up must be >= 0, got " + warmup);
        }
        if (!(stopOnErrorRate > 0 && stopOnErrorRate <= 1)) {
            throw new IllegalArgumentException("stop-on-error-rate must be in (0, 1], got " + stopOnErrorRate);
        }
        Objects.requireNonNull(arrivals, "arrivals");
        if (ioThreads < 1 || ioThreads > 256) {
            throw new IllegalArgumentException("io-threads must be in 1..256, got " + ioThreads);
        }
    }

    /**
     * 64 connections, 10 s timeout, no warm-up, never stop early, Poisson arrivals, seed 1, one I/O thread per
     * available processor.
     */
    public static LoadTestOptions defaults(List<Target> targets) {
        return new LoadTestOptions(
                targets, 64, Duration.ofSeconds(10), Duration.ZERO, 1.0, Arrivals.POISSON, 1, defaultIoThreads());
    }

    /** One I/O thread per available processor. */
    public static int defaultIoThreads() {
        return Math.max(1, Math.min(256, Runtime.getRuntime().availableProcessors()));
    }

    public LoadTestOptions withConnections(int value) {
        return new LoadTestOptions(targets, value, timeout, warmup, stopOnErrorRate, arrivals, seed, ioThreads);
    }

    public LoadTestOptions withTimeout(Duration value) {
        return new LoadTestOptions(targets, connections, value, warmup, stopOnErrorRate, arrivals, seed, ioThreads);
    }

    public LoadTestOptions withWarmup(Duration value) {
        return new LoadTestOptions(targets, connections, timeout, value, stopOnErrorRate, arrivals, seed, ioThreads);
    }

    public LoadTestOptions withStopOnErrorRate(double value) {
        return new LoadTestOptions(targets, connections, timeout, warmup, value, arrivals, seed, ioThreads);
    }

    public LoadTestOptions withArrivals(Arrivals value, long seedValue) {
        return new LoadTestOptions(targets, connections, timeout, warmup, stopOnErrorRate, value, seedValue, ioThreads);
    }

    public LoadTestOptions withIoThreads(int value) {
        return new LoadTestOptions(targets, connections, timeout, warmup, stopOnErrorRate, arrivals, seed, value);
    }

    /** Connections per target. */
    int connectionsPerTarget() {
        return Math.max(1, connections / targets.size());
    }

    /** The I/O threads a run uses: {@link #ioThreads}, but no more than the connections per target. */
    int effectiveIoThreads() {
        return Math.min(ioThreads, connectionsPerTarget());
    }
}
