package io.prescale.cli.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.actuator.ActuatorJson;
import io.prescale.cli.base.Json;
import io.prescale.core.scale.SeasonalQuantileForecaster;
import io.prescale.core.store.QuestDbStore;
import io.prescale.core.store.SeriesInfo;
import io.prescale.nomad.bench.ActuatorBenchmark;
import io.prescale.nomad.loop.Actuator;
import io.prescale.nomad.loop.ActuatorOptions;
import io.prescale.nomad.loop.CycleReport;
import io.prescale.nomad.loop.DecisionLog;
import io.prescale.nomad.loop.ExampleJobs;
import io.prescale.nomad.loop.GroupResult;
import io.prescale.nomad.loop.LoadSource;
import io.prescale.nomad.loop.StaticJobs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Stage "actuator": one actuator cycle in forecast-only mode over the annotated example job of
 * {@code deploy/nomad/example-service.json} (written to {@code actuator/}), as
 * {@code prescale actuator run --jobs-file FILE --store DIR --step 30m --now T --once} does — no Nomad needed —
 * with the load of {@code store:nyc_taxi} from the demo store up to {@link #NOW}, a Monday afternoon before the
 * evening peak (quick mode fits the benchmark's light seasonal-quantile forecaster). Writes the cycle document to {@code actuator/cycle.json} and leaves {@link ActuatorDecision}.
 */
final class ActuatorStage implements DemoStage {
    /** The instant the cycle is evaluated at: a weekday afternoon of the NYC taxi trace, before its evening peak. */
    static final Instant NOW = Instant.parse("2014-12-01T16:00:00Z");

    /**
     * The example group's decision in the cycle.
     *
     * @param mode the group's mode (forecast-only here: a jobs file is a dry run)
     * @param status {@code ok}, {@code hold}, {@code invalid}, … as in the cycle document
     * @param action {@code scale_out}, {@code scale_in}, {@code reconfigure} or {@code hold}; null without a decision
     * @param quantile the forecast level sized for; {@code quantileFrom} says whether a risk budget chose it
     * @param forecastPeak the forecast peak over the lead at that quantile, requests per step of the trace
     * @param currentLoad the newest observed load
     * @param cycleSeconds the cycle's wall time
     * @param cycle the whole cycle (what the report stage shows)
     */
    record ActuatorDecision(
            Instant now,
            Path jobsFile,
            String namespace,
            String job,
            String group,
            String mode,
            String status,
            String reason,
            int currentCount,
            String action,
            int targetCount,
            double quantile,
            String quantileFrom,
            double forecastPeak,
            double currentLoad,
            double cycleSeconds,
            CycleReport cycle) {}

    @Override
    public String name() {
        return "actuator";
    }

    @Override
    public ObjectNode run(DemoContext context) throws Exception {
        SeriesInfo taxi = context.get(ImportStage.Imported.class).series().get("nyc_taxi");
        if (taxi == null) {
            throw new IllegalStateException("the import stage stored no nyc_taxi series for the actuator stage");
        }
        Path dir = Files.createDirectories(context.outDir().resolve("actuator"));
        Path jobsFile = ExampleJobs.writeExampleService(dir.resolve("example-service.json"));
        ActuatorOptions options = ActuatorOptions.defaults()
                .withDryRun(true)
                .withStep(Duration.ofMinutes(30))
                .withHistory(Duration.ofDays(8))
                .withForecaster(
                        context.quick() ? ActuatorBenchmark.lightForecaster() : new SeasonalQuantileForecaster());
        CycleReport report;
        try (QuestDbStore store = QuestDbStore.open(context.storeDir());
                Actuator actuator = Actuator.builder()
                        .options(options)
                        .jobs(StaticJobs.read(jobsFile))
                        .loads(LoadSource.of(null, store))
                        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                        .log(DecisionLog.to(line -> {}))
                        .build()) {
            report = actuator.runCycle();
        }
        ObjectNode cycle = ActuatorJson.cycle(report);
        Path out = dir.resolve("cycle.json");
        Path tmp = Files.createTempFile(dir, ".cycle", ".tmp");
        Files.writeString(tmp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(Json.sanitise(cycle)));
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        if (report.groups().isEmpty()) {
            throw new IllegalStateException("the example job " + jobsFile + " has no annotated group");
        }
        GroupResult g = report.groups().get(0);
        String action =
                g.decision() == null ? null : g.decision().action().name().toLowerCase(Locale.ROOT);
        ActuatorDecision decision = new ActuatorDecision(
                NOW,
                jobsFile,
                g.ref().namespace(),
                g.ref().job(),
                g.ref().group(),
                g.mode() == null ? null : g.mode().wire(),
                g.status(),
                g.reason(),
                g.currentCount(),
                action,
                g.decision() == null ? g.currentCount() : g.decision().targetCount(),
                g.numbers().getOrDefault("quantile", Double.NaN),
                g.numbers().containsKey("maxUnserved") ? "risk-budget" : "annotation",
                g.numbers().getOrDefault("forecastPeak", Double.NaN),
                g.numbers().getOrDefault("currentLoad", Double.NaN),
                report.cycleSeconds(),
                report);
        context.put(decision);
        context.progress("actuator (forecast-only, " + g.ref().job() + "/"
                + g.ref().group() + " at " + NOW + "): " + g.status() + " — " + g.reason());
        ObjectNode summary = Json.object();
        summary.put("jobsFile", jobsFile.toString());
        summary.put("file", out.toString());
        summary.put(
                "command",
                "prescale actuator run --jobs-file " + jobsFile + " --store " + context.storeDir()
                        + " --step 30m --now " + NOW + " --once --json");
        summary.set("cycle", cycle);
        return summary;
    }
}
