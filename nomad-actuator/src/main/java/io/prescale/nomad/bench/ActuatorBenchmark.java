package io.prescale.nomad.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.core.forecast.Forecaster;
import io.prescale.core.scale.Decision;
import io.prescale.core.scale.SeasonalQuantileForecaster;
import io.prescale.nomad.client.NomadClient;
import io.prescale.nomad.client.NomadConfig;
import io.prescale.nomad.client.RetryPolicy;
import io.prescale.nomad.fake.FakeNomad;
import io.prescale.nomad.fake.Fault;
import io.prescale.nomad.fake.ManualClock;
import io.prescale.nomad.ha.StateStore;
import io.prescale.nomad.ha.VariablesStateStore;
import io.prescale.nomad.loop.Actuator;
import io.prescale.nomad.loop.ActuatorOptions;
import io.prescale.nomad.loop.CycleReport;
import io.prescale.nomad.loop.DecisionLog;
import io.prescale.nomad.loop.GroupResult;
import io.prescale.nomad.loop.NomadDiscovery;
import io.prescale.nomad.metrics.ErrorKind;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Runs the actuator's benchmark in this JVM against the fake Nomad. Part one: {@code groups} annotated groups
 * ({@code groupsPerJob} per job), a warm-up cycle that fits every model, then {@code cycles} steady cycles 15
 * minutes apart whose median wall time is {@code cycleSeconds}; {@code heapMiB} is the used heap after a GC with
 * everything still held (actuator, caches, and the fake Nomad itself). Part two: {@code faultCycles} cycles five
 * minutes apart over {@code faultGroups} groups with faults injected at random (seeded) and a restart of the
 * actuator every {@code restartEvery} cycles.
 */
public final class ActuatorBenchmark {
    /**
     * Sizes.
     *
     * @param faultRate probability of each kind of fault per cycle (and per load read)
     */
    public record Options(
            int groups,
            int groupsPerJob,
            int cycles,
            int faultCycles,
            int faultGroups,
            int restartEvery,
            double faultRate,
            long seed) {
        public Options {
            if (groups < 1
                    || groupsPerJob < 1
                    || cycles < 1
                    || faultCycles < 0
                    || faultGroups < 1
                    || restartEvery < 1) {
                throw new IllegalArgumentException("benchmark sizes must be positive, got groups " + groups
                        + ", cycles " + cycles + ", faultCycles " + faultCycles);
            }
            if (!(faultRate >= 0 && faultRate < 0.5)) {
                throw new IllegalArgumentException("faultRate must be in [0, 0.5), got " + faultRate);
            }
        }

        /** The sizes: 10,000 groups, 3 steady cycles, 1,000 fault cycles over 20 groups. */
        public static Options defaults() {
            return new Options(10_000, 5, 3, 1000, 20, 100, 0.05, 1);
        }
    }

    /** The measured figures; counts of faults injected and counted are kept for the report. */
    public record Result(
            double cycleSeconds,
            double warmupSeconds,
            double heapMiB,
            int groups,
            int actionsPerCycle,
            int faultCycles,
            int actionsOutOfBounds,
            int crashedLoops,
            int duplicatedActionsAfterRestart,
            int faultsInjected,
            int faultsCounted,
            int faultsUncounted,
            int restarts,
            int actionsApplied) {}

    private static final ObjectMapper M = new ObjectMapper();
    private static final int MIN = 1;
    private static final int MAX = 10;
    private static final Instant START = Instant.parse("2026-11-20T00:00:00Z");

    private ActuatorBenchmark() {}

    /**
     * The seasonal-quantile forecaster with a light fit (1 day of validation, 24 origins, 3 dampings): about 20 ms
     * per fit on 4 days of 5-minute history, so 10,000 models fit in the warm-up within minutes.
     */
    public static Forecaster lightForecaster() {
        return new SeasonalQuantileForecaster(
                new SeasonalQuantileForecaster.Options(3, Duration.ofDays(1), 24, 16, 8, List.of(1.0, 0.9, 0.0)));
    }

    public static Result run(Options o, Forecaster forecaster) {
        Objects.requireNonNull(forecaster, "forecaster");
        double[] speed = speed(o, forecaster);
        int[] faults = faultRun(o, forecaster);
        return new Result(
                speed[0],
                speed[1],
                speed[2],
                o.groups(),
                (int) speed[3],
                o.faultCycles(),
                faults[0],
                faults[1],
                faults[2],
                faults[3],
                faults[4],
                Math.max(0, faults[3] - faults[4]),
                faults[5],
                faults[6]);
    }

