package io.prescale.core.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader's other modes: rows as written (for NAB scoring), several value columns, and the time parser. */
class TraceReaderModesTest {
    @TempDir
    Path dir;

    @Test
    void rowsAsWrittenKeepEveryRowInFileOrderWithItsOwnTimestamp() {
        String csv = "timestamp,value\n2014-07-01 00:00:00,10\n2014-07-01 00:10:00,30\n2014-07-01 00:05:00,20\n"
                + "2014-07-01 00:05:00,25\n";
        TraceReadResult read =
                TraceReader.readText(csv, "t.csv", TraceReadOptions.defaults().withRowsAsWritten(true));
        assertThat(read.series().values()).containsExactly(10, 30, 20, 25);
        assertThat(read.rowTimes())
                .containsExactly(
                        Instant.parse("2014-07-01T00:00:00Z"),
                        Instant.parse("2014-07-01T00:10:00Z"),
                        Instant.parse("2014-07-01T00:05:00Z"),
                        Instant.parse("2014-07-01T00:05:00Z"));
        assertThat(read.rows()).isEqualTo(4);
        assertThat(read.duplicatesMerged()).isZero();
    }

    @Test
    void theGridIsTheDefaultAndCarriesNoRowTimes() {
        TraceReadResult read = TraceReader.readText(
                "t,v\n2014-07-01 00:00,1\n2014-07-01 00:05,2\n", "t.csv", TraceReadOptions.defaults());
        assertThat(read.rowTimes()).isEmpty();
        assertThat(TraceReadOptions.defaults().rowsAsWritten()).isFalse();
    }

    @Test
    void aTableHoldsEveryValueColumnRowByRow() throws Exception {
        Path file = Files.writeString(
                dir.resolve("m.csv"),
                "time,cpu,load\n2024-01-01 00:00:00,0.5,10\n"
                        + "2024-01-01 01:00:00,0.6,12\n2024-01-01 02:00:00,0.7,14\n");
        TraceTable table = TraceReader.readTable(file, TraceReadOptions.defaults());
        assertThat(table.columns()).isEqualTo(List.of("cpu", "load"));
        assertThat(table.rows()).hasNumberOfRows(3);
        assertThat(table.rows()[2]).containsExactly(0.7, 14);
        assertThat(table.start()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(table.step()).isEqualTo(Duration.ofHours(1));
        assertThat(table.timeColumn()).isEqualTo("time");
    }

    @Test
    void aTableRefusesGapsNamingTheLine() throws Exception {
        Path file = Files.writeString(dir.resolve("g.csv"), "time,load\n2024-01-01 00:00,1\n2024-01-01 01:00,\n");
        assertThatThrownBy(() -> TraceReader.readTable(file, TraceReadOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("fill gaps first");
    }

    @Test
    void theOneTimeParserTakesIsoDatesOffsetsAndEpochs() {
        assertThat(Timestamps.parseInstant("2014-12-28T00:00:00")).isEqualTo(Instant.parse("2014-12-28T00:00:00Z"));
        assertThat(Timestamps.parseInstant("2014-12-28")).isEqualTo(Instant.parse("2014-12-28T00:00:00Z"));
        assertThat(Timestamps.parseInstant("2014-12-28 01:00+01:00")).isEqualTo(Instant.parse("2014-12-28T00:00:00Z"));
        assertThat(Timestamps.parseInstant("1419724800")).isEqualTo(Instant.parse("2014-12-28T00:00:00Z"));
        assertThat(Timestamps.parseInstant("1419724800000")).isEqualTo(Instant.parse("2014-12-28T00:00:00Z"));
        assertThatThrownBy(() -> Timestamps.parseInstant("yesterday"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'yesterday' is not a timestamp");
    }
}
