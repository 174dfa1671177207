package io.prescale.cli.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.loadtest.LoadTestResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadTestJsonTest {
    private static LoadTestResult result(double p50) {
        return new LoadTestResult(
                new LoadTestResult.Run(
                        "profile", List.of("http://127.0.0.1:1/"), "poisson", 64, 10_000, 0, 1, false, null),
                50,
                50,
                50,
                0,
                new LoadTestResult.Errors(0, 0, 0, 0, 0),
                new LoadTestResult.Latency(p50, p50, p50, p50, p50),
                List.of(new LoadTestResult.Second(0, 50, p50, p50, 0)),
                new LoadTestResult.Generator(1, 0.1, 0.2, 0.3, 0.4, 0.5, 5, 12.5));
    }

    @Test
    void documentHasTheFieldsInOrder() {
        ObjectNode json = LoadTestJson.fields(result(3.5));
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertThat(names)
                .startsWith("requests", "intendedRps", "achievedRps", "lateShare", "errors", "latencyMs", "timeline");
        assertThat(json.get("errors").fieldNames())
                .toIterable()
                .containsExactly("connect", "timeout", "reset", "http4xx", "http5xx");
        assertThat(json.get("latencyMs").fieldNames()).toIterable().containsExactly("p50", "p90", "p99", "p999", "max");
        assertThat(json.get("timeline").get(0).fieldNames())
                .toIterable()
                .containsExactly("second", "achievedRps", "p50Ms", "p99Ms", "errors");
        assertThat(json.get("requests").asLong()).isEqualTo(50);
        assertThat(json.has("stopReason")).isFalse();
    }

    @Test
    void aLatencyWithoutResponsesIsNullWithItsReason() {
        ObjectNode json = LoadTestJson.fields(result(Double.NaN));
        assertThat(json.at("/latencyMs/p50").isNull()).isTrue();
        assertThat(json.at("/latencyMs/p50Reason").asText()).isEqualTo("no response completed");
        assertThat(json.at("/timeline/0/p99MsReason").asText()).isEqualTo("no response completed in this second");
    }
}
