package io.prescale.cli.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prescale.cli.CliRun;
import org.junit.jupiter.api.Test;

/** {@code prescale bench loadgen} without wrk, and its bad input (no figures are asserted: tests run no benchmarks). */
class LoadgenBenchCommandTest {
    @Test
    void withoutWrkTheComparisonIsSkippedWithAReasonAndTheGeneratorStillMeasured() {
        CliRun run = CliRun.run(
                "bench",
                "loadgen",
                "--wrk",
                "/nonexistent/wrk",
                "--runs",
                "1",
                "--step",
                "1s",
                "--max-steps",
                "1",
                "--connections",
                "4",
                "--io-threads",
                "2",
                "--json");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode json = run.json();
        assertThat(json.at("/details/wrk/installed").asBoolean()).isFalse();
        assertThat(json.at("/details/wrk/skipped").asText())
                .contains("/nonexistent/wrk")
                .contains("apt-get install -y wrk");
        assertThat(json.at("/metrics/throughputRatioVsWrk").isNull()).isTrue();
        assertThat(json.at("/metrics/throughputRatioVsWrkReason").asText()).isNotBlank();
        assertThat(json.at("/goals/0/metric").asText()).isEqualTo("throughputRatioVsWrk");
        assertThat(json.at("/goals/0/met").asBoolean()).isFalse();
        JsonNode firstRun = json.at("/details/byThreads/0/runs/0");
        assertThat(json.at("/details/byThreads/0/ioThreads").asInt()).isEqualTo(2);
        assertThat(firstRun.get("steps")).hasSize(1);
        assertThat(firstRun.get("wrkRps").isNull()).isTrue();
        assertThat(firstRun.get("sustainedRps").isNumber()).isTrue();
        assertThat(run.stderr()).contains("wrk not found, comparison skipped");
    }

    @Test
    void aThreadCountAboveTheConnectionsIsBadInput() {
        CliRun run = CliRun.run("bench", "loadgen", "--connections", "2", "--io-threads", "1,4", "--json");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("--io-threads").contains("4");
    }

    @Test
    void loadtestRejectsZeroIoThreads() {
        CliRun run = CliRun.run(
                "loadtest",
                "--target",
                "http://127.0.0.1:9/",
                "--rate",
                "5",
                "--duration",
                "1s",
                "--io-threads",
                "0",
                "--json");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("--io-threads");
    }
}
