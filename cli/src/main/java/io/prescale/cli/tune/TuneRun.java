package io.prescale.cli.tune;

import com.fasterxml.jackson.databind.JsonNode;
import io.prescale.cli.base.BadInputException;
import io.prescale.cli.base.Json;
import io.prescale.core.scale.SeasonalQuantileForecaster;
import io.prescale.core.series.LoadProfile;
import io.prescale.core.series.ShippedTrace;
import io.prescale.core.series.TimeSeries;
import io.prescale.core.series.TraceReadOptions;
import io.prescale.core.series.TraceReader;
import io.prescale.core.tune.ConfigSpace;
import io.prescale.core.tune.Measurement;
import io.prescale.core.tune.PolicySimulation;
import io.prescale.core.tune.StagingException;
import io.prescale.core.tune.StagingTarget;
import io.prescale.core.tune.TuneListener;
import io.prescale.core.tune.TuneOptions;
import io.prescale.core.tune.TuneResult;
import io.prescale.core.tune.Tuner;
import io.prescale.core.tune.UnreachableSloException;
import io.prescale.loadtest.staging.LoadTestTrials;
import io.prescale.loadtest.staging.LocalStagingTarget;
import io.prescale.nomad.client.NomadClient;
import io.prescale.nomad.client.Sleeper;
import io.prescale.nomad.staging.NomadStagingTarget;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One tuning run behind the command line, shared by {@code tune} and {@code bench tune}: reads and checks the
 * inputs, starts the target, runs the {@link Tuner}, keeps every measurement in the measurements file as it comes
 * (for {@code --resume}), and writes the policy only when the run finished (temp file, then an atomic move).
 */
final class TuneRun {
    private TuneRun() {}

    /**
     * The inputs of a run.
     *
     * @param spaceFile the space (for error messages)
     * @param space the parsed space
     * @param profiles the load profiles
     * @param target {@code local} or {@code nomad:JOB/GROUP}
     * @param options tuning options
     * @param trialDuration measured length of a load test
     * @param warmup unmeasured lead-in of a load test
     * @param out the policy file
     * @param measurementsFile where measurements are kept
     * @param resumed measurements of an earlier run
     */
    record Inputs(
            Path spaceFile,
            ConfigSpace space,
            List<LoadProfile> profiles,
            String target,
            TuneOptions options,
            Duration trialDuration,
            Duration warmup,
            Path out,
            Path measurementsFile,
            List<Measurement> resumed) {}

