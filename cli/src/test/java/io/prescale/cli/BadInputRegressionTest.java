package io.prescale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inputs that once crashed, hung, leaked a temp name or were answered as internal failures: each must now be
 * exit 2 with one JSON error document naming the option (and, for paths, the path the user gave), nothing
 * half-written left behind. One row per case: command line, expected option, text the message must contain.
 */
class BadInputRegressionTest {
    @TempDir
    static Path temp;

    private static final String WEB = StoreFixture.storeWithWebSeries().toString();
    private static final String PROFILE = "{\"schemaVersion\":1,\"start\":\"2024-01-01T00:00:00Z\",\"step\":\"PT1S\","
            + "\"unit\":\"requests/s\",\"values\":[%s]}";

    @BeforeAll
    static void files() throws IOException {
        Files.write(temp.resolve("binary.bin"), new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1, 2, (byte) 0xC3, 0x28});
        Files.writeString(temp.resolve("huge-rate.json"), PROFILE.formatted("1e308"));
        Files.writeString(temp.resolve("two.json"), "[" + PROFILE.formatted("2") + "," + PROFILE.formatted("3") + "]");
        Files.createDirectories(temp.resolve("out-dir"));
        Files.writeString(temp.resolve("plain-file"), "x");
        Files.write(temp.resolve("truncated.zip"), new byte[] {'P', 'K', 3, 4, 20, 0, 8, 0});
        StringBuilder negative = new StringBuilder("timestamp,value\n");
        for (int h = 0; h < 24 * 6; h++) {
            negative.append(
                    String.format("2024-01-%02d %02d:00:00,%d%n", 1 + h / 24, h % 24, h == 30 ? -5 : 10 + h % 24));
        }
        Files.writeString(temp.resolve("negative.csv"), negative);
    }

    static Stream<Arguments> cases() {
        String t = temp.toString();
        String target = "http://127.0.0.1:9/";
        return Stream.of(
                row(
                        "loadtest --rate 1e12",
                        "--rate",
                        "limit of 100000 requests/s",
                        "loadtest",
                        "--target",
                        target,
                        "--rate",
                        "1e12",
                        "--duration",
                        "1s"),
                row(
                        "loadtest profile of 1e308",
                        "--profile",
                        "limit of 100000 requests/s",
                        "loadtest",
                        "--target",
                        target,
                        "--profile",
                        t + "/huge-rate.json"),
                row(
                        "loadtest binary profile",
                        "--profile",
                        "not a valid load profile",
                        "loadtest",
                        "--target",
                        target,
                        "--profile",
                        t + "/binary.bin"),
                row(
                        "loadtest --profile-index past the array",
                        "--profile-index",
                        "holds 2 profile(s)",
                        "loadtest",
                        "--target",
                        target,
                        "--profile",
                        t + "/two.json",
                        "--profile-index",
                        "2"),
                row(
                        "generate sample --n 1e8",
                        "--n",
                        "0..10000",
                        "generate",
                        "sample",
                        "--model-file",
                        t + "/none.zip",
                        "--n",
                        "100000000",
                        "--out",
                        t + "/p.json"),
                row(
                        "generate sample --edge-cases -1",
                        "--edge-cases",
                        "--edge-cases must be in 0..2000",
                        "generate",
                        "sample",
                        "--model-file",
                        t + "/none.zip",
                        "--edge-cases",
                        "-1",
                        "--out",
                        t + "/p.json"),
                row(
                        "generate train on negative loads",
                        "--input",
                        "loads must be >= 0",
                        "generate",
                        "train",
                        "--input",
                        t + "/negative.csv",
                        "--model",
                        "vae",
                        "--window",
                        "24",
                        "--iterations",
                        "2",
                        "--out",
                        t + "/neg.zip"),
                row(
                        "generate evaluate --protocol nosuch",
                        "--protocol",
                        "expected temporal or timegan",
                        "generate",
                        "evaluate",
                        "--input",
                        t + "/negative.csv",
                        "--model",
                        "vae",
                        "--window",
                        "24",
                        "--protocol",
                        "nosuch"),
                row(
                        "generate evaluate --dataset sines under the temporal protocol",
                        "--protocol",
                        "use --protocol timegan",
                        "generate",
                        "evaluate",
                        "--dataset",
                        "sines",
                        "--model",
                        "vae",
                        "--window",
                        "24"),
                row(
                        "demo --store naming a file",
                        "--store",
                        "plain-file",
                        "demo",
                        "--quick",
                        "--out",
                        t + "/demo-out",
                        "--store",
                        t + "/plain-file"),
                row(
                        "anomaly score on binary input",
                        "--input",
                        "not UTF-8 text",
                        "anomaly",
                        "score",
                        "--input",
                        t + "/binary.bin"),
                row(
                        "forecast with a truncated model file",
                        "--model-file",
                        "truncated.zip",
                        "forecast",
                        "--input",
                        "src/test/resources/forecast/nyc_taxi_3w.csv",
                        "--model-file",
                        t + "/truncated.zip",
                        "--horizon",
                        "2h"),
                row(
                        "serve-reference --bind 999.1.1.1",
                        "--bind",
                        "999.1.1.1",
                        "serve-reference",
                        "--bind",
                        "999.1.1.1",
                        "--port",
                        "0",
                        "--duration",
                        "1s"),
                row(
                        "series export --out DIR",
                        "--out",
                        "is a directory",
                        "series",
                        "export",
                        "--series",
                        "web",
                        "--store",
                        WEB,
                        "--out",
                        t + "/out-dir"),
                row(
                        "series export --out under a regular file",
                        "--out",
                        t + "/plain-file/web.csv",
                        "series",
                        "export",
                        "--series",
                        "web",
                        "--store",
                        WEB,
                        "--out",
                        t + "/plain-file/web.csv"));
    }

    private static Arguments row(String name, String option, String message, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--json");
        return Arguments.of(name, option, message, all.toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputIsExitTwoNamingTheOption(String name, String option, String message, String[] args)
            throws IOException {
        CliRun run = CliRun.run(args);

        assertThat(run.exitCode()).as("%s: stderr %s", name, run.stderr()).isEqualTo(2);
        JsonNode error = run.json().path("error");
        assertThat(error.path("option").asText()).as(name).isEqualTo(option);
        assertThat(error.path("message").asText())
                .as(name)
                .contains(message)
                .doesNotContain(".tmp")
                .doesNotContain("Exception");
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("left behind by %s", name)
                    .noneMatch(f -> f.endsWith(".tmp"));
        }
        assertThat(run.stderr()).doesNotContain("Log configuration loaded").doesNotContain("\tat ");
        assertThat(temp.resolve("demo-out"))
                .as("nothing written before the options are checked")
                .doesNotExist();
    }

    @Test
    void loadtestReplaysTheChosenProfileOfAGenerateSampleArray() {
        CliRun run = CliRun.run(
                "loadtest",
                "--target",
                "http://127.0.0.1:9/",
                "--profile",
                temp.resolve("two.json").toString(),
                "--profile-index",
                "1",
                "--timeout",
                "200ms",
                "--json");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.json().path("requests").asLong()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void versionWithJsonIsOneDocument() {
        CliRun run = CliRun.run("--version", "--json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.json().path("version").asText()).isNotBlank();
        assertThat(run.json().path("commit").asText()).isNotBlank();
    }

    @Test
    void aBadValueFromTheEnvironmentNamesTheVariable() {
        CliRun run = CliRun.run(
                Map.of("PRESCALE_FORECAST_HORIZON", "abc"),
                "forecast",
                "--input",
                "src/test/resources/forecast/nyc_taxi_3w.csv",
                "--json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.json().path("error").path("message").asText())
                .contains("environment variable PRESCALE_FORECAST_HORIZON");
    }
}
