package io.prescale.cli.scale;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prescale.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScaleBacktestCommandTest {
    static final String TRACE = "src/test/resources/scale/nyc_taxi_first_10_days.csv";

    @Test
    void printsEveryStrategyAndTheFrontierWithTheParamsUsed() {
        CliRun run = CliRun.run("scale", "backtest", "--input", TRACE, "--peak-instances", "10", "--json");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode doc = run.json();
        assertThat(doc.get("command").asText()).isEqualTo("scale backtest");
        assertThat(doc.at("/params/step").asText()).isEqualTo("PT30M");
        assertThat(doc.at("/params/startupSteps").asInt()).isEqualTo(1);
        assertThat(doc.at("/params/warmUpSteps").asInt()).isEqualTo(336);
        assertThat(doc.at("/params/peakInstances").asInt()).isEqualTo(10);
        assertThat(doc.at("/params/maxInstances").asInt()).isEqualTo(20);
        List<String> names = new ArrayList<>();
        doc.get("strategies").forEach(s -> names.add(s.get("name").asText()));
        assertThat(names)
                .containsExactly("prescale", "reactive", "seasonal-offset", "forecast-scale-out-only", "oracle");
        JsonNode oracle = doc.get("strategies").get(4);
        assertThat(oracle.fieldNames())
                .toIterable()
                .containsExactly(
                        "name",
                        "sloViolationMinutes",
                        "violationSteps",
                        "unservedShare",
                        "instanceHours",
                        "actions",
                        "maxInstances");
        assertThat(oracle.get("violationSteps").asInt()).isZero();
        assertThat(doc.get("reactiveFrontier")).hasSize(5);
        assertThat(doc.at("/reactiveFrontier/0").fieldNames())
                .toIterable()
                .containsExactly("targetUtilization", "unservedShare", "instanceHours");
    }

    @Test
    void aCostBalanceReportsTheQuantileChosenAtEachRefit() {
        CliRun balanced = CliRun.run("scale", "backtest", "--input", TRACE, "--unserved-cost", "10", "--json");
        CliRun fixed = CliRun.run("scale", "backtest", "--input", TRACE, "--json");
        assertThat(balanced.exitCode()).as(balanced.stderr()).isZero();
        assertThat(fixed.exitCode()).as(fixed.stderr()).isZero();
        assertThat(balanced.json().at("/params/controller/chosenQuantiles"))
                .isNotEmpty()
                .allSatisfy(q -> assertThat(q.asDouble()).isBetween(0.5, 0.99));
        assertThat(balanced.json().at("/unservedCost").asDouble()).isEqualTo(10);
        assertThat(fixed.json().at("/params/controller/chosenQuantiles").isMissingNode())
                .isTrue();
    }

    @ParameterizedTest(name = "{0} {1} is bad input")
    @CsvSource({
        "--lead, 0s, --lead must be a positive duration",
        "--capacity, 0, --capacity must be a number > 0",
        "--capacity, -3, --capacity must be a number > 0",
        "--target-utilization, 1.5, --target-utilization must be in (0, 1]",
        "--quantile, 1, --quantile must be in (0.5, 1)",
        "--forecaster, prophecy, --forecaster 'prophecy' is not known",
        "--max-unserved, 0, --max-unserved must be a share in (0, 1)",
        "--max-unserved, 1.5, --max-unserved must be a share in (0, 1)",
        "--trend-window, 0s, --trend-window must be a positive duration",
        "--unserved-cost, 0, --unserved-cost must be a number > 0",
    })
    void rejectsBadOptionsWithExitTwo(String option, String value, String message) {
        CliRun run = CliRun.run("scale", "backtest", "--input", TRACE, option, value, "--json");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.json().at("/error/message").asText()).contains(message);
        assertThat(run.json().at("/error/option").asText()).isEqualTo(option);
    }

    @Test
    void rejectsInvertedBoundsAndBothCapacityOptions() {
        CliRun bounds = CliRun.run(
                "scale", "backtest", "--input", TRACE, "--min-instances", "5", "--max-instances", "2", "--json");
        assertThat(bounds.exitCode()).isEqualTo(2);
        assertThat(bounds.json().at("/error/message").asText())
                .contains("--max-instances 2 is below --min-instances 5");
        CliRun both = CliRun.run(
                "scale", "backtest", "--input", TRACE, "--capacity", "10", "--peak-instances", "5", "--json");
        assertThat(both.exitCode()).isEqualTo(2);
    }

    @Test
    void rejectsATraceShorterThanTheWarmUp(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(TRACE)).subList(0, 300);
        Path shortTrace = Files.write(dir.resolve("short.csv"), lines);
        CliRun run = CliRun.run("scale", "backtest", "--input", shortTrace.toString(), "--json");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.json().at("/error/message").asText())
                .contains("not more than the warm-up of 336 steps (7 days)");
    }

    @Test
    void writesTheTimelinePicture(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("plots/timeline.png");
        CliRun run = CliRun.run("scale", "backtest", "--input", TRACE, "--plot", png.toString(), "--json");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(Files.list(png.getParent())).containsExactly(png);
    }

    @Test
    void takesACalendarOfEventsAndReportsIt(@TempDir Path dir) throws Exception {
        Path events = Files.writeString(dir.resolve("events.csv"), """
                name,start,end
                # two overlapping sales are one stretch of sales
                sale1,2014-07-04T10:00:00Z,2014-07-04T14:00:00Z
                sale2,2014-07-04T12:00:00Z,2014-07-04T16:00:00Z
                match,2014-07-05 18:00,2014-07-05 20:00
                old1,2010-01-01,2010-01-02
                """);
        CliRun run = CliRun.run(
                "scale",
                "backtest",
                "--input",
                TRACE,
                "--events",
                events.toString(),
                "--max-unserved",
                "0.01",
                "--trend-window",
                "2h",
                "--json");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode doc = run.json();
        assertThat(doc.at("/events/events").asInt()).isEqualTo(3);
        assertThat(doc.at("/events/mergedOverlaps").asInt()).isEqualTo(1);
        assertThat(doc.at("/events/outsideData").asInt()).isEqualTo(1);
        assertThat(doc.at("/events/kinds").toString()).isEqualTo("[\"match\",\"old\",\"sale\"]");
        assertThat(doc.at("/maxUnserved").asDouble()).isEqualTo(0.01);
        assertThat(doc.at("/trendWindow").asText()).isEqualTo("PT2H");
    }

    @ParameterizedTest(name = "events line {0} is bad input")
    @CsvSource(
            delimiter = '|',
            value = {
                "sale1,2014-07-04T10:00:00Z | line 2: expected name,start,end[,kind]",
                "sale1,2014-07-04T10:00:00Z,soon | line 2: 'soon' is not a timestamp",
                "sale1,2014-07-04T10:00:00Z,2014-07-04T09:00:00Z | line 2: event 'sale1' must end after it starts",
            })
    void namesTheBadLineOfAnEventsFile(String line, String message, @TempDir Path dir) throws Exception {
        Path events = Files.writeString(dir.resolve("events.csv"), "name,start,end\n" + line + "\n");
        CliRun run = CliRun.run("scale", "backtest", "--input", TRACE, "--events", events.toString(), "--json");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.json().at("/error/option").asText()).isEqualTo("--events");
        assertThat(run.json().at("/error/message").asText()).contains(message);
    }
}