    static ConfigSpace readSpace(Path file) {
        try {
            return ConfigSpace.read(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException("--space", file.toString(), "--space file not found: " + file);
        } catch (IOException e) {
            throw new BadInputException(
                    "--space", file.toString(), "cannot read --space " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--space", file.toString(), "--space " + file + ": " + e.getMessage());
        }
    }

    /** A JSON array of load profiles (as {@code generate sample} writes) or one profile. */
    static List<LoadProfile> readProfiles(Path file) {
        try {
            JsonNode root = Json.MAPPER.readTree(Files.readString(file));
            List<LoadProfile> profiles = new ArrayList<>();
            if (root != null && root.isArray()) {
                for (JsonNode node : root) {
                    profiles.add(LoadProfile.fromJson(node.toString()));
                }
            } else if (root != null && root.isObject()) {
                profiles.add(LoadProfile.fromJson(root.toString()));
            }
            if (profiles.isEmpty()) {
                throw new IllegalArgumentException("expected a JSON array of load profiles or one profile");
            }
            return profiles;
        } catch (NoSuchFileException e) {
            throw new BadInputException("--profiles", file.toString(), "--profiles file not found: " + file);
        } catch (IOException | IllegalArgumentException e) {
            String message = e.getMessage() == null
                    ? e.getClass().getSimpleName()
                    : e.getMessage().lines().findFirst().orElse("");
            throw new BadInputException(
                    "--profiles", file.toString(), "--profiles " + file + " does not parse: " + message);
        }
    }

    static List<Measurement> readResume(Path file) {
        try {
            return TuneJson.readMeasurements(Json.MAPPER.readTree(Files.readString(file)));
        } catch (NoSuchFileException e) {
            throw new BadInputException("--resume", file.toString(), "--resume file not found: " + file);
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException("--resume", file.toString(), "--resume " + file + ": " + e.getMessage());
        }
    }

    /** Checks a target name: {@code local} or {@code nomad:JOB/GROUP}. */
    static void checkTarget(String target) {
        if (!target.equals("local") && !target.matches("nomad:[^/\\s]+/[^/\\s]+")) {
            throw new BadInputException(
                    "--target", target, "--target must be local or nomad:JOB/GROUP, got '" + target + "'");
        }
    }

    /**
     * The {@code nomad:JOB/GROUP} target through the actuator's client: the configuration re-registers the staging
     * job, the deployment is awaited (probe every 5 s, at most {@code deployTimeout}), and load tests go to
     * {@code serviceUrls}.
     */
    static StagingTarget nomadTarget(
            String target, ConfigSpace space, NomadClient client, List<String> serviceUrls, Duration deployTimeout) {
        String[] jobGroup = target.substring("nomad:".length()).split("/", 2);
        return new NomadStagingTarget(
                client,
                space,
                null,
                jobGroup[0],
                jobGroup[1],
                serviceUrls,
                Duration.ofSeconds(5),
                deployTimeout,
                Sleeper.REAL);
    }

    /** Runs the tuning and writes the policy; progress lines go to {@code progress}. */
    static TuneResult run(Inputs in, Clock clock, Consumer<String> progress) throws IOException {
        return run(in, clock, progress, () -> LocalStagingTarget.ofThisJvm(in.space(), Duration.ofSeconds(60)));
    }

    /** As {@link #run(Inputs, Clock, Consumer)} on the target {@code targets} makes (closed at the end). */
    static TuneResult run(Inputs in, Clock clock, Consumer<String> progress, Supplier<StagingTarget> targets)
            throws IOException {
        checkTarget(in.target());
        Tuner tuner = new Tuner(in.space(), in.options(), clock);
        try {
            tuner.checkBudget();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(
                    "--budget", String.valueOf(in.options().budget()), "--budget: " + e.getMessage());
        }
        List<Measurement> kept = new ArrayList<>();
        TuneListener listener = new TuneListener() {
            @Override
            public void progress(String message) {
                progress.accept(message);
            }

            @Override
            public void measured(Measurement measurement) {
                kept.add(measurement);
                try {
                    writeAtomically(
                            in.measurementsFile(),
                            Json.MAPPER
                                    .writerWithDefaultPrettyPrinter()
                                    .writeValueAsString(TuneJson.measurements(kept)));
                } catch (IOException e) {
                    throw new StagingException(
                            "cannot keep measurements in " + in.measurementsFile() + ": " + e.getMessage(), e);
                }
            }
        };
        TuneResult result;
        try (StagingTarget target = targets.get()) {
            LoadTestTrials trials = new LoadTestTrials(
                    target,
                    in.trialDuration(),
                    in.warmup(),
                    Duration.ofSeconds(2),
                    "/work",
                    in.options().seed());
            result = tuner.run(in.profiles(), trials, in.resumed(), listener);
        } catch (UnreachableSloException e) {
            throw new BadInputException("--space", in.spaceFile().toString(), e.getMessage());
        } catch (StagingException e) {
            throw new StagingException(
                    "target " + in.target() + " failed: " + e.getMessage() + "; kept " + kept.size()
                            + " measurements in " + in.measurementsFile() + " (continue with --resume "
                            + in.measurementsFile()
                            + "); no policy was written",
                    e);
        }
        writeAtomically(in.out(), result.policy().toJsonNode().toPrettyString() + "\n");
        return result;
    }

    /**
     * The tuned policy and the hand-written one, driven by the controller in the simulator over the shipped trace
     * {@code trace} (lead and start-up 10 minutes, the seasonal quantile forecaster).
     */
    static PolicySimulation.Comparison simulate(TuneResult result, String trace) {
        return PolicySimulation.compare(
                trace,
                shippedTrace(trace),
                result.profilesP99Rps(),
                result.learned(),
                result.handWritten(),
                new SeasonalQuantileForecaster(),
                Duration.ofMinutes(10));
    }

    /** A shipped trace by its series name, or bad input naming {@code --simulate-trace}. */
    static TimeSeries shippedTrace(String name) {
        for (ShippedTrace trace : ShippedTrace.values()) {
            if (trace.seriesName().equals(name)) {
                try (InputStream in = trace.open()) {
                    return TraceReader.read(in, trace.fileName(), TraceReadOptions.defaults())
                            .series();
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read shipped trace " + name, e);
                }
            }
        }
        throw new BadInputException(
                "--simulate-trace",
                name,
                "--simulate-trace must be a shipped trace, one of "
                        + Arrays.stream(ShippedTrace.values())
                                .map(ShippedTrace::seriesName)
                                .toList() + "; got '" + name + "'");
    }

    static void writeAtomically(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(temp, text);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
