package io.prescale.cli.tune;

import io.prescale.cli.base.BadInputException;
import io.prescale.cli.base.BenchmarkReport;
import io.prescale.cli.base.LeafCommand;
import io.prescale.cli.base.SeedOption;
import io.prescale.cli.base.VersionInfo;
import io.prescale.core.series.LoadProfile;
import io.prescale.core.tune.ConfigSpace;
import io.prescale.core.tune.PolicySimulation;
import io.prescale.core.tune.PpoOptions;
import io.prescale.core.tune.TuneOptions;
import io.prescale.core.tune.TuneResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code prescale bench tune}: a whole tuning run on the local target (the shipped reference space unless
 * {@code --space}; seeded synthetic days unless {@code --profiles}) and the tuning goals as metrics:
 * {@code regretVsOptimum}, {@code episodeCostVsStaticOptimum}, {@code costVsBayesOpt}, {@code costVsRandom} (the PPO
 * policy's top-band cost per hour ÷ theirs, each at zero SLO violations), {@code capacityModelP99ErrorShare},
 * {@code loadTests}, {@code wallSeconds}.
 */
@Command(name = "tune", description = "A whole tuning run on the local target, with the tuning goals.")
public final class TuneBenchCommand extends LeafCommand {
    static final String REFERENCE_SPACE = "/io/prescale/cli/tune/reference-space.yaml";

    @Option(
            names = "--space",
            paramLabel = "FILE",
            description = "Config space (default: the shipped reference space).")
    Path space;

    @Option(
            names = "--profiles",
            paramLabel = "FILE",
            description = "Load profiles (default: 20 seeded synthetic days).")
    Path profiles;

    @Option(
            names = "--budget",
            defaultValue = "40",
            paramLabel = "N",
            description = "Real load tests (default ${DEFAULT-VALUE}).")
    int budget;

    @Option(
            names = "--bands",
            defaultValue = "4",
            paramLabel = "N",
            description = "Load bands (default ${DEFAULT-VALUE}).")
    int bands;

    @Option(
            names = "--peak-rps",
            defaultValue = "300",
            paramLabel = "R",
            description = "99th percentile of the profiles after scaling, requests/s (default ${DEFAULT-VALUE}).")
    double peakRps;

    @Option(
            names = "--trial-duration",
            defaultValue = "4s",
            paramLabel = "D",
            description = "Each load test (default ${DEFAULT-VALUE}).")
    Duration trialDuration;

    @Option(
            names = "--ppo-iterations",
            defaultValue = "60",
            paramLabel = "N",
            description = "PPO iterations (default ${DEFAULT-VALUE}).")
    int ppoIterations;

    @Mixin
    SeedOption seed;

    @Override
    protected Result execute() throws Exception {
        if (budget < 1) {
            throw new BadInputException("--budget", String.valueOf(budget), "--budget must be ≥ 1, got " + budget);
        }
        if (ppoIterations < 1) {
            throw new BadInputException(
                    "--ppo-iterations",
                    String.valueOf(ppoIterations),
                    "--ppo-iterations must be ≥ 1, got " + ppoIterations);
        }
        if (trialDuration.isZero() || trialDuration.isNegative()) {
            throw new BadInputException("--trial-duration", trialDuration.toString(), "--trial-duration must be > 0");
        }
        ConfigSpace parsed = space != null ? TuneRun.readSpace(space) : ConfigSpace.parse(referenceSpace());
        List<LoadProfile> loaded =
                profiles != null ? TuneRun.readProfiles(profiles) : BenchProfiles.days(20, seed.seed());
        TuneOptions options = TuneOptions.defaults()
                .withBudget(budget)
                .withBands(bands)
                .withPeakRps(peakRps)
                .withPpo(PpoOptions.defaults().withIterations(ppoIterations))
                .withSeed(seed.seed())
                .withCodeVersion(VersionInfo.version() + "+" + VersionInfo.commit());
        Path dir = Files.createTempDirectory("prescale-bench-tune");
        TuneRun.Inputs inputs = new TuneRun.Inputs(
                space == null ? Path.of("reference-space.yaml") : space,
                parsed,
                loaded,
                "local",
                options,
                trialDuration,
                Duration.ofSeconds(1),
                dir.resolve("policy.json"),
                dir.resolve("measurements.json"),
                List.of());
        TuneResult r = TuneRun.run(inputs, Clock.systemUTC(), this::progress);
        BenchmarkReport report = new BenchmarkReport("tune");
        report.metric("regretVsOptimum", r.regretVsOptimum());
        report.metric("episodeCostVsStaticOptimum", r.episodeCostVsStaticOptimum());
        report.metric("costVsBayesOpt", r.ppo().costPerHour() / r.bayesOpt().costPerHour());
        report.metric("costVsRandom", r.ppo().costPerHour() / r.random().costPerHour());
        report.metric("capacityModelP99ErrorShare", r.capacityModel().best().p99ErrorShare());
        report.metric("validationP99ErrorShare", r.validationP99ErrorShare());
        report.metric("loadTests", r.measurements().size());
        report.metric("wallSeconds", r.wallSeconds());
        report.metric("ppoSloViolationShare", r.ppo().sloViolationShare());
        report.metric("heldOutViolationShare", r.heldOut().ppoPolicyViolationShare());
        PolicySimulation.Comparison simulated = TuneRun.simulate(r, "nyc_taxi");
        report.metric("simulatedInstanceHoursVsHandWritten", simulated.instanceHoursRatio());
        report.metric("simulatedCostVsHandWritten", simulated.costRatio());
        report.metric("simulatedUnservedShare", simulated.learned().unservedShare());
        report.metric(
                "simulatedHandWrittenUnservedShare", simulated.handWritten().unservedShare());
        report.goal("regretVsOptimum", "<=", 0.03);
        report.goal("heldOutViolationShare", "<=", 0);
        report.goal("episodeCostVsStaticOptimum", "<=", 1);
        report.goal("costVsBayesOpt", "<=", 1);
        report.goal("costVsRandom", "<=", 1);
        report.goal("ppoSloViolationShare", "<=", 0);
        report.goal("capacityModelP99ErrorShare", "<=", 0.15);
        report.goal("validationP99ErrorShare", "<=", 0.15);
        report.goal("loadTests", "<=", 40);
        report.goal("wallSeconds", "<=", 900);
        report.details().put("peakRps", peakRps);
        report.details().put("trialSeconds", trialDuration.toMillis() / 1000.0);
        report.details().put("ppoIterations", ppoIterations);
        report.details().put("policyDigest", r.policy().digest());
        report.details().put("summary", TuneCommand.summary(r));
        report.details().set("simulation", TuneJson.simulation(simulated));
        return Result.of(report.toFields());
    }

    static String referenceSpace() throws IOException {
        try (InputStream in = TuneBenchCommand.class.getResourceAsStream(REFERENCE_SPACE)) {
            if (in == null) {
                throw new IllegalStateException("the shipped reference space " + REFERENCE_SPACE + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
