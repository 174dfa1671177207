package io.prescale.cli.loadtest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.Json;
import io.prescale.loadtest.LoadTestResult;

/** The one JSON mapping of a {@link LoadTestResult}, for {@code prescale loadtest} and the demo. */
public final class LoadTestJson {
    private LoadTestJson() {}

    /**
     * The fields of a load test document, in this order: requests, intendedRps, achievedRps, lateShare, errors,
     * latencyMs, timeline; then what was run and the generator's overhead. A non-finite number is {@code null}
     * with a sibling {@code …Reason}.
     */
    public static ObjectNode fields(LoadTestResult result) {
        LoadTestResult.Run run = result.run();
        LoadTestResult.Errors errors = result.errors();
        LoadTestResult.Latency latencyMs = result.latencyMs();
        LoadTestResult.Generator generator = result.generator();
        ObjectNode node = Json.object();
        node.put("requests", result.requests());
        Json.putNumber(node, "intendedRps", result.intendedRps(), "nothing was measured");
        Json.putNumber(node, "achievedRps", result.achievedRps(), "nothing was measured");
        Json.putNumber(node, "lateShare", result.lateShare(), "no request was scheduled");
        ObjectNode errorNode = node.putObject("errors");
        errorNode.put("connect", errors.connect());
        errorNode.put("timeout", errors.timeout());
        errorNode.put("reset", errors.reset());
        errorNode.put("http4xx", errors.http4xx());
        errorNode.put("http5xx", errors.http5xx());
        ObjectNode latency = node.putObject("latencyMs");
        String none = "no response completed";
        Json.putNumber(latency, "p50", latencyMs.p50(), none);
        Json.putNumber(latency, "p90", latencyMs.p90(), none);
        Json.putNumber(latency, "p99", latencyMs.p99(), none);
        Json.putNumber(latency, "p999", latencyMs.p999(), none);
        Json.putNumber(latency, "max", latencyMs.max(), none);
        ArrayNode seconds = node.putArray("timeline");
        for (LoadTestResult.Second second : result.timeline()) {
            ObjectNode entry = seconds.addObject();
            entry.put("second", second.second());
            entry.put("achievedRps", second.achievedRps());
            Json.putNumber(entry, "p50Ms", second.p50Ms(), "no response completed in this second");
            Json.putNumber(entry, "p99Ms", second.p99Ms(), "no response completed in this second");
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
        Json.putNumber(gen, "cpuMsPerRequest", generator.cpuMsPerRequest(), "no request was scheduled");
        Json.putNumber(gen, "sendLagP50Ms", generator.sendLagP50Ms(), "no request was sent");
        Json.putNumber(gen, "sendLagP99Ms", generator.sendLagP99Ms(), "no request was sent");
        Json.putNumber(gen, "sendLagMaxMs", generator.sendLagMaxMs(), "no request was sent");
        Json.putNumber(gen, "dispatchLagP99Ms", generator.dispatchLagP99Ms(), "no request was scheduled");
        gen.put("lateThresholdMs", generator.lateThresholdMs());
        Json.putNumber(
                gen,
                "allocatedBytesPerRequest",
                generator.allocatedBytesPerRequest(),
                "no request was scheduled, or the JVM does not count allocations per thread");
        return node;
    }
}
