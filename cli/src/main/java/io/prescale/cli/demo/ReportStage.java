package io.prescale.cli.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.Json;
import io.prescale.cli.scale.ScalingBacktestPlot;
import io.prescale.core.scale.ScalingBacktestResult;
import io.prescale.core.scale.ScalingBand;
import io.prescale.core.scale.ScalingPolicy;
import io.prescale.core.scale.StrategyResult;
import io.prescale.core.series.TimeSeries;
import io.prescale.core.tune.Ppo;
import io.prescale.core.tune.TuneResult;
import io.prescale.grafana.dashboard.Dashboard;
import io.prescale.grafana.dashboard.DashboardJson;
import io.prescale.grafana.dashboard.PrescaleDashboards;
import io.prescale.grafana.report.AnomalyTrack;
import io.prescale.grafana.report.Counts;
import io.prescale.grafana.report.Decision;
import io.prescale.grafana.report.PolicyRow;
import io.prescale.grafana.report.Report;
import io.prescale.grafana.report.ReportWriter;
import io.prescale.grafana.report.SloCurve;
import io.prescale.grafana.report.TuningCurve;
import io.prescale.loadtest.LoadTestResult;
import io.prescale.nomad.loop.CycleReport;
import io.prescale.nomad.loop.GroupResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Stage "report": the offline report ({@code report.html} with its figures in {@code img/}), {@code policy.json}
 * and the Grafana dashboards in {@code dashboards/}, from the typed results the earlier stages left: the day-ahead
 * forecast ({@link ForecastStage.DayAhead}), the scaling backtests ({@link ScaleStage.Backtests}), the profile
 * library ({@link GenerateStage.Generated}), the anomaly scan ({@link AnomalyStage.Scanned}) and the load tests
 * ({@link LoadTestStage.LoadTests}). A tuning run ({@link TuneResult} or a {@link ScalingPolicy}) and an actuator
 * cycle ({@link CycleReport}) are shown when a stage left a record carrying one ({@link DemoContext#find}). A
 * missing input leaves its panel out; the report says which.
 */
final class ReportStage implements DemoStage {
    /** Latency SLO of the reference service drawn on the SLO figure (ms). */
    static final double SLO_MS = 250;

    private final Clock clock;

    ReportStage(Clock clock) {
        this.clock = clock;
    }

    ReportStage() {
        this(Clock.systemUTC());
    }

    @Override
    public String name() {
        return "report";
    }

    @Override
    public ObjectNode run(DemoContext context) throws Exception {
        Report.Builder report = Report.builder(
                        "Prescale demo report (" + (context.quick() ? "quick" : "full") + ")", clock.instant())
                .window(Duration.ofDays(3));
        ObjectNode summary = Json.object();
        ObjectNode figures = summary.putObject("keyFigures");
        forecast(context, report, figures);
        ScalingPolicy policy = policy(context, report, figures);
        backtests(context, report, figures);
        actuator(context, report, figures);
        profiles(context, report);
        anomalies(context, report, figures);
        loadTests(context, report, figures);
        report.note("Figures from prescale demo, seed " + context.seed() + ". Times are UTC; every number comes from"
                + " the shipped traces replayed on this machine, so timings depend on its load.");
        List<Path> files = ReportWriter.write(report.build(), context.outDir());
        if (policy != null) {
            writeAtomically(context.outDir().resolve("policy.json"), policy.toJson());
            summary.put("policy", "policy.json");
        }
        Path dashboards = Files.createDirectories(context.outDir().resolve("dashboards"));
        ArrayNode ds = summary.putArray("dashboards");
        for (Dashboard d : PrescaleDashboards.all()) {
            Files.write(dashboards.resolve(d.fileName()), DashboardJson.bytes(d));
            ds.add("dashboards/" + d.fileName());
        }
        summary.put("report", "report.html");
        summary.put("figures", files.size() - 1);
        context.progress(
                "report: " + context.outDir().resolve("report.html") + " with " + (files.size() - 1) + " figures");
        return summary;
    }

    private static void forecast(DemoContext context, Report.Builder report, ObjectNode figures) {
        context.find(ForecastStage.DayAhead.class).ifPresent(dayAhead -> {
            report.loadForecast(dayAhead.forecast());
            Json.putNumber(figures, "dayAheadWape", dayAhead.wape(), "no load in the last week");
            report.fact("day-ahead forecast error, NYC taxi last week (WAPE)", percent(dayAhead.wape()));
        });
    }

    /**
     * The policy the run ends with: a tuning run's (its bands as the policy table, PPO's learning curve), or else
     * the capacity-only policy the NYC taxi backtest sized its controller with (one open band, untuned).
     */
    private static ScalingPolicy policy(DemoContext context, Report.Builder report, ObjectNode figures) {
        Optional<TuneResult> tuned = context.find(TuneResult.class);
        Optional<ScalingPolicy> policy = tuned.map(TuneResult::policy).or(() -> context.find(ScalingPolicy.class));
        tuned.ifPresent(t -> {
            List<Ppo.CurvePoint> curve = t.ppoCurve();
            if (!curve.isEmpty()) {
                report.tuning(new TuningCurve(
                        "PPO",
                        curve.stream().mapToDouble(Ppo.CurvePoint::steps).toArray(),
                        curve.stream()
                                .mapToDouble(Ppo.CurvePoint::meanEpisodeReward)
                                .toArray()));
            }
            Json.putNumber(figures, "tuneRegretVsOptimum", t.regretVsOptimum(), "not computed");
            report.fact("tuned policy: cost above the per-band grid optimum", percent(t.regretVsOptimum()));
        });
        if (policy.isPresent()) {
            report.policy(rows(policy.get()));
            figures.put("policyBands", policy.get().bands().size());
            return policy.get();
        }
        Optional<ScalingBacktestResult> taxi =
                context.find(ScaleStage.Backtests.class).map(b -> b.results().get("nyc_taxi"));
        if (taxi.isEmpty()) {
            return null;
        }
        double capacity = taxi.get().settings().capacity();
        ObjectNode provenance = Json.object();
        provenance.put("source", "prescale demo: the capacity the nyc_taxi scaling backtest sized instances with");
        provenance.put("tuned", false);
        report.fact(
                "policy (untuned): passengers per 30 min one instance serves",
                String.format(Locale.UK, "%,.0f", capacity));
        return ScalingPolicy.capacityOnly("demo-nyc-taxi", capacity, "passengers per 30 min", provenance);
    }

    /** The policy's bands as table rows; a per-instance-capacity band shows the instances its top load needs. */
    private static List<PolicyRow> rows(ScalingPolicy policy) {
        List<PolicyRow> rows = new ArrayList<>();
        for (ScalingBand band : policy.bands()) {
            Map<String, Object> config = new TreeMap<>(band.config());
            config.remove("count");
            String knobs = config.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", "));
            if (band.capacityPerInstance() != null) {
                knobs = (knobs.isEmpty() ? "" : knobs + ", ")
                        + String.format(Locale.UK, "%,.1f %s per instance", band.capacityPerInstance(), band.unit());
            }
            int instances = Double.isFinite(band.loadTo())
                    ? band.instancesFor(Math.nextDown(band.loadTo()))
                    : band.instancesFor(band.loadFrom());
            rows.add(new PolicyRow(
                    band.loadFrom(),
                    band.loadTo(),
                    instances,
                    knobs,
                    band.predictedP99Ms() == null ? Double.NaN : band.predictedP99Ms(),
                    band.costPerHour() == null ? Double.NaN : band.costPerHour()));
        }
        return rows;
    }

    private static void backtests(DemoContext context, Report.Builder report, ObjectNode figures) {
        Optional<ScaleStage.Backtests> backtests = context.find(ScaleStage.Backtests.class);
        if (backtests.isEmpty()) {
            return;
        }
        ObjectNode unserved = figures.putObject("unservedShare");
        for (Map.Entry<String, ScalingBacktestResult> e :
                backtests.get().results().entrySet()) {
            String trace = e.getKey();
            ScalingBacktestResult result = e.getValue();
            report.backtest(ScalingBacktestPlot.timeline(trace, result));
            ObjectNode shares = unserved.putObject(trace);
            StrategyResult prescale = result.strategy("prescale");
            for (StrategyResult s : result.strategies()) {
                if (s.name().equals("prescale") || s.name().equals("reactive")) {
                    Json.putNumber(shares, s.name(), s.unservedShare(), "no demand scored");
                    report.fact(trace + ": unserved share, " + s.name(), percent(s.unservedShare()));
                }
            }
            report.fact(
                    trace + ": instance-hours, prescale", String.format(Locale.UK, "%,.0f", prescale.instanceHours()));
            if (trace.equals("nyc_taxi")) {
                report.counts(counts(result, prescale));
            }
        }
    }

    /**
     * Desired (launched) and ready instances of the simulated controller over the scored range, each count change
     * as a decision (the actuator cycle, when present, gives the controller's own reasons).
     */
    private static Counts counts(ScalingBacktestResult result, StrategyResult s) {
        TimeSeries demand = result.demand();
        int[] total = s.total();
        int[] ready = s.ready();
        double[] desired = new double[demand.size()];
        double[] running = new double[demand.size()];
        List<Decision> decisions = new ArrayList<>();
        for (int t = 0; t < demand.size(); t++) {
            desired[t] = t < total.length ? total[t] : Double.NaN;
            running[t] = t < ready.length ? ready[t] : Double.NaN;
            if (t > result.scoredFrom() && t < total.length && total[t] != total[t - 1]) {
                decisions.add(new Decision(
                        demand.timeAt(t),
                        total[t] > total[t - 1] ? "scale_out" : "scale_in",
                        total[t - 1],
                        total[t],
                        total[t] > total[t - 1]
                                ? "upper forecast quantile over the 10 min lead needs more instances"
                                : "the whole lead window plus cooldown allows fewer instances"));
            }
        }
        int from = result.scoredFrom();
        return new Counts(
                demand.withValues(desired).slice(from, demand.size()),
                demand.withValues(running).slice(from, demand.size()),
                decisions);
    }

    /** One actuator cycle's groups: what each would be scaled to, and the controller's reason. */
    private static void actuator(DemoContext context, Report.Builder report, ObjectNode figures) {
        Optional<CycleReport> cycle = context.find(CycleReport.class);
        if (cycle.isEmpty()) {
            return;
        }
        int changes = 0;
        for (GroupResult g : cycle.get().groups()) {
            int to = g.decision() == null ? g.currentCount() : g.decision().targetCount();
            String action = g.decision() == null
                    ? g.status()
                    : g.decision().action().name().toLowerCase(Locale.ROOT);
            changes += to != g.currentCount() ? 1 : 0;
            String group =
                    g.ref().namespace() + "/" + g.ref().job() + "/" + g.ref().group();
            report.actuatorDecision(new Decision(
                    g.evaluatedAt() == null ? cycle.get().now() : g.evaluatedAt(),
                    action,
                    g.currentCount(),
                    to,
                    group + (g.mode() == null ? "" : " (" + g.mode().wire() + ")") + ": " + g.reason()));
        }
        figures.put("actuatorGroups", cycle.get().groups().size());
        figures.put("actuatorChanges", changes);
        report.fact(
                "actuator cycle: groups that would change count",
                changes + " of " + cycle.get().groups().size());
    }

    private static void profiles(DemoContext context, Report.Builder report) {
        context.find(GenerateStage.Generated.class).ifPresent(g -> report.profiles(g.library()));
    }

    private static void anomalies(DemoContext context, Report.Builder report, ObjectNode figures) {
        Optional<AnomalyStage.Scanned> scanned = context.find(AnomalyStage.Scanned.class);
        AnomalyStage.Scan taxi = scanned.map(s -> s.traces().get("nyc_taxi")).orElse(null);
        if (taxi == null) {
            return;
        }
        report.anomalies(new AnomalyTrack(
                "NYC taxi",
                taxi.history(),
                taxi.scores(),
                scanned.get().threshold(),
                taxi.spans(),
                "passengers per 30 min"));
        figures.put("nycTaxiFlaggedSpans", taxi.spans().size());
        report.fact(
                "NYC taxi: flagged anomaly spans", Integer.toString(taxi.spans().size()));
    }

    /** Per configuration, the p99 of each run second binned by achieved rate: latency against load. */
    private static void loadTests(DemoContext context, Report.Builder report, ObjectNode figures) {
        Optional<LoadTestStage.LoadTests> tests = context.find(LoadTestStage.LoadTests.class);
        if (tests.isEmpty()) {
            return;
        }
        ObjectNode p99s = figures.putObject("loadTestP99Ms");
        for (Map.Entry<String, LoadTestResult> e : tests.get().results().entrySet()) {
            String name = e.getKey();
            LoadTestResult r = e.getValue();
            Json.putNumber(p99s, name, r.latencyMs().p99(), "no requests completed");
            SloCurve curve = sloCurve(name.replace('-', ' '), r);
            if (curve != null) {
                report.slo(curve);
            }
            report.fact(
                    "load test " + name.replace('-', ' ') + ": p99 latency",
                    String.format(Locale.UK, "%,.1f ms", r.latencyMs().p99()));
        }
    }

    /** Each run second binned by achieved rate (at most 8 bins): the worst p99 and the error share per bin. */
    private static SloCurve sloCurve(String name, LoadTestResult r) {
        List<LoadTestResult.Second> seconds = r.timeline().stream()
                .filter(s -> s.achievedRps() > 0)
                .sorted((a, b) -> Long.compare(a.achievedRps(), b.achievedRps()))
                .toList();
        int bins = Math.min(8, seconds.size());
        if (bins == 0) {
            return null;
        }
        double[] rps = new double[bins];
        double[] p99 = new double[bins];
        double[] errors = new double[bins];
        for (int b = 0; b < bins; b++) {
            List<LoadTestResult.Second> bin =
                    seconds.subList(b * seconds.size() / bins, (b + 1) * seconds.size() / bins);
            rps[b] = bin.stream()
                    .mapToLong(LoadTestResult.Second::achievedRps)
                    .average()
                    .orElse(0);
            p99[b] =
                    bin.stream().mapToDouble(LoadTestResult.Second::p99Ms).max().orElse(Double.NaN);
            long requests =
                    bin.stream().mapToLong(LoadTestResult.Second::achievedRps).sum();
            long failed = bin.stream().mapToLong(LoadTestResult.Second::errors).sum();
            errors[b] = requests + failed > 0 ? (double) failed / (requests + failed) : 0;
        }
        return new SloCurve(name, rps, p99, errors, SLO_MS);
    }

    private static void writeAtomically(Path file, String text) throws java.io.IOException {
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String percent(double share) {
        return Double.isFinite(share) ? String.format(Locale.UK, "%.2f %%", 100 * share) : "–";
    }
}
