package io.prescale.loadtest;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one load test run. Rates are requests/s over the measured duration (warm-up excluded);
 * {@code achievedRps} counts responses with a status below 400; latencies are ms from the intended start to the
 * last byte of the response (every HTTP response, whatever its status; failed requests count in {@code errors}).
 * Non-finite numbers mean "nothing to measure" (no response at all, or no request in a second).
 *
 * @param run what was run (mode, targets, parameters, whether it stopped early)
 * @param requests measured requests scheduled
 * @param intendedRps {@code requests} / measured duration
 * @param achievedRps successful responses / measured duration
 * @param lateShare share of requests whose send started more than the late threshold after the intended time
 * @param errors failed requests by kind
 * @param latencyMs latency percentiles, ms
 * @param timeline one entry per second of the run (and per later second in which a response completed)
 * @param generator the generator's own overhead
 */
public record LoadTestResult(
        Run run,
        long requests,
        double intendedRps,
        double achievedRps,
        double lateShare,
        Errors errors,
        Latency latencyMs,
        List<Second> timeline,
        Generator generator) {
    public LoadTestResult {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(errors, "errors");
        Objects.requireNonNull(latencyMs, "latencyMs");
        timeline = List.copyOf(timeline);
        Objects.requireNonNull(generator, "generator");
        if (requests < 0) {
            throw new IllegalArgumentException("requests must be >= 0, got " + requests);
        }
    }

    /** What was run. {@code stopReason} is null unless {@code stopped}. */
    public record Run(
            String mode,
            List<String> targets,
            String arrivals,
            int connections,
            long timeoutMs,
            double warmupSeconds,
            double durationSeconds,
            boolean stopped,
            String stopReason) {
        public Run {
            targets = List.copyOf(targets);
        }
    }

    /** Failed requests by kind. */
    public record Errors(long connect, long timeout, long reset, long http4xx, long http5xx) {
        public long total() {
            return connect + timeout + reset + http4xx + http5xx;
        }
    }

    /** Latency percentiles, ms (NaN when no response completed). */
    public record Latency(double p50, double p90, double p99, double p999, double max) {}

    /** One second of the timeline: successful responses completed in it, their latency, and failures. */
    public record Second(int second, long achievedRps, double p50Ms, double p99Ms, long errors) {}

    /**
     * The generator's overhead: its I/O threads, CPU time per request on them, and how late sends started
     * relative to their intended time (which includes waiting for a free connection), and how late the loop itself
     * picked requests up (dispatch lag: the generator's own scheduling delay, whatever the target does), and the
     * bytes its I/O threads allocated per request over the run (NaN where the JVM cannot tell).
     */
    public record Generator(
            int ioThreads,
            double cpuMsPerRequest,
            double sendLagP50Ms,
            double sendLagP99Ms,
            double sendLagMaxMs,
            double dispatchLagP99Ms,
            double lateThresholdMs,
            double allocatedBytesPerRequest) {}

    /** Total failed requests. */
    public long errorCount() {
        return errors.total();
    }
}
