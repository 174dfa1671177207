package io.prescale.cli.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.Json;
import io.prescale.cli.tune.TuneJson;
import io.prescale.core.scale.ScalingPolicy;
import io.prescale.core.scale.SeasonalQuantileForecaster;
import io.prescale.core.series.LoadProfile;
import io.prescale.core.series.TimeSeries;
import io.prescale.core.tune.ConfigSpace;
import io.prescale.core.tune.Configuration;
import io.prescale.core.tune.Knob;
import io.prescale.core.tune.Measurement;
import io.prescale.core.tune.PolicySimulation;
import io.prescale.core.tune.PpoOptions;
import io.prescale.core.tune.PricedPolicy;
import io.prescale.core.tune.StagingException;
import io.prescale.core.tune.StagingTarget;
import io.prescale.core.tune.TuneListener;
import io.prescale.core.tune.TuneOptions;
import io.prescale.core.tune.TuneResult;
import io.prescale.core.tune.Tuner;
import io.prescale.core.tune.UnreachableSloException;
import io.prescale.loadtest.reference.ReferenceConfig;
import io.prescale.loadtest.reference.ReferenceService;
import io.prescale.loadtest.staging.LoadTestTrials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stage "tune": learns which configuration of the reference service to run at each load level from real load tests
 * on 127.0.0.1 (instances started in this process, a constant open-model load each), with days of the stored NYC
 * taxi trace as the load profiles, then drives the learned policy and a hand-written {@code capacityPerInstance}
 * policy with the controller in the simulator over that trace. Leaves a {@link Tuned} for later stages and writes
 * {@code tune/policy.json} only when the run finished (temp file, then a move). The demo's space is three knobs
 * (instances, virtual cores, threads) with a lenient SLO, so that a crowded machine can meet it; an unreachable SLO
 * is reported, not thrown, and leaves no policy.
 */
final class TuneStage implements DemoStage {
    /**
     * What the tuning left for later stages: the whole run (the report stage finds its {@link TuneResult} and
     * policy by type), the learned policy priced, and the key figures.
     */
    record Tuned(
            TuneResult result,
            ScalingPolicy policy,
            PricedPolicy priced,
            PricedPolicy handWritten,
            double profilesP99Rps,
            double costPerHour,
            double capacityModelP99Error,
            int loadTests,
            PolicySimulation.Comparison simulation,
            int simulationDays,
            Path policyFile) {
        /**
         * The learned and the hand-written policy under the controller in the simulator over {@code history} (its last
         * {@code simulationDays} days when that is not 0; the stage's own run when it is the same trace).
         */
        PolicySimulation.Comparison simulate(String trace, TimeSeries history) {
            return trace.equals(simulation.trace())
                    ? simulation
                    : PolicySimulation.compare(
                            trace,
                            lastDays(history, simulationDays),
                            profilesP99Rps,
                            priced,
                            handWritten,
                            new SeasonalQuantileForecaster(),
                            Duration.ofMinutes(10));
        }
    }

    static final String SPACE = """
            name: reference-service-demo
            knobs:
              - {name: count, type: int, min: 1, max: 3, step: 1, apply: count, role: instances}
              - {name: cpus, type: int, min: 1, max: 2, step: 1, apply: resources.cpu, flag: --cpus, role: cpus, restart: true}
              - {name: threads, type: int, min: 2, max: 8, step: 2, apply: env, key: THREADS, flag: --threads, role: threads, restart: true}
            cost: {perInstanceHour: 0.010, perCoreHour: 0.040, perGbHour: 0.005, baseMemoryMb: 256, memoryMbPer: {threads: 1}}
            slo: {p99Ms: 250, errorRate: 0.02}
            workload: {keys: 100000, zipfExponent: 1.0, valueKb: 4}
            """;

    @Override
    public String name() {
        return "tune";
    }