    /** cycleSeconds (median), warmupSeconds, heapMiB, actions per steady cycle. */
    private static double[] speed(Options o, Forecaster forecaster) {
        ManualClock clock = new ManualClock(START.plus(Duration.ofHours(9)));
        try (FakeNomad nomad = FakeNomad.start(clock)) {
            nomad.record(false);
            int jobs = (o.groups() + o.groupsPerJob() - 1) / o.groupsPerJob();
            int made = 0;
            for (int j = 0; j < jobs; j++) {
                int n = Math.min(o.groupsPerJob(), o.groups() - made);
                nomad.putJob(job("svc-" + j, n, made, "forecast-and-scale"));
                made += n;
            }
            NomadClient client = NomadClient.create(NomadConfig.builder(nomad.address())
                    .readTimeout(Duration.ofSeconds(60))
                    .build());
            ActuatorOptions options = ActuatorOptions.defaults()
                    .withForecaster(forecaster)
                    .withRefitEvery(Duration.ofDays(1))
                    .withHistory(Duration.ofDays(4));
            try (Actuator actuator = Actuator.builder()
                    .jobs(new NomadDiscovery(client, "*", 1000))
                    .loads(new SyntheticLoads(o.seed(), 0))
                    .client(client)
                    .clock(clock)
                    .options(options)
                    .log(DecisionLog.to(l -> {}))
                    .build()) {
                long t0 = System.nanoTime();
                actuator.runCycle();
                double warmup = (System.nanoTime() - t0) / 1e9;
                List<Double> times = new ArrayList<>();
                int actions = 0;
                for (int c = 0; c < o.cycles(); c++) {
                    clock.advance(Duration.ofMinutes(15));
                    int before = nomad.acceptedScales().size();
                    CycleReport r = actuator.runCycle();
                    times.add(r.cycleSeconds());
                    actions = nomad.acceptedScales().size() - before;
                }
                System.gc();
                double heap =
                        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
                times.sort(Double::compare);
                return new double[] {times.get(times.size() / 2), warmup, heap, actions};
            } finally {
                client.close();
            }
        }
    }

    /** outOfBounds, crashed, duplicated, injected, counted, restarts, applied. */
    private static int[] faultRun(Options o, Forecaster forecaster) {
        ManualClock clock = new ManualClock(START);
        SplittableRandom random = new SplittableRandom(o.seed());
        int outOfBounds = 0;
        int crashed = 0;
        int restarts = 0;
        int injectedOther = 0;
        int counted = 0;
        try (FakeNomad nomad = FakeNomad.start(clock)) {
            nomad.record(false);
            for (int j = 0; j < o.faultGroups(); j++) {
                nomad.putJob(job("f-" + j, 1, j, "forecast-and-scale"));
            }
            NomadClient client = NomadClient.create(NomadConfig.builder(nomad.address())
                    .readTimeout(Duration.ofMillis(300))
                    .retry(RetryPolicy.none())
                    .build());
            SyntheticLoads loads = new SyntheticLoads(o.seed() + 1, o.faultRate());
            ActuatorOptions options =
                    ActuatorOptions.defaults().withForecaster(forecaster).withHistory(Duration.ofDays(3));
            Actuator actuator = null;
            int duplicatesBefore = 0;
            int duplicatedAfterRestart = 0;
            try {
                for (int c = 0; c < o.faultCycles(); c++) {
                    if (actuator == null || c % o.restartEvery() == 0) {
                        if (actuator != null) {
                            counted += countedFaults(actuator);
                            actuator.close();
                            restarts++;
                        }
                        StateStore state = new VariablesStateStore(client, null);
                        actuator = Actuator.builder()
                                .jobs(new NomadDiscovery(client, "*", 0))
                                .loads(loads)
                                .client(client)
                                .clock(clock)
                                .options(options)
                                .state(state)
                                .log(DecisionLog.to(l -> {}))
                                .build();
                        duplicatesBefore = nomad.noOpScales();
                    }
                    injectedOther += inject(nomad, random, o);
                    clock.advance(Duration.ofMinutes(5));
                    try {
                        CycleReport r = actuator.runCycle();
                        for (GroupResult g : r.groups()) {
                            Decision d = g.decision();
                            if (d != null && (d.targetCount() < MIN || d.targetCount() > MAX)) {
                                outOfBounds++;
                            }
                        }
                    } catch (RuntimeException e) {
                        crashed++;
                    }
                    if (c % o.restartEvery() == 0 && c > 0) {
                        duplicatedAfterRestart += nomad.noOpScales() - duplicatesBefore;
                    }
                    nomad.clearFaults();
                    for (int j = 0; j < o.faultGroups(); j++) {
                        nomad.deployment("default", "f-" + j, false);
                    }
                }
                if (actuator != null) {
                    counted += countedFaults(actuator);
                }
            } finally {
                if (actuator != null) {
                    actuator.close();
                }
                client.close();
            }
            for (String s : nomad.acceptedScales()) {
                int count = Integer.parseInt(s.substring(s.indexOf('=') + 1));
                if (count < MIN || count > MAX) {
                    outOfBounds++;
                }
            }
            int injected = nomad.faultsServed()
                    + nomad.deploymentRefusals()
                    + loads.nanReads()
                    + loads.staleReads()
                    + injectedOther;
            return new int[] {
                outOfBounds,
                crashed,
                duplicatedAfterRestart,
                injected,
                counted,
                restarts,
                nomad.acceptedScales().size()
            };
        }
    }

