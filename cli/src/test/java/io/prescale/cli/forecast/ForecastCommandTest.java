package io.prescale.cli.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prescale.cli.CliRun;
import io.prescale.core.nn.ModelArchive;
import io.prescale.core.nn.ModelManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ForecastCommandTest {
    static final String TAXI = "src/test/resources/forecast/nyc_taxi_3w.csv";

    @TempDir
    Path temp;

    @Test
    void backtestWritesTheIssueDocument() {
        CliRun run = CliRun.run(
                "forecast",
                "backtest",
                "--input",
                TAXI,
                "--horizon",
                "2h30m",
                "--refit-every",
                "1d",
                "--models",
                "seasonal-naive-weekly,holt-winters,auto",
                "--json");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode doc = run.json();
        assertThat(doc.get("step").asText()).isEqualTo("PT30M");
        assertThat(doc.get("horizonSteps").asInt()).isEqualTo(5);
        assertThat(doc.get("targets").asInt() + doc.get("skippedTargets").asInt())
                .isEqualTo(1008 - (int) (0.8 * 1008));
        assertThat(doc.get("models")).hasSize(3);
        for (JsonNode model : doc.get("models")) {
            for (String field : new String[] {
                "name",
                "mase",
                "wape",
                "smape",
                "nrmse",
                "pinball",
                "coverage80",
                "fitSeconds",
                "predictMicros",
                "fallback"
            }) {
                assertThat(model.has(field)).as(field).isTrue();
            }
        }
        assertThat(doc.get("failed")).isEmpty();
        assertThat(doc.get("best").asText())
                .isIn(
                        "seasonal-naive-daily",
                        "seasonal-naive-weekly",
                        "holt-winters",
                        "arima",
                        "holt-winters+arima",
                        "weighted");
        assertThat(doc.get("seed").asLong()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} {1} is bad input")
    @CsvSource({
        "--horizon, 0",
        "--horizon, 45m",
        "--horizon, -3",
        "--models, magic",
        "--test-from, 2030-01-01T00:00:00Z",
        "--test-from, not-a-time"
    })
    void badOptionsExitTwoNamingTheValue(String option, String value) {
        CliRun run = option.equals("--horizon")
                ? CliRun.run("forecast", "backtest", "--input", TAXI, option, value, "--json")
                : CliRun.run("forecast", "backtest", "--input", TAXI, "--horizon", "5", option, value, "--json");
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
        assertThat(run.json().at("/error/message").asText()).contains(value);
    }

    @ParameterizedTest(name = "{0} is rejected")
    @CsvSource({
        "'timestamp,value\n2024-01-01 00:00:00,\n2024-01-01 00:30:00,\n2024-01-01 01:00:00,\n', no numeric value column",
        "'timestamp,value\n2024-01-01 00:00:00,5\n2024-01-01 00:30:00,5\n2024-01-01 01:00:00,5\n', constant",
        "'timestamp,value\n2024-01-01 00:00:00,5\n2024-01-01 00:30:00,-1\n2024-01-01 01:00:00,5\n', negative"
    })
    void unusableSeriesAreBadInput(String csv, String reason) throws Exception {
        Path file = temp.resolve("bad.csv");
        Files.writeString(file, csv);
        CliRun run = CliRun.run("forecast", "backtest", "--input", file.toString(), "--horizon", "1", "--json");
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
        assertThat(run.json().at("/error/message").asText()).contains(reason);
    }

    @Test
    void trainedModelRoundTripsAndForecastsTheSameQuantiles() {
        Path model = temp.resolve("hw.zip");
        CliRun train = CliRun.run(
                "forecast",
                "train",
                "--input",
                TAXI,
                "--model",
                "holt-winters",
                "--out",
                model.toString(),
                "--horizon",
                "5",
                "--json");
        assertThat(train.exitCode()).as(train.stderr()).isZero();
        CliRun fromFile =
                CliRun.run("forecast", "--input", TAXI, "--model-file", model.toString(), "--horizon", "5", "--json");
        CliRun fresh = CliRun.run("forecast", "--input", TAXI, "--model", "holt-winters", "--horizon", "5", "--json");
        assertThat(fromFile.exitCode()).as(fromFile.stderr()).isZero();
        assertThat(fromFile.json().get("forecast")).isEqualTo(fresh.json().get("forecast"));
        JsonNode first = fromFile.json().at("/forecast/0");
        assertThat(first.get("p10").asDouble())
                .isLessThanOrEqualTo(first.get("p50").asDouble());
        assertThat(first.get("p50").asDouble())
                .isLessThanOrEqualTo(first.get("p99").asDouble());
    }

    @ParameterizedTest(name = "forecast train --model {0} --events keeps the calendar in the file")
    @CsvSource({"holt-winters", "seasonal-naive-weekly"})
    void aTrainedModelKeepsItsEventsForEveryModelThatTakesACalendar(String name) throws Exception {
        Path events = Files.writeString(temp.resolve("events.csv"), """
                name,start,end
                concert1,2014-07-05T20:00:00Z,2014-07-05T23:00:00Z
                concert2,2014-07-12T20:00:00Z,2014-07-12T23:00:00Z
                concert3,2014-07-22T01:00:00Z,2014-07-22T03:00:00Z
                """);
        Path model = temp.resolve(name + "-events.zip");
        CliRun train = CliRun.run(
                "forecast",
                "train",
                "--input",
                TAXI,
                "--model",
                name,
                "--out",
                model.toString(),
                "--horizon",
                "8",
                "--events",
                events.toString(),
                "--json");
        assertThat(train.exitCode()).as(train.stderr()).isZero();
        assertThat(train.json().at("/fit/eventEffects/concert/occurrences").asInt())
                .isEqualTo(2);
        CliRun fromFile =
                CliRun.run("forecast", "--input", TAXI, "--model-file", model.toString(), "--horizon", "8", "--json");
        CliRun fresh = CliRun.run(
                "forecast",
                "--input",
                TAXI,
                "--model",
                name,
                "--events",
                events.toString(),
                "--horizon",
                "8",
                "--json");
        assertThat(fromFile.exitCode()).as(fromFile.stderr()).isZero();
        assertThat(fromFile.json().get("forecast")).isEqualTo(fresh.json().get("forecast"));
    }

    @ParameterizedTest(name = "events line {0} is bad input for forecast backtest")
    @CsvSource(
            delimiter = '|',
            value = {
                "sale1,2014-07-04T10:00:00Z | line 2: expected name,start,end[,kind]",
                "sale1,2014-07-04T10:00:00Z,2014-07-04T09:00:00Z | line 2: event 'sale1' must end after it starts"
            })
    void aBadEventsLineIsNamedByNumber(String line, String message) throws Exception {
        Path events = Files.writeString(temp.resolve("bad-events.csv"), "name,start,end\n" + line + "\n");
        CliRun run = CliRun.run(
                "forecast", "backtest", "--input", TAXI, "--horizon", "5", "--events", events.toString(), "--json");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.json().at("/error/option").asText()).isEqualTo("--events");
        assertThat(run.json().at("/error/message").asText()).contains(message);
    }

    @Test
    void wrongFormatVersionIsBadInputNamingBothVersions() throws Exception {
        Path model = temp.resolve("future.zip");
        ModelArchive.write(model, new ModelManifest("forecast", 99, "9.9", Instant.EPOCH, Map.of()), Map.of());
        CliRun run =
                CliRun.run("forecast", "--input", TAXI, "--model-file", model.toString(), "--horizon", "5", "--json");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.json().at("/error/message").asText()).contains("99").contains("version 1");
    }

    @Test
    void unknownModelNameIsBadInput() {
        CliRun run = CliRun.run(
                "forecast",
                "train",
                "--input",
                TAXI,
                "--model",
                "magic",
                "--out",
                temp.resolve("m.zip").toString(),
                "--json");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.json().at("/error/message").asText()).contains("magic");
        assertThat(temp.resolve("m.zip")).doesNotExist();
    }
}
