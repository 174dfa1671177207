package io.prescale.loadtest;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Counts and latencies of the measured requests (warm-up requests are not recorded). Latency runs from the
 * intended start to the last byte of the response, in microseconds; the timeline buckets completions by the
 * second (from the start of measurement) in which they complete. One recorder per I/O thread: completion times
 * arrive in order because one thread records them, so only the current second's histogram is kept and each
 * finished second goes to the shared {@link Timeline}; {@link #result} merges the recorders of a run. Confined to
 * its I/O thread, except the {@code published…} counters, which another thread may read.
 */
final class Recorder {
    private static final long MAX_MICROS = 3_600_000_000L;

    private final long measureStartNanos;
    private final long lateThresholdNanos;
    private final Histogram latency = new Histogram(MAX_MICROS, 3);
    private final Histogram sendLag = new Histogram(MAX_MICROS, 3);
    private final Histogram dispatchLag = new Histogram(MAX_MICROS, 3);
    private final Histogram secondLatency = new Histogram(MAX_MICROS, 2);
    private final long[] errors = new long[ErrorKind.values().length];
    private final Timeline timeline;
    private long requests;
    private long late;
    private long ok;
    private long completed;
    private int second;
    private long secondOk;
    private long secondErrors;
    private volatile long publishedRequests;
    private volatile long publishedCompleted;
    private volatile long publishedErrors;

    /**
     * @param measureStartNanos absolute nano time at which measurement starts (after warm-up)
     * @param lateThresholdNanos a send starting more than this after its intended time is late
     * @param timeline where each finished second goes, merged with the other I/O threads' seconds
     */
    Recorder(long measureStartNanos, long lateThresholdNanos, Timeline timeline) {
        this.measureStartNanos = measureStartNanos;
        this.lateThresholdNanos = lateThresholdNanos;
        this.timeline = timeline;
    }

    void onDispatch(Request request, long now) {
        if (request.measured) {
            requests++;
            dispatchLag.recordValue(Math.min(MAX_MICROS, Math.max(0, now - request.intendedNanos) / 1000));
        }
    }

    void onSend(Request request, long now) {
        if (request.measured) {
            long lag = Math.max(0, now - request.intendedNanos);
            sendLag.recordValue(Math.min(MAX_MICROS, lag / 1000));
            if (lag > lateThresholdNanos) {
                late++;
            }
        }
    }

    /** A request that timed out waiting for a connection: never sent, so it is late too. */
    void onNeverSent(Request request, long now) {
        if (request.measured) {
            late++;
            onError(request, ErrorKind.TIMEOUT, now);
        }
    }

    void onResponse(Request request, int status, long now) {
        if (!request.measured) {
            return;
        }
        roll(now);
        long micros = Math.min(MAX_MICROS, Math.max(0, now - request.intendedNanos) / 1000);
        latency.recordValue(micros);
        secondLatency.recordValue(micros);
        completed++;
        if (status >= 500) {
            count(ErrorKind.HTTP5XX);
        } else if (status >= 400) {
            count(ErrorKind.HTTP4XX);
        } else {
            ok++;
            secondOk++;
        }
    }

    void onError(Request request, ErrorKind kind, long now) {
        if (request.measured) {
            roll(now);
            completed++;
            count(kind);
        }
    }

    private void count(ErrorKind kind) {
        errors[kind.ordinal()]++;
        secondErrors++;
    }

    /** Closes the seconds before the one containing {@code now} (completions arrive in time order per thread). */
    void roll(long now) {
        int current = (int) (Math.max(0, now - measureStartNanos) / 1_000_000_000L);
        while (second < current) {
            closeSecond();
        }
    }

    private void closeSecond() {
        timeline.contribute(second, secondOk, secondErrors, secondLatency);
        secondLatency.reset();
        secondOk = 0;
        secondErrors = 0;
        second++;
    }

    /** The last second this recorder has something for: the open one if it holds a completion, else the one before. */
    int lastSecond() {
        return secondOk + secondErrors > 0 || secondLatency.getTotalCount() > 0 ? second : second - 1;
    }

    /** Contributes every second up to {@code last} (inclusive) to the timeline; the recorder is then finished. */
    void closeThrough(int last) {
        while (second <= last) {
            closeSecond();
        }
    }

    long requests() {
        return requests;
    }

    long completed() {
        return completed;
    }

    long errorCount() {
        long sum = 0;
        for (long e : errors) {
            sum += e;
        }
        return sum;
    }

    /** Publishes the counters for {@link #publishedRequests()} and the others, read by another thread. */
    void publish() {
        publishedRequests = requests;
        publishedCompleted = completed;
        publishedErrors = errorCount();
    }

    long publishedRequests() {
        return publishedRequests;
    }

    long publishedCompleted() {
        return publishedCompleted;
    }

    long publishedErrors() {
        return publishedErrors;
    }

    /**
     * The merged result of the recorders of one run (each finished with {@link #closeThrough} first, after its
     * thread ended); the timeline covers at least the measured duration, and any later second that saw a
     * completion.
     */
    static LoadTestResult result(
            List<Recorder> recorders,
            Timeline timeline,
            double durationSeconds,
            long generatorCpuNanos,
            long allocatedBytes,
            LoadTestResult.Run run) {
        Recorder first = recorders.get(0);
        Histogram latency = new Histogram(MAX_MICROS, 3);
        Histogram sendLag = new Histogram(MAX_MICROS, 3);
        Histogram dispatchLag = new Histogram(MAX_MICROS, 3);
        long requests = 0;
        long late = 0;
        long ok = 0;
        long[] errors = new long[ErrorKind.values().length];
        for (Recorder recorder : recorders) {
            latency.add(recorder.latency);
            sendLag.add(recorder.sendLag);
            dispatchLag.add(recorder.dispatchLag);
            requests += recorder.requests;
            late += recorder.late;
            ok += recorder.ok;
            for (int k = 0; k < errors.length; k++) {
                errors[k] += recorder.errors[k];
            }
        }
        LoadTestResult.Latency latencyMs = new LoadTestResult.Latency(
                percentile(latency, 50),
                percentile(latency, 90),
                percentile(latency, 99),
                percentile(latency, 99.9),
                latency.getTotalCount() == 0 ? Double.NaN : latency.getMaxValue() / 1000.0);
        LoadTestResult.Generator generator = new LoadTestResult.Generator(
                recorders.size(),
                requests == 0 ? Double.NaN : generatorCpuNanos / 1e6 / requests,
                percentile(sendLag, 50),
                percentile(sendLag, 99),
                sendLag.getTotalCount() == 0 ? Double.NaN : sendLag.getMaxValue() / 1000.0,
                percentile(dispatchLag, 99),
                first.lateThresholdNanos / 1e6,
                requests == 0 || allocatedBytes < 0 ? Double.NaN : (double) allocatedBytes / requests);
        return new LoadTestResult(
                run,
                requests,
                durationSeconds <= 0 ? Double.NaN : requests / durationSeconds,
                durationSeconds <= 0 ? Double.NaN : ok / durationSeconds,
                requests == 0 ? Double.NaN : (double) late / requests,
                new LoadTestResult.Errors(errors[0], errors[1], errors[2], errors[3], errors[4]),
                latencyMs,
                timeline.seconds(),
                generator);
    }

    private static double percentile(Histogram histogram, double p) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(p) / 1000.0;
    }
}
