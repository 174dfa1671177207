package io.prescale.cli.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.Json;
import io.prescale.cli.forecast.ForecastInput;
import io.prescale.cli.scale.BacktestPlot;
import io.prescale.core.forecast.ForecastModel;
import io.prescale.core.forecast.ForecastOptions;
import io.prescale.core.forecast.Forecasters;
import io.prescale.core.forecast.QuantileForecast;
import io.prescale.core.scale.BacktestResult;
import io.prescale.core.scale.StrategyResult;
import io.prescale.core.series.TimeSeries;
import io.prescale.grafana.dashboard.Dashboard;
import io.prescale.grafana.dashboard.DashboardJson;
import io.prescale.grafana.dashboard.PrescaleDashboards;
import io.prescale.grafana.report.AnomalyTrack;
import io.prescale.grafana.report.Counts;
import io.prescale.grafana.report.Decision;
import io.prescale.grafana.report.LoadForecast;
import io.prescale.grafana.report.ProfileLibrary;
import io.prescale.grafana.report.Report;
import io.prescale.grafana.report.ReportWriter;
import io.prescale.grafana.report.SloCurve;
import io.prescale.loadtest.LoadTestResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Stage "report": the offline report ({@code report.html} with its figures in {@code img/}) from whatever the
 * earlier stages left in the context — scaling backtests, the profile library, anomaly scores, load tests,
 * and later tuning and actuator results — plus a day-ahead Holt-Winters forecast of the last week of the NYC
 * taxi trace for the load-vs-forecast figure, and the Grafana dashboards in {@code dashboards/}. A missing
 * input leaves its panel out; the report says which.
 */
