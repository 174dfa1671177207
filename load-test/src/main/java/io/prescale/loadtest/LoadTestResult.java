package io.prescale.loadtest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
public record LoadTestResult(Run run, long requests, double intendedRps, double achievedRps, double lateShare,
                             Errors errors, Latency latencyMs, List<Second> timeline, Generator generator) {
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
    public record Run(String mode, List<String> targets, String arrivals, int connections, long timeoutMs,
                      double warmupSeconds, double durationSeconds, boolean stopped, String stopReason) {
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
    public record Latency(double p50, double p90, double p99, double p999, double max) {
    }

    /** One second of the timeline: successful responses completed in it, their latency, and failures. */
    public record Second(int second, long achievedRps, double p50Ms, double p99Ms, long errors) {
    }

    /**
     * The generator's overhead: its I/O threads, CPU time per request on them, and how late sends started
     * relative to their intended time (which includes waiting for a free connection), and how late the loop itself
     * picked requests up (dispatch lag: the generator's own scheduling delay, whatever the target does).
     */
    public record Generator(int ioThreads, double cpuMsPerRequest, double sendLagP50Ms, double sendLagP99Ms,
                            double sendLagMaxMs, double dispatchLagP99Ms, double lateThresholdMs) {
    }

    /** Total failed requests. */
    public long errorCount() {
        return errors.total();
    }

    /**
     * The document fields in the order of the issue: requests, intendedRps, achievedRps, lateShare, errors,
     * latencyMs, timeline; then what was run and the generator's overhead.
     */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("requests", requests);
        number(node, "intendedRps", intendedRps, "nothing was measured");
        number(node, "achievedRps", achievedRps, "nothing was measured");
        number(node, "lateShare", lateShare, "no request was scheduled");
        ObjectNode errorNode = node.putObject("errors");
        errorNode.put("connect", errors.connect());
        errorNode.put("timeout", errors.timeout());
        errorNode.put("reset", errors.reset());
        errorNode.put("http4xx", errors.http4xx());
        errorNode.put("http5xx", errors.http5xx());
        ObjectNode latency = node.putObject("latencyMs");
        String none = "no response completed";
        number(latency, "p50", latencyMs.p50(), none);
        number(latency, "p90", latencyMs.p90(), none);
        number(latency, "p99", latencyMs.p99(), none);
        number(latency, "p999", latencyMs.p999(), none);
        number(latency, "max", latencyMs.max(), none);
        ArrayNode seconds = node.putArray("timeline");
        for (Second second : timeline) {
            ObjectNode entry = seconds.addObject();
            entry.put("second", second.second());
            entry.put("achievedRps", second.achievedRps());
            number(entry, "p50Ms", second.p50Ms(), "no response completed in this second");
            number(entry, "p99Ms", second.p99Ms(), "no response completed in this second");
            entry.put("errors", second.errors());
        }
        node.put("mode", run.mode());
        ArrayNode targets = node.putArray("targets");
        run.targets().forEach(targets::add);
        node.put("arrivals", run.arrivals());
        node.put("connections", run.connections());
        node.put("timeoutMs", run.timeoutMs());
        node.put("warmupSeconds", run.warmupSeconds());
        node.put("durationSeconds", run.durationSeconds());
        node.put("stopped", run.stopped());
        if (run.stopReason() != null) {
            node.put("stopReason", run.stopReason());
        }
        ObjectNode gen = node.putObject("generator");
        gen.put("ioThreads", generator.ioThreads());
        number(gen, "cpuMsPerRequest", generator.cpuMsPerRequest(), "no request was scheduled");
        number(gen, "sendLagP50Ms", generator.sendLagP50Ms(), "no request was sent");
        number(gen, "sendLagP99Ms", generator.sendLagP99Ms(), "no request was sent");
        number(gen, "sendLagMaxMs", generator.sendLagMaxMs(), "no request was sent");
        number(gen, "dispatchLagP99Ms", generator.dispatchLagP99Ms(), "no request was scheduled");
        gen.put("lateThresholdMs", generator.lateThresholdMs());
        return node;
    }

    private static void number(ObjectNode node, String field, double value, String reason) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
            node.put(field + "Reason", reason);
        }
    }
}
