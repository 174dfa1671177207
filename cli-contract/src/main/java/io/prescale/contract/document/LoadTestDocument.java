package io.prescale.contract.document;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.prescale.contract.summary.Figure;
import java.util.List;

/**
 * {@code loadtest}: throughput, errors by kind and latency of an open-model run (no coordinated omission).
 * Rates are requests/s; latencies ms; {@code lateShare} a fraction. Null numbers mean nothing was measured.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LoadTestDocument(
        String command,
        int schemaVersion,
        String prescaleVersion,
        Long seed,
        long requests,
        Double intendedRps,
        Double achievedRps,
        Double lateShare,
        Errors errors,
        Latency latencyMs,
        String mode,
        List<String> targets,
        Double durationSeconds,
        boolean stopped,
        String stopReason,
        String profile,
        List<String> notes)
        implements CommandDocument {
    public LoadTestDocument {
        targets = targets == null ? List.of() : List.copyOf(targets);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** Failed requests by kind. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Errors(long connect, long timeout, long reset, long http4xx, long http5xx) {
        public long total() {
            return connect + timeout + reset + http4xx + http5xx;
        }
    }

    /** Latency percentiles, ms, or null when no response completed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Latency(Double p50, Double p90, Double p99, Double p999, Double max) {}

    @Override
    public List<String> writtenFiles() {
        return List.of();
    }

    @Override
    public List<Figure> figures() {
        Figures figures = new Figures()
                .number("Requests", (double) requests, null)
                .number("Intended rate", intendedRps, "req/s")
                .number("Achieved rate", achievedRps, "req/s");
        if (latencyMs != null) {
            figures.number("p50 latency", latencyMs.p50(), "ms").number("p99 latency", latencyMs.p99(), "ms");
        }
        if (errors != null) {
            figures.number("Failed requests", (double) errors.total(), null);
        }
        return figures.share("Started late", lateShare)
                .text("Stopped early", stopped ? stopReason : null)
                .list();
    }
}
