package io.prescale.core.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reader's size limits and its refusal to reinterpret a time column that stops parsing. */
class TraceReaderLimitsTest {
    private static final TraceReadOptions DEFAULTS = TraceReadOptions.defaults();
    /** A hang guard, not a performance goal: a refusal takes milliseconds. */
    private static final Duration GUARD = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void aHugeOneLineFileIsRefusedAtTheLineLimitWithoutReadingTheRest() throws IOException {
        Path file = dir.resolve("one-line.csv");
        byte[] block = "1234567,".repeat(8192).getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < 64; i++) { // 4 MiB, one line
                out.write(block);
            }
        }
        IllegalArgumentException e = assertTimeoutPreemptively(
                GUARD,
                () -> catchThrowableOfType(IllegalArgumentException.class, () -> TraceReader.read(file, DEFAULTS)));

        assertThat(e).hasMessageContaining("line 1 is longer than " + TraceReader.MAX_LINE_CHARS + " characters");
        assertThat(e.getMessage().length() - file.toString().length()).isLessThan(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "1", "1,", "\"a"})
    void aLongLineInTextIsRefusedNamingTheLimitAndShowingLittle(String unit) {
        String text = "time,value\n2024-01-01T00:00:00Z,1\n" + unit.repeat(TraceReader.MAX_LINE_CHARS + 1) + "\n";

        IllegalArgumentException e = assertTimeoutPreemptively(
                GUARD,
                () -> catchThrowableOfType(
                        IllegalArgumentException.class, () -> TraceReader.readText(text, "in.csv", DEFAULTS)));

        assertThat(e).hasMessageStartingWith("in.csv line 3 is longer than 65536 characters");
        assertThat(e.getMessage()).hasSizeLessThan(200);
    }

    @Test
    void aLongCellUnderTheLineLimitIsNoNumberAndIsShownCut() {
        String cell = "9".repeat(60_000);
        String text = "time,value\n2024-01-01T00:00:00Z,1\n2024-01-01T00:01:00Z," + cell + "\n";

        IllegalArgumentException e = assertTimeoutPreemptively(
                GUARD,
                () -> catchThrowableOfType(
                        IllegalArgumentException.class, () -> TraceReader.readText(text, "in.csv", DEFAULTS)));

        assertThat(e).hasMessageContaining("in.csv line 3").hasMessageContaining("is not a finite number");
        assertThat(e.getMessage()).hasSizeLessThan(300);
    }

    @Test
    void aStreamOverTheByteLimitIsRefusedBeforeItIsReadWhole() {
        byte[] bytes = "a,b\n1,2\n3,4\n".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> BoundedText.read(new ByteArrayInputStream(bytes), "in.csv", 8, 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("larger than 8 bytes");
    }

    @Test
    void bytesThatAreNotUtf8AreNamedWithTheirLine() {
        byte[] bytes = {'a', ',', 'b', '\n', '1', ',', (byte) 0xC3, (byte) 0x28, '\n'};

        assertThatThrownBy(() -> TraceReader.read(new ByteArrayInputStream(bytes), "in.csv", DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("in.csv line 2 is not UTF-8 text");
    }

    @Test
    void anIsoTimeColumnThatTurnsToEpochIsAnErrorNamingTheLine() {
        StringBuilder csv = new StringBuilder("timestamp,value\n");
        for (int i = 0; i < 50; i++) {
            csv.append("2024-01-01T00:")
                    .append(String.format("%02d", i))
                    .append(":00Z,")
                    .append(i)
                    .append('\n');
        }
        for (int i = 0; i < 50; i++) {
            csv.append(1704070800 + 60 * i).append(',').append(i).append('\n');
        }

        assertThatThrownBy(() -> TraceReader.readText(csv.toString(), "mixed.csv", DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("mixed.csv line 52: '1704070800' in column timestamp is not a timestamp");
    }

    @Test
    void anEpochColumnNamedTimestampThatTurnsToIsoIsAnErrorNamingTheLine() {
        StringBuilder csv = new StringBuilder("timestamp,value\n");
        for (int i = 0; i < 50; i++) {
            csv.append(1704070800 + 60 * i).append(',').append(i).append('\n');
        }
        for (int i = 0; i < 50; i++) {
            csv.append("2024-01-02T00:")
                    .append(String.format("%02d", i))
                    .append(":00Z,")
                    .append(i)
                    .append('\n');
        }

        assertThatThrownBy(() -> TraceReader.readText(csv.toString(), "mixed.csv", DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "mixed.csv line 52: '2024-01-02T00:00:00Z' in column timestamp is not a timestamp");
    }
}
