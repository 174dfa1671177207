package io.prescale.cli.tune;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.BadInputException;
import io.prescale.cli.base.Json;
import io.prescale.cli.base.LeafCommand;
import io.prescale.cli.base.SeedOption;
import io.prescale.cli.base.VersionInfo;
import io.prescale.core.tune.ConfigSpace;
import io.prescale.core.tune.Measurement;
import io.prescale.core.tune.PolicySimulation;
import io.prescale.core.tune.PpoOptions;
import io.prescale.core.tune.TuneOptions;
import io.prescale.core.tune.TuneResult;
import io.prescale.nomad.client.NomadClient;
import io.prescale.nomad.client.NomadConfig;
import io.prescale.nomad.client.NomadToken;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code prescale tune}: learns a {@code ScalingPolicy} from real load tests of a staging target — a space-filling
 * design calibrates the capacity model, PPO learns over the profiles, random search and Bayesian optimisation get
 * the same real-test budget each — and writes it to {@code --out}. Progress (trial k of N, ETA) on stderr.
 */
@Command(
        name = "tune",
        description = "Learn the cheapest configuration per load band from real load tests (PPO; grid, "
                + "Bayesian-optimisation and random-search baselines).")
public final class TuneCommand extends LeafCommand {
    @Option(
            names = "--space",
            required = true,
            paramLabel = "FILE",
            description = "Config space YAML (knobs, cost, SLO).")
    Path space;

    @Option(
            names = "--profiles",
            required = true,
            paramLabel = "FILE",
            description = "Load profiles: a JSON array as generate sample writes, or one profile.")
    Path profiles;

    @Option(
            names = "--target",
            defaultValue = "local",
            paramLabel = "local|nomad:JOB/GROUP",
            description = "Staging target (default ${DEFAULT-VALUE}).")
    String target;

    @Option(
            names = "--budget",
            defaultValue = "40",
            paramLabel = "N",
            description = "Real load tests in all (default ${DEFAULT-VALUE}).")
    int budget;

    @Option(
            names = "--bands",
            defaultValue = "4",
            paramLabel = "N",
            description = "Load bands of the policy (default ${DEFAULT-VALUE}).")
    int bands;

    @Option(
            names = "--peak-rps",
            paramLabel = "R",
            description = "Scale the profiles so that their 99th percentile is R requests/s (default: as given).")
    Double peakRps;

    @Option(
            names = "--trial-duration",
            defaultValue = "4s",
            paramLabel = "D",
            description = "Measured length of each load test (default ${DEFAULT-VALUE}).")
    Duration trialDuration;

