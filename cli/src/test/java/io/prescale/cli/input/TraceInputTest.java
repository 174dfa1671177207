package io.prescale.cli.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prescale.cli.base.BadInputException;
import io.prescale.core.series.TraceReadOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The one --input mixin: the file and every reader flag, read through the one trace reader. */
class TraceInputTest {
    @TempDir
    Path dir;

    @Command(name = "probe")
    static final class Probe {
        @Mixin
        TraceInput input;
    }

    private TraceInput parse(String... args) {
        Probe probe = new Probe();
        new CommandLine(probe).parseArgs(args);
        return probe.input;
    }

    @Test
    void everyReaderFlagReachesTheReader() throws Exception {
        Path csv = Files.writeString(
                dir.resolve("t.csv"),
                "ts,a,b\n2024-01-01 00:00,1,10\n2024-01-01 00:00,2,20\n" + "2024-01-01 00:01,3,30\n");
        TraceInput input = parse("--input", csv.toString(), "--value-column", "b", "--on-duplicate", "sum");
        assertThat(input.given()).isTrue();
        assertThat(input.series().values()).containsExactly(30, 30);
        assertThat(input.read().valueColumn()).isEqualTo("b");
    }

    @Test
    void rowsAsWrittenKeepDuplicatesInFileOrder() throws Exception {
        Path csv = Files.writeString(dir.resolve("t.csv"), "ts,v\n2024-01-01 00:00,1\n2024-01-01 00:00,2\n");
        TraceInput input = parse("--input", csv.toString());
        assertThat(input.read(TraceReadOptions.defaults().withRowsAsWritten(true))
                        .series()
                        .values())
                .containsExactly(1, 2);
    }

    @Test
    void aMissingFileOrFlagValueIsBadInputNamingTheOption() {
        assertThatThrownBy(() -> parse().series())
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("--input");
        assertThatThrownBy(() ->
                        parse("--input", dir.resolve("nope.csv").toString()).series())
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() ->
                        parse("--input", "x.csv", "--on-disorder", "shuffle").series())
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("shuffle");
    }
}
