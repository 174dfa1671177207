package io.prescale.cli.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prescale.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnomalyCommandTest {
    private static final Path NAB = resource("nab");
    private static final String DATA = NAB.resolve("data").toString();
    private static final String LABELS = NAB.resolve("combined_windows.json").toString();

    @Test
    void nabPrintsTheIssueDocumentAndCountsIgnoredLabelEntries() {
        CliRun run =
                CliRun.run("anomaly", "nab", "--data", DATA, "--labels", LABELS, "--detector", "iforest", "--json");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode doc = run.json();
        List<String> names = new java.util.ArrayList<>();
        doc.fieldNames().forEachRemaining(names::add);
        assertThat(names)
                .containsExactly(
                        "command",
                        "schemaVersion",
                        "prescaleVersion",
                        "seed",
                        "detector",
                        "thresholdSource",
                        "thresholds",
                        "windows",
                        "standard",
                        "lowFp",
                        "lowFn",
                        "fixed",
                        "files",
                        "ignoredLabelEntries");
        assertThat(doc.get("thresholdSource").asText()).isEqualTo("optimised-on-input");
        assertThat(doc.get("windows").asInt()).isEqualTo(2);
        assertThat(doc.get("ignoredLabelEntries").asInt()).isEqualTo(1);
        JsonNode file = doc.at("/files/0");
        assertThat(file.get("file").asText()).isEqualTo("realAWSCloudwatch/iio_us-east-1_i-a2eb1cd9_NetworkIn.csv");
        assertThat(file.get("rows").asInt()).isEqualTo(1243);
        assertThat(file.at("/standard").has("tp")).isTrue();
        assertThat(doc.get("standard").asDouble()).isBetween(-1000.0, 100.0);
    }

    @Test
    void labelFileNotInNabFormatIsBadInput(@TempDir Path temp) throws Exception {
        Path labels = Files.writeString(temp.resolve("labels.json"), "[\"not\", \"nab\"]");
        assertBadInput(
                CliRun.run("anomaly", "nab", "--data", DATA, "--labels", labels.toString(), "--json"),
                "not a NAB windows file");
    }

    @Test
    void dataDirectoryWithoutLabelledFilesIsBadInput(@TempDir Path temp) {
        assertBadInput(
                CliRun.run("anomaly", "nab", "--data", temp.toString(), "--labels", LABELS, "--json"),
                "no labelled NAB data file");
    }

    @Test
    void rowThatDoesNotParseIsBadInputNamingFileAndLine() {
        assertBadInput(
                CliRun.run(
                        "anomaly",
                        "nab",
                        "--data",
                        NAB.resolve("bad").toString(),
                        "--labels",
                        LABELS,
                        "--detector",
                        "iforest",
                        "--json"),
                "iio_us-east-1_i-a2eb1cd9_NetworkIn.csv line 6");
    }

    @Test
    void crossValidationNeedsTwoCategoriesAndNamesTheChoices() {
        assertBadInput(
                CliRun.run(
                        "anomaly",
                        "nab",
                        "--data",
                        DATA,
                        "--labels",
                        LABELS,
                        "--detector",
                        "likelihood",
                        "--cross-validate",
                        "category",
                        "--json"),
                "at least two categories");
        assertBadInput(
                CliRun.run("anomaly", "nab", "--data", DATA, "--labels", LABELS, "--cross-validate", "file", "--json"),
                "expected category");
    }

    @Test
    void unknownDetectorIsBadInput() {
        assertBadInput(
                CliRun.run(
                        "anomaly",
                        "score",
                        "--input",
                        DATA + "/realAWSCloudwatch/iio_us-east-1_i-a2eb1cd9_NetworkIn.csv",
                        "--detector",
                        "lstm",
                        "--json"),
                "unknown detector 'lstm'");
    }

    @Test
    void scoreListsTopAnomaliesApartAndOneScorePerRow() {
        CliRun run = CliRun.run(
                "anomaly",
                "score",
                "--input",
                DATA + "/realAWSCloudwatch/iio_us-east-1_i-a2eb1cd9_NetworkIn.csv",
                "--detector",
                "iforest",
                "--top",
                "3",
                "--json");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode doc = run.json();
        assertThat(doc.get("scores").size()).isEqualTo(1243);
        assertThat(doc.get("top").size()).isEqualTo(3);
        int a = doc.at("/top/0/row").asInt();
        int b = doc.at("/top/1/row").asInt();
        assertThat(Math.abs(a - b)).isGreaterThanOrEqualTo(50);
        assertThat(doc.at("/top/0/score").asDouble())
                .isGreaterThanOrEqualTo(doc.at("/top/1/score").asDouble());
    }

    private static void assertBadInput(CliRun run, String messagePart) {
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
        assertThat(run.json().at("/error/message").asText())
                .contains(messagePart)
                .doesNotContain("\n");
    }

    private static Path resource(String name) {
        try {
            return Path.of(AnomalyCommandTest.class
                    .getResource("/io/prescale/cli/anomaly/" + name)
                    .toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