    @Option(
            names = "--warmup",
            defaultValue = "1s",
            paramLabel = "D",
            description = "Unmeasured lead-in of each load test (default ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(
            names = "--ppo-iterations",
            defaultValue = "60",
            paramLabel = "N",
            description = "PPO iterations (default ${DEFAULT-VALUE}).")
    int ppoIterations;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "Policy JSON to write (only when the run finishes).")
    Path out;

    @Option(
            names = "--measurements",
            paramLabel = "FILE",
            description = "Where measurements are kept as they come (default: OUT.measurements.json).")
    Path measurements;

    @Option(
            names = "--resume",
            paramLabel = "FILE",
            description = "Continue from the measurements file of an earlier run.")
    Path resume;

    @Option(
            names = "--nomad",
            paramLabel = "URL",
            description = "Nomad's HTTP address for --target nomad:JOB/GROUP, e.g. http://127.0.0.1:4646.")
    String nomad;

    @Option(
            names = "--nomad-token-file",
            paramLabel = "FILE",
            description = "File holding the Nomad ACL token (else $NOMAD_TOKEN).")
    Path nomadTokenFile;

    @Option(
            names = "--service-url",
            paramLabel = "URL",
            description = "Where the staging group's service answers (repeatable), for --target nomad:JOB/GROUP.")
    List<String> serviceUrls = new ArrayList<>();

    @Option(
            names = "--deploy-timeout",
            defaultValue = "10m",
            paramLabel = "D",
            description = "How long a staging deployment may take (default ${DEFAULT-VALUE}).")
    Duration deployTimeout;

    @Option(
            names = "--simulate-trace",
            defaultValue = "nyc_taxi",
            paramLabel = "NAME",
            description =
                    "Shipped trace the policy is driven over by the controller in the simulator (default ${DEFAULT-VALUE}).")
    String simulateTrace;

    @Option(names = "--plot", paramLabel = "FILE", description = "Also draw the learning curves into this PNG.")
    Path plot;

    @Mixin
    SeedOption seed;

    @Override
    protected Result execute() throws Exception {
        TuneRun.checkTarget(target);
        positive("--budget", budget);
        positive("--bands", bands);
        positive("--ppo-iterations", ppoIterations);
        positiveDuration("--trial-duration", trialDuration);
        if (warmup.isNegative()) {
            throw new BadInputException("--warmup", warmup.toString(), "--warmup must be ≥ 0, got " + warmup);
        }
        if (peakRps != null && !(peakRps > 0 && Double.isFinite(peakRps))) {
            throw new BadInputException(
                    "--peak-rps", String.valueOf(peakRps), "--peak-rps must be > 0, got " + peakRps);
        }
        TuneRun.shippedTrace(simulateTrace);
        if (target.startsWith("nomad:")) {
            checkNomad();
        }
        ConfigSpace parsed = TuneRun.readSpace(space);
        var loaded = TuneRun.readProfiles(profiles);
        List<Measurement> resumed = resume == null ? List.of() : TuneRun.readResume(resume);
        TuneOptions options = TuneOptions.defaults()
                .withBudget(budget)
                .withBands(bands)
                .withPeakRps(peakRps == null ? Double.NaN : peakRps)
                .withPpo(PpoOptions.defaults().withIterations(ppoIterations))
                .withSeed(seed.seed())
                .withCodeVersion(VersionInfo.version() + "+" + VersionInfo.commit());
        Path kept = measurements != null ? measurements : Path.of(out.toString() + ".measurements.json");
        TuneRun.Inputs inputs =
                new TuneRun.Inputs(space, parsed, loaded, target, options, trialDuration, warmup, out, kept, resumed);
        TuneResult result;
        if (target.startsWith("nomad:")) {
            try (NomadClient client = nomadClient()) {
                result = TuneRun.run(
                        inputs,
                        Clock.systemUTC(),
                        this::progress,
                        () -> TuneRun.nomadTarget(target, parsed, client, serviceUrls, deployTimeout));
            }
        } else {
            result = TuneRun.run(inputs, Clock.systemUTC(), this::progress);
        }
        if (plot != null) {
            LearningCurvePlot.write(result, plot);
        }
        PolicySimulation.Comparison simulated = TuneRun.simulate(result, simulateTrace);
        ObjectNode fields = Json.object();
        fields.put("target", target);
        fields.put("budget", budget);
        Json.appendFields(fields, TuneJson.result(result));
        fields.set("simulation", TuneJson.simulation(simulated));
        fields.put("policyFile", out.toAbsolutePath().toString());
        fields.put("policyDigest", result.policy().digest());
        fields.put("measurementsFile", kept.toAbsolutePath().toString());
        if (plot != null) {
            fields.put("plotFile", plot.toAbsolutePath().toString());
        }
        return new Result(fields, summary(result) + "\n" + simulationSummary(simulated));
    }

    static String summary(TuneResult r) {
        return String.format(
                "policy %s: %d bands; top band %s at %.4f/h (grid optimum %.4f/h, BO %.4f/h, random %.4f/h); "
                        + "regret vs optimum %.3f; capacity model %s p99 error %.3f; %d load tests in %.0f s",
                r.policy().name(),
                r.policy().bands().size(),
                r.ppo().config(),
                r.ppo().costPerHour(),
                r.gridOptimum().costPerHour(),
                r.bayesOpt().costPerHour(),
                r.random().costPerHour(),
                r.regretVsOptimum(),
                r.capacityModel().chosen(),
                r.capacityModel().best().p99ErrorShare(),
                r.measurements().size(),
                r.wallSeconds());
    }

    private void checkNomad() {
        if (nomad == null) {
            throw new BadInputException(
                    "--nomad", "", "--target " + target + " needs --nomad URL (Nomad's HTTP address)");
        }
        if (serviceUrls.isEmpty()) {
            throw new BadInputException(
                    "--service-url",
                    "",
                    "--target " + target + " needs --service-url URL (where the staging group's service answers)");
        }
        for (String url : serviceUrls) {
            if (!url.matches("https?://\\S+")) {
                throw new BadInputException(
                        "--service-url", url, "--service-url must be an http(s) URL, got '" + url + "'");
            }
        }
        positiveDuration("--deploy-timeout", deployTimeout);
    }

    /** The Nomad client; the token only from {@code --nomad-token-file} or {@code NOMAD_TOKEN}. */
    private NomadClient nomadClient() {
        NomadConfig.Builder b;
        try {
            b = NomadConfig.builder(URI.create(nomad.strip()));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(
                    "--nomad", nomad, "--nomad must be a URL such as http://127.0.0.1:4646, got '" + nomad + "'");
        }
        try {
            if (nomadTokenFile != null) {
                b.token(NomadToken.fromFile(nomadTokenFile));
            } else {
                NomadToken.fromEnvironment(output.env()).ifPresent(b::token);
            }
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--nomad-token-file", String.valueOf(nomadTokenFile), e.getMessage());
        }
        return NomadClient.create(b.build());
    }

    static String simulationSummary(PolicySimulation.Comparison c) {
        return String.format(
                "controller in the simulator on %s (p99 %.0f rps): learned %.1f instance-hours, cost %.2f, "
                        + "unserved %.4f; hand-written capacityPerInstance %.1f instance-hours, cost %.2f, unserved %.4f",
                c.trace(),
                c.p99Rps(),
                c.learned().instanceHours(),
                c.learned().cost(),
                c.learned().unservedShare(),
                c.handWritten().instanceHours(),
                c.handWritten().cost(),
                c.handWritten().unservedShare());
    }

    private static void positive(String option, int value) {
        if (value < 1) {
            throw new BadInputException(option, String.valueOf(value), option + " must be ≥ 1, got " + value);
        }
    }

    private static void positiveDuration(String option, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new BadInputException(option, value.toString(), option + " must be > 0, got " + value);
        }
    }
}