final class ReportStage implements DemoStage {
    /** Latency SLO of the reference service drawn on the SLO figure (ms). */
    static final double SLO_MS = 250;
    private static final int DAY = 48;
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
        Report.Builder report = Report.builder("Prescale demo report (" + (context.quick() ? "quick" : "full") + ")",
                clock.instant()).window(Duration.ofDays(3));
        ObjectNode summary = Json.object();
        forecast(context, report, summary);
        backtests(context, report);
        profiles(context, report);
        anomalies(context, report);
        loadTests(context, report);
        report.note("Figures from prescale demo, seed " + context.seed() + ". Times are UTC; every number comes from"
                + " the shipped traces replayed on this machine, so timings depend on its load.");
        List<Path> files = ReportWriter.write(report.build(), context.outDir());
        Path dashboards = Files.createDirectories(context.outDir().resolve("dashboards"));
        ArrayNode ds = summary.putArray("dashboards");
        for (Dashboard d : PrescaleDashboards.all()) {
            Files.write(dashboards.resolve(d.fileName()), DashboardJson.bytes(d));
            ds.add("dashboards/" + d.fileName());
        }
        summary.put("report", "report.html");
        summary.put("figures", files.size() - 1);
        context.progress("report: " + context.outDir().resolve("report.html") + " with " + (files.size() - 1)
                + " figures");
        return summary;
    }

    /** One Holt-Winters fit before the last week of NYC taxi, then one day ahead at each midnight of that week. */
    private static void forecast(DemoContext context, Report.Builder report, ObjectNode summary) {
        Path trace = context.artefact("trace.nyc_taxi", Path.class);
        if (trace == null) {
            return;
        }
        TimeSeries taxi = ForecastInput.readInput(trace);
        int from = taxi.size() - 7 * DAY;
        ForecastModel model = Forecasters.byName("holt-winters", ForecastOptions.defaults().withSeed(context.seed()))
                .fit(taxi.slice(0, from));
        double[] p10 = new double[7 * DAY];
        double[] p50 = new double[7 * DAY];
        double[] p90 = new double[7 * DAY];
        double absError = 0;
        double total = 0;
        for (int day = 0; day < 7; day++) {
            int origin = from + day * DAY;
            QuantileForecast f = model.forecast(taxi.slice(0, origin), DAY, new double[] {0.1, 0.5, 0.9});
            for (int h = 0; h < DAY; h++) {
                int i = day * DAY + h;
                p10[i] = f.value(h, 0);
                p50[i] = f.value(h, 1);
                p90[i] = f.value(h, 2);
                absError += Math.abs(taxi.valueAt(origin + h) - p50[i]);
                total += Math.abs(taxi.valueAt(origin + h));
            }
        }
        TimeSeries week = taxi.slice(from, taxi.size());
        report.loadForecast(new LoadForecast(taxi.slice(from - 2 * DAY, taxi.size()), week.withValues(p10),
                week.withValues(p50), week.withValues(p90), "taxi passengers per 30 min"));
        double wape = total > 0 ? absError / total : Double.NaN;
        Json.putNumber(summary, "forecastWape", wape, "no load in the last week");
        report.fact("day-ahead forecast error, NYC taxi last week (WAPE)", percent(wape));
    }

    private static void backtests(DemoContext context, Report.Builder report) {
        for (String trace : List.of("nyc_taxi", "elb_request_count_8c0756", "nasa_http_aug95")) {
            BacktestResult result = context.artefact("scale.backtest." + trace, BacktestResult.class);
            if (result == null) {
                continue;
            }
            report.backtest(BacktestPlot.timeline(trace, result));
            StrategyResult prescale = result.strategy("prescale");
            StrategyResult reactive = result.strategies().stream().filter(s -> s.name().equals("reactive"))
                    .findFirst().orElse(null);
            report.fact(trace + ": unserved share, prescale", percent(prescale.unservedShare()));
            if (reactive != null) {
                report.fact(trace + ": unserved share, reactive", percent(reactive.unservedShare()));
            }
            report.fact(trace + ": instance-hours, prescale", String.format(Locale.UK, "%,.0f", prescale.instanceHours()));
            if (trace.equals("nyc_taxi")) {
                report.counts(counts(result, prescale));
            }
        }
    }

    /**
     * Desired (launched) and ready instances of the simulated controller over the scored range, each count change
     * as a decision (the actuator stage, when present, gives the controller's own reasons).
     */
    private static Counts counts(BacktestResult result, StrategyResult s) {
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
                decisions.add(new Decision(demand.timeAt(t), total[t] > total[t - 1] ? "scale_out" : "scale_in",
                        total[t - 1], total[t], total[t] > total[t - 1]
                        ? "upper forecast quantile over the 10 min lead needs more instances"
                        : "the whole lead window plus cooldown allows fewer instances"));
            }
        }
        int from = result.scoredFrom();
        return new Counts(demand.withValues(desired).slice(from, demand.size()),
                demand.withValues(running).slice(from, demand.size()), decisions);
    }

    private static void profiles(DemoContext context, Report.Builder report) {
        ProfileLibrary library = context.artefact("generate.library", ProfileLibrary.class);
        if (library != null) {
            report.profiles(library);
        }
    }

    private static void anomalies(DemoContext context, Report.Builder report) {
        double[] scores = context.artefact("anomaly.scores.nyc_taxi", double[].class);
        Double threshold = context.artefact("anomaly.threshold", Double.class);
        Path trace = context.artefact("trace.nyc_taxi", Path.class);
        if (scores == null || threshold == null || trace == null) {
            return;
        }
        TimeSeries taxi = ForecastInput.readInput(trace);
        if (taxi.size() != scores.length) {
            return;
        }
        List<AnomalyTrack.Span> spans = new ArrayList<>();
        for (FlaggedSpans.Span s : FlaggedSpans.of(scores, threshold, 12)) {
            spans.add(new AnomalyTrack.Span(taxi.timeAt(s.from()), taxi.timeAt(s.to() + 1)));
        }
        report.anomalies(new AnomalyTrack("NYC taxi", taxi, taxi.withValues(scores), threshold, spans,
                "passengers per 30 min"));
        report.fact("NYC taxi: flagged anomaly spans", Integer.toString(spans.size()));
    }

    /** Per configuration, the p99 of each run second binned by achieved rate: latency against load. */
    private static void loadTests(DemoContext context, Report.Builder report) {
        for (String name : List.of("1-instance", "2-instances")) {
            LoadTestResult r = context.artefact("loadtest." + name, LoadTestResult.class);
            if (r == null || r.timeline().isEmpty()) {
                continue;
            }
            List<LoadTestResult.Second> seconds = r.timeline().stream()
                    .filter(s -> s.achievedRps() > 0).sorted((a, b) -> Long.compare(a.achievedRps(), b.achievedRps()))
                    .toList();
            int bins = Math.min(8, seconds.size());
            if (bins == 0) {
                continue;
            }
            double[] rps = new double[bins];
            double[] p99 = new double[bins];
            double[] errors = new double[bins];
            for (int b = 0; b < bins; b++) {
                List<LoadTestResult.Second> bin = seconds.subList(b * seconds.size() / bins,
                        (b + 1) * seconds.size() / bins);
                rps[b] = bin.stream().mapToLong(LoadTestResult.Second::achievedRps).average().orElse(0);
                p99[b] = bin.stream().mapToDouble(LoadTestResult.Second::p99Ms).max().orElse(Double.NaN);
                long requests = bin.stream().mapToLong(LoadTestResult.Second::achievedRps).sum();
                long failed = bin.stream().mapToLong(LoadTestResult.Second::errors).sum();
                errors[b] = requests + failed > 0 ? (double) failed / (requests + failed) : 0;
            }
            report.slo(new SloCurve(name.replace('-', ' '), rps, p99, errors, SLO_MS));
            report.fact("load test " + name.replace('-', ' ') + ": p99 latency",
                    String.format(Locale.UK, "%,.1f ms", r.latencyMs().p99()));
        }
    }

    private static String percent(double share) {
        return Double.isFinite(share) ? String.format(Locale.UK, "%.2f %%", 100 * share) : "–";
    }
}