    @Override
    public ObjectNode run(DemoContext context) throws Exception {
        boolean quick = context.quick();
        ConfigSpace space = ConfigSpace.parse(SPACE);
        TimeSeries taxi = context.history("nyc_taxi");
        List<LoadProfile> profiles = days(taxi, quick ? 10 : 30);
        TuneOptions options = TuneOptions.defaults()
                .withBudget(quick ? 12 : 20)
                .withBands(quick ? 2 : 3)
                .withPeakRps(quick ? 150 : 250)
                .withSeed(context.seed())
                .withCodeVersion("prescale demo")
                .withPpo(PpoOptions.defaults().withIterations(quick ? 6 : 30));
        Duration trial = quick ? Duration.ofMillis(800) : Duration.ofSeconds(2);
        ObjectNode summary = Json.object();
        summary.put("space", space.name());
        summary.put("profiles", profiles.size());
        summary.put("budget", options.budget());
        summary.put("trialSeconds", trial.toMillis() / 1000.0);
        TuneListener listener = new TuneListener() {
            @Override
            public void progress(String message) {
                context.progress(message);
            }

            @Override
            public void measured(Measurement measurement) {
                // the demo keeps no measurements file: a failed stage leaves nothing
            }
        };
        TuneResult result;
        try (InProcessTarget target = new InProcessTarget(space)) {
            LoadTestTrials trials = new LoadTestTrials(
                    target, trial, Duration.ofMillis(300), Duration.ofSeconds(2), "/work", context.seed());
            result = new Tuner(space, options, Clock.systemUTC()).run(profiles, trials, List.of(), listener);
        } catch (UnreachableSloException e) {
            context.progress("tune: no policy — " + e.getMessage());
            summary.putNull("policyFile");
            summary.put("unreachable", e.getMessage());
            return summary;
        }
        int simulationDays = quick ? 35 : 0;
        PolicySimulation.Comparison simulated = PolicySimulation.compare(
                "nyc_taxi",
                lastDays(taxi, simulationDays),
                result.profilesP99Rps(),
                result.learned(),
                result.handWritten(),
                new SeasonalQuantileForecaster(),
                Duration.ofMinutes(10));
        Path dir = Files.createDirectories(context.outDir().resolve("tune"));
        Path file = dir.resolve("policy.json");
        Path temp = Files.createTempFile(dir, ".policy", ".tmp");
        try {
            Files.writeString(temp, result.policy().toJsonNode().toPrettyString() + "\n");
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        context.put(new Tuned(
                result,
                result.policy(),
                result.learned(),
                result.handWritten(),
                result.profilesP99Rps(),
                result.ppo().costPerHour(),
                result.capacityModel().best().p99ErrorShare(),
                result.measurements().size(),
                simulated,
                simulationDays,
                file));
        context.progress(String.format(
                "tune: %d load tests in %.1f s; top band %s at %.4f/h; capacity model %s p99 "
                        + "error %.2f; on nyc_taxi the learned policy used %.0f instance-hours (unserved %.4f) vs "
                        + "hand-written %.0f (unserved %.4f)",
                result.measurements().size(),
                result.wallSeconds(),
                result.ppo().config(),
                result.ppo().costPerHour(),
                result.capacityModel().chosen(),
                result.capacityModel().best().p99ErrorShare(),
                simulated.learned().instanceHours(),
                simulated.learned().unservedShare(),
                simulated.handWritten().instanceHours(),
                simulated.handWritten().unservedShare()));
        Json.appendFields(summary, TuneJson.result(result));
        summary.set("simulation", TuneJson.simulation(simulated));
        summary.put(
                "simulationDays",
                simulationDays == 0 ? taxi.size() * taxi.step().toSeconds() / 86_400.0 : simulationDays);
        summary.put("policyFile", file.toString());
        summary.put("policyDigest", result.policy().digest());
        return summary;
    }

    /** The last {@code days} days of {@code series} (all of it for 0): the quick demo simulates five weeks. */
    static TimeSeries lastDays(TimeSeries series, int days) {
        int steps = (int) (Duration.ofDays(days).toNanos() / series.step().toNanos());
        return days == 0 || steps >= series.size() ? series : series.slice(series.size() - steps, series.size());
    }

    /** The first {@code n} whole days of the trace after its start, one profile per day (NaN steps as 0). */
    static List<LoadProfile> days(TimeSeries series, int n) {
        int perDay = (int) (Duration.ofDays(1).toNanos() / series.step().toNanos());
        List<LoadProfile> out = new ArrayList<>();
        for (int d = 0; d < n && (d + 1) * perDay <= series.size(); d++) {
            double[] values = series.slice(d * perDay, (d + 1) * perDay).values();
            for (int i = 0; i < values.length; i++) {
                values[i] = Double.isFinite(values[i]) ? values[i] : 0;
            }
            out.add(LoadProfile.of(
                    series.timeAt(d * perDay), series.step(), values, Map.of("source", "nyc_taxi", "day", d)));
        }
        return out;
    }

    /**
     * Reference services in this process, {@code count} per configuration with the space's cores and threads; no
     * cache and a deep queue, as the capacity model assumes for knobs the space does not have.
     */
    private static final class InProcessTarget implements StagingTarget {
        private final ConfigSpace space;
        private final List<ReferenceService> running = new ArrayList<>();
        private Deployment current;

        InProcessTarget(ConfigSpace space) {
            this.space = space;
        }

        @Override
        public String name() {
            return "in-process";
        }

        @Override
        public Deployment apply(Configuration config) {
            if (current != null && current.config().equals(config)) {
                return current;
            }
            tearDown();
            ReferenceConfig knobs = ReferenceConfig.defaults()
                    .withCapacity(
                            (int) space.roleValue(config, Knob.Role.CPUS, 1),
                            (int) space.roleValue(config, Knob.Role.THREADS, 8),
                            1000,
                            0);
            try {
                for (int i = 0; i < space.count(config); i++) {
                    running.add(ReferenceService.start(knobs));
                }
            } catch (IOException e) {
                tearDown();
                throw new StagingException(
                        "cannot start the reference service for " + config + ": " + e.getMessage(), e);
            }
            current = new Deployment(
                    config, running.stream().map(ReferenceService::url).toList());
            return current;
        }

        @Override
        public void verify() {
            // in-process instances cannot die on their own
        }

        @Override
        public void tearDown() {
            running.forEach(ReferenceService::close);
            running.clear();
            current = null;
        }
    }
}