    /** Queues this cycle's faults; returns the operator changes made (each must be counted as a manual change). */
    private static int inject(FakeNomad nomad, SplittableRandom random, Options o) {
        double p = o.faultRate();
        if (random.nextDouble() < p) {
            nomad.inject(Fault.status("GET", "/v1/jobs", 500, "rpc error: No cluster leader", 1));
        }
        if (random.nextDouble() < p) {
            nomad.inject(Fault.timeout("GET", "/v1/job/", 1));
        }
        if (random.nextDouble() < p) {
            nomad.inject(Fault.malformed("GET", "/v1/job/", 1));
        }
        if (random.nextDouble() < p) {
            nomad.inject(Fault.status("POST", "/v1/job/", 503, "Service Unavailable", 1));
        }
        if (random.nextDouble() < p) {
            nomad.inject(Fault.close("POST", "/v1/job/", 1));
        }
        if (random.nextDouble() < p) {
            nomad.deployment("default", "f-" + random.nextInt(o.faultGroups()), true);
        }
        return 0;
    }

    /** Faults the actuator counted in /metrics (every kind a fault injection can cause). */
    private static int countedFaults(Actuator a) {
        int n = 0;
        for (ErrorKind k : List.of(
                ErrorKind.NOMAD_5XX,
                ErrorKind.NOMAD_4XX,
                ErrorKind.NOMAD_TIMEOUT,
                ErrorKind.NOMAD_UNREACHABLE,
                ErrorKind.NOMAD_MALFORMED,
                ErrorKind.DEPLOYMENT_ACTIVE,
                ErrorKind.METRIC_NAN,
                ErrorKind.METRIC_STALE)) {
            n += (int) a.metrics().errors(k);
        }
        return n;
    }

    static ObjectNode job(String id, int groups, int firstQuery, String mode) {
        ObjectNode job = M.createObjectNode();
        job.put("ID", id);
        job.put("Type", "service");
        var tgs = job.putArray("TaskGroups");
        for (int g = 0; g < groups; g++) {
            ObjectNode tg = tgs.addObject();
            tg.put("Name", "g" + g);
            tg.put("Count", 3);
            ObjectNode meta = tg.putObject("Meta");
            meta.put("prescale.enabled", "true");
            meta.put("prescale.query", "q" + (firstQuery + g));
            meta.put("prescale.lead", "15m");
            meta.put("prescale.mode", mode);
            meta.put("prescale.capacity", "20");
            ObjectNode scaling = tg.putObject("Scaling");
            scaling.put("Min", MIN);
            scaling.put("Max", MAX);
            scaling.put("Enabled", true);
            ObjectNode task = tg.putArray("Tasks").addObject();
            task.put("Name", "t");
            task.put("Driver", "docker");
            task.putObject("Resources").put("CPU", 100).put("MemoryMB", 64);
        }
        return job;
    }
}
