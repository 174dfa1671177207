package io.prescale.core.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.prescale.core.series.TraceReadOptions.OnDisorder;
import io.prescale.core.series.TraceReadOptions.OnDuplicate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TraceReaderTest {
    private static final TraceReadOptions DEFAULTS = TraceReadOptions.defaults();
    private static final TraceReadOptions STRICT = TraceReadOptions.importDefaults();

    private static TraceReadResult resource(String name, TraceReadOptions options) throws IOException {
        try (InputStream in = TraceReaderTest.class.getResourceAsStream("traces/" + name)) {
            assertThat(in).as(name).isNotNull();
            return TraceReader.read(in, name, options);
        }
    }

    private static TraceReadResult text(String csv, TraceReadOptions options) {
        return TraceReader.readText(csv, "test.csv", options);
    }

    @Test
    void readsNabFileOnItsThirtyMinuteGrid() throws IOException {
        TraceReadResult read = resource("nyc_taxi_head.csv", STRICT);
        TimeSeries series = read.series();
        assertThat(series.start()).isEqualTo(Instant.parse("2014-07-01T00:00:00Z"));
        assertThat(series.step()).isEqualTo(Duration.ofMinutes(30));
        assertThat(series.size()).isEqualTo(200);
        assertThat(series.valueAt(0)).isEqualTo(10844);
        assertThat(series.valueAt(1)).isEqualTo(8127);
        assertThat(read.timeColumn()).isEqualTo("timestamp");
        assertThat(read.valueColumn()).isEqualTo("value");
        assertThat(read.timeFormat()).isEqualTo("iso");
        assertThat(read.rows()).isEqualTo(200);
        assertThat(read.gaps()).isZero();
        assertThat(read.stepInferred()).isTrue();
    }

    @Test
    void readsNasaPerMinuteCounts() throws IOException {
        TraceReadResult read = resource("nasa_http_aug95_head.csv", STRICT);
        assertThat(read.series().step()).isEqualTo(Duration.ofMinutes(1));
        assertThat(read.series().size()).isEqualTo(300);
        assertThat(read.series().valueAt(0)).isEqualTo(51);
        assertThat(read.valueColumn()).isEqualTo("requests");
    }

    @Test
    void takesFirstNumericColumnOfAzurePerSecondTrace() throws IOException {
        TraceReadResult read = resource("azure_llm_code_per_second_head.csv", STRICT);
        assertThat(read.valueColumn()).isEqualTo("requests");
        assertThat(read.series().step()).isEqualTo(Duration.ofSeconds(1));
        assertThat(read.series().valueAt(1)).isEqualTo(7);
        assertThat(read.series().size()).isEqualTo(120);
    }

    @Test
    void valueColumnByNameOverridesTheFirstNumericOne() throws IOException {
        TraceReadResult read = resource("azure_llm_code_per_second_head.csv", STRICT.withValueColumn("context_tokens"));
        assertThat(read.valueColumn()).isEqualTo("context_tokens");
        assertThat(read.series().valueAt(0)).isEqualTo(4808);
    }

    @Test
    void bucketsIrregularAzureArrivalsIntoWholeSecondsSummingCounts() throws IOException {
        TraceReadResult read = resource("azure_llm_code_raw_head.csv", DEFAULTS);
        TimeSeries series = read.series();
        assertThat(read.timeColumn()).isEqualTo("TIMESTAMP");
        assertThat(read.valueColumn()).isEqualTo("ContextTokens");
        assertThat(series.step()).isEqualTo(Duration.ofSeconds(1));
        assertThat(series.start()).isEqualTo(Instant.parse("2023-11-16T18:17:03Z"));
        assertThat(series.valueAt(0)).isEqualTo(4808);
        assertThat(Arrays.stream(series.values()).filter(v -> !Double.isNaN(v)).sum())
                .isEqualTo(627529.0);
        assertThat(read.bucketed()).isEqualTo(300);
        assertThat(read.stepInferred()).isTrue();
    }

    @Test
    void irregularTrafficSensorKeepsItsMostCommonStepAndConservesCounts() throws IOException {
        TraceReadResult read = resource("travel_time_451_head.csv", DEFAULTS);
        assertThat(read.series().step()).isEqualTo(Duration.ofMinutes(10));
        assertThat(read.bucketed()).isPositive();
        assertThat(read.gaps()).isPositive();
        double expected = sumOfColumn("travel_time_451_head.csv", 1);
        assertThat(Arrays.stream(read.series().values())
                        .filter(v -> !Double.isNaN(v))
                        .sum())
                .isCloseTo(expected, within(1e-6));
    }

    @Test
    void mergesNabDuplicateTimestampsOrNamesThemUnderError() throws IOException {
        TraceReadResult read = resource("ec2_disk_write_duplicates.csv", DEFAULTS);
        assertThat(read.duplicatesMerged()).isEqualTo(11);
        assertThat(read.rows()).isEqualTo(41);
        assertThatThrownBy(() -> resource("ec2_disk_write_duplicates.csv", STRICT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate timestamp 2014-03-09T03:00:00Z on lines 22 and 23");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"MEAN, 2.0", "SUM, 6.0", "LAST, 3.0"})
    void duplicateRules(OnDuplicate rule, double expected) {
        TraceReadResult read = text(
                "t,v\n2020-01-01T00:00:00Z,1\n2020-01-01T00:00:00Z,2\n2020-01-01T00:00:00Z,3\n"
                        + "2020-01-01T00:01:00Z,9\n",
                DEFAULTS.withOnDuplicate(rule));
        assertThat(read.series().valueAt(0)).isEqualTo(expected);
        assertThat(read.duplicatesMerged()).isEqualTo(2);
    }

    @Test
    void malformedRowNamesLineNumberAndText() {
        assertThatThrownBy(() -> text("timestamp,value\n2020-01-01 00:00:00,1\n2020-01-01 00:01:00,abc\n", STRICT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test.csv line 3")
                .hasMessageContaining("'2020-01-01 00:01:00,abc'")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> text("timestamp,value\n2020-01-01 00:00:00,1\nyesterday,2\n", STRICT))
                .hasMessageContaining("line 3")
                .hasMessageContaining("'yesterday' in column timestamp is not a timestamp");
        assertThatThrownBy(() -> text("timestamp,value\n2020-01-01 00:00:00,1\n2020-01-01 00:01:00\n", STRICT))
                .hasMessageContaining("line 3")
                .hasMessageContaining("fewer than 2 columns");
    }

    @Test
    void backwardsTimestampIsAnErrorOrSorted() {
        String csv = "timestamp,value\n2020-01-01 00:00:00,1\n2020-01-01 00:02:00,3\n2020-01-01 00:01:00,2\n";
        assertThatThrownBy(() -> text(csv, STRICT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "line 4: timestamp 2020-01-01T00:01:00Z goes backwards (line 3 has 2020-01-01T00:02:00Z)");
        TraceReadResult sorted = text(csv, STRICT.withOnDisorder(OnDisorder.SORT));
        assertThat(sorted.series().values()).containsExactly(1, 2, 3);
        assertThat(sorted.reordered()).isEqualTo(1);
    }

    @Test
    void emptyFileAndHeaderOnlyAreErrors(@TempDir Path dir) throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        assertThatThrownBy(() -> TraceReader.read(empty, STRICT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(empty + " is empty");
        assertThatThrownBy(() -> text(" \n\n", STRICT)).hasMessageContaining("test.csv is empty");
        assertThatThrownBy(() -> text("timestamp,value\n", STRICT)).hasMessageContaining("header but no data rows");
        assertThatThrownBy(() -> TraceReader.read(dir.resolve("missing.csv"), STRICT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing.csv is not a readable file");
    }

    @Test
    void unknownColumnNamesTheAvailableOnes() {
        String csv = "timestamp,requests,tokens\n2020-01-01 00:00:00,1,5\n";
        assertThatThrownBy(() -> text(csv, STRICT.withValueColumn("latency")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown --value-column 'latency' (columns: timestamp, requests, tokens");
        assertThatThrownBy(() -> text(csv, STRICT.withTimeColumn("7")))
                .hasMessageContaining("unknown --time-column '7'");
    }

    @Test
    void columnsByIndexAndHeaderlessFiles() {
        TraceReadResult read = text(
                "2020-01-01T00:00:00Z,5,7\n2020-01-01T00:00:10Z,6,8\n",
                STRICT.withTimeColumn("0").withValueColumn("2"));
        assertThat(read.valueColumn()).isEqualTo("2");
        assertThat(read.series().values()).containsExactly(7, 8);
        assertThat(read.series().step()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void withoutTimeColumnRowsAreConsecutiveSteps() {
        TraceReadResult read = text("requests\n4\n\n5\n6\n", STRICT);
        assertThat(read.timeColumn()).isNull();
        assertThat(read.timeFormat()).isEqualTo("none");
        assertThat(read.series().start()).isEqualTo(Instant.EPOCH);
        assertThat(read.series().step()).isEqualTo(Duration.ofSeconds(1));
        assertThat(read.series().values()).containsExactly(4, 5, 6);
        assertThat(text("3\n4\n", STRICT.withStep(Duration.ofMinutes(5)))
                        .series()
                        .step())
                .isEqualTo(Duration.ofMinutes(5));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "2020-03-01T10:00:00Z|2020-03-01T10:00:00Z",
                "2020-03-01 10:00:00|2020-03-01T10:00:00Z",
                "2020-03-01T12:00:00+02:00|2020-03-01T10:00:00Z",
                "2020-03-01T05:00:00-0500|2020-03-01T10:00:00Z",
                "2020-03-01 10:00:00.1234567|2020-03-01T10:00:00.1234567Z",
                "2020-03-01T10:00|2020-03-01T10:00:00Z",
                "2020-03-01T11:00:00+01:00[Europe/Paris]|2020-03-01T10:00:00Z",
                "1583056800|2020-03-01T10:00:00Z",
                "1583056800500|2020-03-01T10:00:00.5Z",
                "1583056800.25|2020-03-01T10:00:00.25Z"
            })
    void timestampForms(String written, String expected) {
        TraceReadResult read = text("when;value\n" + written + ";1\n", STRICT);
        assertThat(read.timeColumn()).isEqualTo("when");
        assertThat(read.series().start()).isEqualTo(Instant.parse(expected));
    }

    @Test
    void numericMetricIsNotMistakenForEpochTime() {
        TraceReadResult read = text("bytes,cpu\n1583056800,1\n1483056800,2\n", STRICT);
        assertThat(read.timeColumn()).isNull();
        assertThat(read.valueColumn()).isEqualTo("bytes");
    }

    @Test
    void missingRowsAndEmptyCellsAreGaps() {
        TraceReadResult read = text(
                "timestamp,value\n2020-01-01 00:00:00,1\n2020-01-01 00:01:00,\n"
                        + "2020-01-01 00:02:00,3\n2020-01-01 00:05:00,NaN\n2020-01-01 00:06:00,6\n",
                STRICT);
        assertThat(read.series().size()).isEqualTo(7);
        assertThat(read.gaps()).isEqualTo(4);
        assertThat(read.series().valueAt(6)).isEqualTo(6);
        assertThatThrownBy(() -> text("timestamp,value\n2020-01-01 00:00:00,Infinity\n", STRICT))
                .hasMessageContaining("line 2")
                .hasMessageContaining("is not a finite number");
    }

    @Test
    void givenStepBucketsCountsBySumAndRatesByMean() {
        String csv = "timestamp,value\n2020-01-01 00:00:00,1\n2020-01-01 00:01:00,2\n2020-01-01 00:02:00,6\n";
        TraceReadOptions fiveMinutes = STRICT.withStep(Duration.ofMinutes(5));
        assertThat(text(csv, fiveMinutes).series().values()).containsExactly(9);
        assertThat(text(csv, fiveMinutes.withUnit(LoadProfile.Unit.RATE))
                        .series()
                        .values())
                .containsExactly(3);
        assertThat(text(csv, fiveMinutes).stepInferred()).isFalse();
    }

    @Test
    void quotedCellsAndCrLf() {
        TraceReadResult read =
                text("\"time\",\"value\"\r\n\"2020-01-01 00:00:00\",\"1\"\r\n\"2020-01-01 00:00:01\",2\r\n", STRICT);
        assertThat(read.series().values()).containsExactly(1, 2);
    }

    private static double sumOfColumn(String name, int column) throws IOException {
        try (InputStream in = TraceReaderTest.class.getResourceAsStream("traces/" + name)) {
            return new String(in.readAllBytes())
                    .lines()
                    .skip(1)
                    .mapToDouble(line -> Double.parseDouble(line.split(",")[column]))
                    .sum();
        }
    }
}
