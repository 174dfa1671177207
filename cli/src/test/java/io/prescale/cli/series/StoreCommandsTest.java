package io.prescale.cli.series;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prescale.cli.CliRun;
import io.prescale.cli.Main;
import io.prescale.cli.StoreFixture;
import io.prescale.core.series.TraceReadOptions;
import io.prescale.core.series.TraceReader;
import io.prescale.core.store.QuestDbStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code prescale import} and {@code prescale series …}: the happy paths and every bad input of the store commands. */
class StoreCommandsTest {
    @TempDir
    Path dir;

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--json");
        return CliRun.run(all.toArray(String[]::new));
    }

    private String store() {
        return dir.resolve("store").toString();
    }

    private Path csv(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static void assertBadInput(CliRun run, String option, String... messageParts) {
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
        JsonNode error = run.json().get("error");
        assertThat(error.get("option").asText()).isEqualTo(option);
        assertThat(error.get("message").asText()).contains(messageParts).doesNotContain("\n");
    }

    @Test
    void importsNabFileAndReportsWhatTheReaderSaw() {
        CliRun run =
                run("import", "--from", "nab:" + StoreFixture.nycTaxiDay(), "--series", "taxi", "--store", store());
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode doc = run.json();
        assertThat(doc.at("/read/rows").asInt()).isEqualTo(48);
        assertThat(doc.at("/read/step").asText()).isEqualTo("PT30M");
        assertThat(doc.at("/stored/count").asInt()).isEqualTo(48);
        assertThat(doc.at("/stored/start").asText()).isEqualTo("2014-07-01T00:00:00Z");
        JsonNode list = run("series", "list", "--store", store()).json();
        assertThat(list.at("/series/0/name").asText()).isEqualTo("taxi");
        assertThat(list.at("/series/0/newest").asText())
                .as("freshness: the newest sample and its age")
                .isEqualTo(java.time.Instant.parse(list.at("/series/0/end").asText())
                        .minus(java.time.Duration.parse(
                                list.at("/series/0/step").asText()))
                        .toString());
        assertThat(list.at("/series/0/ageSeconds").asDouble()).isPositive();
        JsonNode show =
                run("series", "show", "--series", "taxi", "--store", store()).json();
        assertThat(show.get("min").asDouble()).isPositive();
        assertThat(show.get("max").asDouble())
                .isGreaterThanOrEqualTo(show.get("mean").asDouble());
    }

    @Test
    void exportedCsvReadsBackAsTheSameSeries() throws IOException {
        Path file = csv(
                "gappy.csv",
                "timestamp,value\n2024-01-01 00:00:00,1\n2024-01-01 00:01:00,2.5\n2024-01-01 00:03:00,4\n");
        assertThat(run("import", "--from", "csv:" + file, "--series", "g", "--store", store())
                        .exitCode())
                .isZero();
        Path out = dir.resolve("out/g.csv");
        CliRun export = run("series", "export", "--series", "g", "--store", store(), "--out", out.toString());
        assertThat(export.exitCode()).as(export.stderr()).isZero();
        assertThat(export.json().get("samples").asInt()).isEqualTo(3);
        assertThat(TraceReader.read(out, TraceReadOptions.importDefaults().withStep(java.time.Duration.ofMinutes(1)))
                        .series())
                .isEqualTo(TraceReader.read(file, TraceReadOptions.importDefaults())
                        .series());
        JsonNode inline = run("series", "export", "--series", "g", "--format", "json", "--store", store())
                .json();
        assertThat(inline.at("/data/1/value").asDouble()).isEqualTo(2.5);
        assertThat(inline.at("/data/2/timestamp").asText()).isEqualTo("2024-01-01T00:03:00Z");
    }

    @Test
    void malformedRowNamesLineAndTextAndLeavesThePreviousImport() throws IOException {
        Path good = csv("good.csv", "timestamp,value\n2024-01-01 00:00:00,1\n2024-01-01 00:01:00,2\n");
        assertThat(run("import", "--from", "csv:" + good, "--series", "s", "--store", store())
                        .exitCode())
                .isZero();
        Path bad = csv(
                "bad.csv", "timestamp,value\n2024-01-01 00:00:00,7\n2024-01-01 00:01:00,8\n2024-01-01 00:02:00,x9\n");
        assertBadInput(
                run("import", "--from", "csv:" + bad, "--series", "s", "--store", store()),
                "--from",
                "line 4",
                "'2024-01-01 00:02:00,x9'");
        JsonNode show =
                run("series", "show", "--series", "s", "--store", store()).json();
        assertThat(show.get("count").asInt()).isEqualTo(2);
        assertThat(show.get("max").asDouble()).isEqualTo(2);
        assertThat(run("series", "list", "--store", store()).json().get("series"))
                .hasSize(1);
    }

    @Test
    void backwardsTimestampsAndDuplicatesAreErrorsUnlessAllowed() throws IOException {
        Path backwards = csv("back.csv", "timestamp,value\n2024-01-01 00:01:00,1\n2024-01-01 00:00:00,2\n");
        assertBadInput(
                run("import", "--from", "csv:" + backwards, "--series", "s", "--store", store()),
                "--from",
                "line 3",
                "goes backwards");
        assertThat(run(
                                "import",
                                "--from",
                                "csv:" + backwards,
                                "--series",
                                "s",
                                "--store",
                                store(),
                                "--on-disorder",
                                "sort")
                        .json()
                        .at("/read/reordered")
                        .asInt())
                .isEqualTo(1);
        Path dup = csv(
                "dup.csv", "timestamp,value\n2024-01-01 00:00:00,1\n2024-01-01 00:00:00,3\n2024-01-01 00:01:00,2\n");
        assertBadInput(
                run("import", "--from", "csv:" + dup, "--series", "s", "--store", store()),
                "--from",
                "duplicate timestamp 2024-01-01T00:00:00Z on lines 2 and 3");
        CliRun summed =
                run("import", "--from", "csv:" + dup, "--series", "s", "--store", store(), "--on-duplicate", "sum");
        assertThat(summed.json().at("/read/duplicatesMerged").asInt()).isEqualTo(1);
        assertBadInput(
                run("import", "--from", "csv:" + dup, "--series", "s", "--store", store(), "--on-duplicate", "max"),
                "--on-duplicate",
                "'max' is not an --on-duplicate rule");
    }

    @Test
    void emptyFileAndUnknownColumnAreNamed() throws IOException {
        Path empty = csv("empty.csv", "");
        assertBadInput(
                run("import", "--from", "csv:" + empty, "--series", "s", "--store", store()), "--from", "is empty");
        Path file = csv("cols.csv", "timestamp,requests\n2024-01-01 00:00:00,1\n");
        assertBadInput(
                run(
                        "import",
                        "--from",
                        "csv:" + file,
                        "--series",
                        "s",
                        "--store",
                        store(),
                        "--value-column",
                        "latency"),
                "--from",
                "unknown --value-column 'latency' (columns: timestamp, requests");
    }

    @Test
    void sourceAndQueryMistakesAreBadInput() {
        assertBadInput(
                run("import", "--from", "s3://bucket/x.csv", "--series", "s", "--store", store()),
                "--from",
                "is not a source (expected csv:FILE, nab:FILE or prometheus:URL)");
        assertBadInput(
                run(
                        "import",
                        "--from",
                        "csv:" + StoreFixture.nycTaxiDay(),
                        "--query",
                        "up",
                        "--series",
                        "s",
                        "--store",
                        store()),
                "--query",
                "--query is only for prometheus: sources");
        assertBadInput(
                run(
                        "import",
                        "--from",
                        "prometheus:http://127.0.0.1:9",
                        "--query",
                        "up",
                        "--series",
                        "s",
                        "--store",
                        store()),
                "--start",
                "needs --start");
        assertBadInput(
                run(
                        "import",
                        "--from",
                        "nab:" + StoreFixture.nycTaxiDay(),
                        "--series",
                        "no spaces",
                        "--store",
                        store()),
                "--series",
                "'no spaces' is not a series name");
    }

    @Test
    void storeDirectoryThatCannotBeWrittenIsBadInputNamingIt() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        String where = file.resolve("store").toString();
        // Named by the option and the user's own path, whichever layer noticed the problem first.
        assertBadInput(
                run("import", "--from", "nab:" + StoreFixture.nycTaxiDay(), "--series", "s", "--store", where),
                "--store",
                where);
        assertBadInput(run("series", "list", "--store", file.toString()), "--store", file.toString());
    }

    @Test
    void lockedStoreIsBadInputNamingDirectoryAndPid() {
        try (QuestDbStore held = QuestDbStore.open(Path.of(store()))) {
            assertBadInput(
                    run("import", "--from", "nab:" + StoreFixture.nycTaxiDay(), "--series", "s", "--store", store()),
                    "--store",
                    "store directory " + held.directory() + " is in use by process "
                            + ProcessHandle.current().pid());
        }
    }

    @Test
    void unknownSeriesNamesThoseThatExist() {
        assertBadInput(
                run(
                        "series",
                        "show",
                        "--series",
                        "nope",
                        "--store",
                        StoreFixture.storeWithWebSeries().toString()),
                "--series",
                "no series 'nope' in the store (series: web)");
    }

    /**
     * QuestDB writes its console log natively to file descriptor 1, past {@code System.setOut}; in a real process,
     * stdout after an import must still be exactly one JSON document.
     */
    @Test
    void realProcessStdoutIsExactlyOneJsonDocumentAfterImport() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "import",
                        "--from",
                        "nab:" + StoreFixture.nycTaxiDay(),
                        "--series",
                        "taxi",
                        "--store",
                        store(),
                        "--json")
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(err).isZero();
        CliRun asRun = new CliRun(0, Files.readString(stdout, StandardCharsets.UTF_8), err);
        assertThat(asRun.json().get("command").asText()).isEqualTo("import");
        assertThat(asRun.stdout().strip().lines()).hasSize(1);
    }
}
