package io.prescale.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.core.scale.Decision;
import io.prescale.core.scale.ScalingBand;
import io.prescale.core.scale.ScalingPolicy;
import io.prescale.nomad.annotations.GroupRef;
import io.prescale.nomad.annotations.Mode;
import io.prescale.nomad.loop.CycleReport;
import io.prescale.nomad.loop.GroupResult;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report stage shows what later stages plug in without naming their record types: a record carrying a
 * {@link ScalingPolicy} becomes the policy table and {@code policy.json}, one carrying the actuator's
 * {@link CycleReport} the decisions table; with neither, the page says so and no policy is written.
 */
class ReportStageTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    /** As a tune stage might leave its result. */
    record Tuned(ScalingPolicy policy) {}

    /** As an actuator stage might leave its cycle. */
    record ActuatorCycle(CycleReport cycle) {}

    private static DemoContext context(Path out) {
        return new DemoContext(out, out.resolve("store"), true, 7, new PrintStream(OutputStream.nullOutputStream()));
    }

    private static ReportStage stage() {
        return new ReportStage(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aTunedPolicyAndAnActuatorCycleLeftByLaterStagesAreShown(@TempDir Path out) throws Exception {
        ScalingPolicy policy = new ScalingPolicy(
                ScalingPolicy.SCHEMA_VERSION,
                "tuned",
                List.of(
                        new ScalingBand(
                                0, 200, "requests/s", Map.of("count", 2, "env.THREADS", 8), false, 41.5, 2.0, null),
                        new ScalingBand(
                                200,
                                Double.POSITIVE_INFINITY,
                                "requests/s",
                                Map.of("count", 6, "env.THREADS", 16),
                                false,
                                63.0,
                                6.0,
                                null)),
                null,
                null);
        GroupResult web = new GroupResult(
                new GroupRef("default", "web", "api"),
                Mode.FORECAST_ONLY,
                "ok",
                "p90 forecast 480 req/s over the 10m lead needs 6",
                2,
                new Decision(Decision.Action.SCALE_OUT, 6, Map.of(), false, "needs 6", Map.of()),
                null,
                Map.of(),
                Map.of(),
                NOW);
        DemoContext context = context(out);
        context.put(new Tuned(policy));
        context.put(new ActuatorCycle(new CycleReport(NOW, List.of(web), 0.1, Map.of(), null, true)));
        ObjectNode summary = stage().run(context);
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html)
                .contains(
                        "Scaling policy",
                        "env.THREADS 16",
                        "41.5",
                        "What the actuator decided",
                        "2 → 6",
                        "default/web/api (forecast-only): p90 forecast 480 req/s over the 10m lead needs 6");
        assertThat(ScalingPolicy.read(out.resolve("policy.json")).digest()).isEqualTo(policy.digest());
        assertThat(summary.get("policy").asText()).isEqualTo("policy.json");
        assertThat(summary.at("/keyFigures/actuatorChanges").asInt()).isEqualTo(1);
        assertThat(out.resolve("dashboards/prescale-scaling.json")).exists();
    }

    @Test
    void withoutEarlierResultsThePageSaysWhatIsMissingAndNoPolicyIsWritten(@TempDir Path out) throws Exception {
        ObjectNode summary = stage().run(context(out));
        assertThat(Files.readString(out.resolve("report.html")))
                .contains("Not in this run: forecast,")
                .contains("actuator cycle", "tuning", "policy table", "scaling backtest");
        assertThat(out.resolve("policy.json")).doesNotExist();
        assertThat(summary.has("policy")).isFalse();
        assertThat(summary.get("figures").asInt()).isZero();
    }
}
