package io.prescale.cli.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prescale.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class OptionsTest {
    @ParameterizedTest
    @CsvSource({
        "500ms,PT0.5S",
        "90s,PT1M30S",
        "10m,PT10M",
        "2h,PT2H",
        "7d,PT168H",
        "1w,PT168H",
        "PT10M,PT10M",
        "P7D,PT168H",
        "pt30s,PT30S",
        "1.5h,PT1H30M"
    })
    void parsesDurationsAsPeopleTypeThem(String text, String iso) {
        assertThat(DurationConverter.parse(text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @CsvSource({"ten minutes", "10x", "''", "-5m"})
    void rejectsWhatIsNotADurationNamingIt(String text) {
        assertThatThrownBy(() -> DurationConverter.parse(text))
                .isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining(text);
    }

    @Test
    void configFileEnvironmentAndFlagsApplyInThatOrder(@TempDir Path temp) throws Exception {
        Path config = temp.resolve("prescale.yaml");
        Files.writeString(
                config,
                "store:\n  dir: " + temp.resolve("from-file") + "\ndemo:\n  out: " + temp.resolve("out-file") + "\n");
        CliRun fromFile = CliRun.run(Map.of("PRESCALE_CONFIG", config.toString()), "demo", "--quick", "--json");
        assertThat(fromFile.exitCode()).as(fromFile.stderr()).isZero();
        assertThat(fromFile.json().get("out").asText())
                .isEqualTo(temp.resolve("out-file").toString());

        CliRun fromEnv = CliRun.run(
                Map.of(
                        "PRESCALE_CONFIG",
                        config.toString(),
                        "PRESCALE_DEMO_OUT",
                        temp.resolve("out-env").toString()),
                "demo",
                "--quick",
                "--json");
        assertThat(fromEnv.json().get("out").asText())
                .isEqualTo(temp.resolve("out-env").toString());

        CliRun fromFlag = CliRun.run(
                Map.of(
                        "PRESCALE_CONFIG",
                        config.toString(),
                        "PRESCALE_DEMO_OUT",
                        temp.resolve("out-env").toString()),
                "demo",
                "--quick",
                "--out",
                temp.resolve("out-flag").toString(),
                "--json");
        assertThat(fromFlag.json().get("out").asText())
                .isEqualTo(temp.resolve("out-flag").toString());
    }

    @Test
    void unknownConfigKeysAreAllReportedAtOnce(@TempDir Path temp) throws Exception {
        Path config = temp.resolve("bad.yaml");
        Files.writeString(config, "store:\n  dri: x\nnosuch:\n  key: 1\n");
        CliRun run = CliRun.run("demo", "--config", config.toString(), "--json");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.json().at("/error/message").asText())
                .contains("store.dri")
                .contains("nosuch.key");
    }
}
