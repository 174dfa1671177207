package io.prescale.core.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reader over the full real traces in {@code ../shared/data}; skipped where that folder is absent. */
class TraceReaderSharedDataTest {
    private Path data;

    @BeforeEach
    void sharedData() {
        String shared = System.getProperty("prescale.sharedData", "");
        data = Path.of(shared.isEmpty() ? "/nonexistent" : shared, "data");
        Assumptions.assumeTrue(Files.isDirectory(data), "shared data folder absent: " + data);
    }

    @Test
    void readsEveryNabDataFileOntoItsFiveOrThirtyMinuteGrid() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(data.resolve("nab/data"))) {
            files = walk.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(36);
        for (Path file : files) {
            TraceReadResult read = TraceReader.read(file, TraceReadOptions.defaults());
            long lines = Files.readAllLines(file).stream()
                    .skip(1)
                    .filter(l -> !l.isBlank())
                    .count();
            assertThat(read.rows()).as(file.toString()).isEqualTo(lines);
            assertThat(read.series().step())
                    .as(file.toString())
                    .isIn(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(30));
        }
    }

    @Test
    void nycTaxiIsCompleteAndElbHasItsEightGaps() {
        TraceReadResult taxi = TraceReader.read(
                data.resolve("nab/data/realKnownCause/nyc_taxi.csv"), TraceReadOptions.importDefaults());
        assertThat(taxi.series().size()).isEqualTo(10320);
        assertThat(taxi.gaps()).isZero();
        assertThat(taxi.series().end()).isEqualTo(Instant.parse("2015-02-01T00:00:00Z"));
        TraceReadResult elb = TraceReader.read(
                data.resolve("nab/data/realAWSCloudwatch/elb_request_count_8c0756.csv"),
                TraceReadOptions.importDefaults());
        assertThat(elb.rows()).isEqualTo(4032);
        assertThat(elb.gaps()).isEqualTo(8);
        assertThat(elb.series().size()).isEqualTo(4040);
    }

    @Test
    void nasaAugustKeepsEveryRequest() {
        TraceReadResult read = TraceReader.read(
                data.resolve("traces/nasa_http/nasa_http_aug95_per_minute.csv"), TraceReadOptions.importDefaults());
        assertThat(read.series().size()).isEqualTo(44640);
        assertThat(read.gaps()).isZero();
        assertThat(Arrays.stream(read.series().values()).sum()).isEqualTo(1_569_897.0);
    }

    @Test
    void azureRawArrivalsBucketIntoTheSecondsOfTheDerivedFile() {
        TraceReadOptions requests = TraceReadOptions.defaults().withValueColumn("requests");
        TimeSeries perSecond = TraceReader.read(
                        data.resolve("traces/azure_llm_2023/azure_llm_code_requests_per_second.csv"), requests)
                .series();
        TraceReadResult raw = TraceReader.read(
                data.resolve("traces/azure_llm_2023/AzureLLMInferenceTrace_code.csv"),
                TraceReadOptions.defaults().withValueColumn("ContextTokens"));
        assertThat(raw.rows()).isEqualTo(8819);
        assertThat(raw.series().step()).isEqualTo(Duration.ofSeconds(1));
        assertThat(raw.series().start()).isEqualTo(perSecond.start());
        TimeSeries tokens = TraceReader.read(
                        data.resolve("traces/azure_llm_2023/azure_llm_code_requests_per_second.csv"),
                        requests.withValueColumn("context_tokens"))
                .series();
        for (int i = 0; i < tokens.size(); i++) {
            double expected = tokens.valueAt(i) == 0 ? Double.NaN : tokens.valueAt(i);
            assertThat(Double.valueOf(raw.series().valueAt(i)))
                    .as("second %d", i)
                    .isEqualTo(Double.valueOf(expected));
        }
    }
}
