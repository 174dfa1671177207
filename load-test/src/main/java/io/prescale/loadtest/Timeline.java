package io.prescale.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The per-second timeline of a run, merged from the recorders of all I/O threads. Each recorder contributes every
 * second in increasing order (its successful responses, failures and latency histogram); a second is final once
 * every recorder has contributed it, and only seconds still waiting for a recorder are kept. Thread-safe: called
 * by each I/O thread about once a second.
 */
final class Timeline {
    private static final long MAX_MICROS = 3_600_000_000L;

    private final int parties;
    private final TreeMap<Integer, Open> open = new TreeMap<>();
    private final List<LoadTestResult.Second> seconds = new ArrayList<>();

    private static final class Open {
        final Histogram latency = new Histogram(MAX_MICROS, 2);
        long ok;
        long errors;
        int contributions;
    }

    /** @param parties the number of recorders that contribute each second */
    Timeline(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be >= 1, got " + parties);
        }
        this.parties = parties;
    }

    /** One recorder's share of {@code second}: successful responses, failures and their latencies (µs). */
    synchronized void contribute(int second, long ok, long errors, Histogram latency) {
        Open entry = open.computeIfAbsent(second, s -> new Open());
        entry.ok += ok;
        entry.errors += errors;
        if (latency.getTotalCount() > 0) {
            entry.latency.add(latency);
        }
        entry.contributions++;
        while (!open.isEmpty() && open.firstEntry().getValue().contributions == parties) {
            var first = open.pollFirstEntry();
            Open done = first.getValue();
            boolean any = done.latency.getTotalCount() > 0;
            seconds.add(new LoadTestResult.Second(
                    first.getKey(),
                    done.ok,
                    any ? done.latency.getValueAtPercentile(50) / 1000.0 : Double.NaN,
                    any ? done.latency.getValueAtPercentile(99) / 1000.0 : Double.NaN,
                    done.errors));
        }
    }

    /** The final seconds, in order. */
    synchronized List<LoadTestResult.Second> seconds() {
        return List.copyOf(seconds);
    }
}
