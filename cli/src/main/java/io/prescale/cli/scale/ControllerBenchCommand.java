package io.prescale.cli.scale;

import io.prescale.cli.base.BadInputException;
import io.prescale.cli.base.BenchmarkReport;
import io.prescale.cli.base.LeafCommand;
import io.prescale.cli.base.SeedOption;
import io.prescale.cli.input.InputFiles;
import io.prescale.core.forecast.EventAwareForecaster;
import io.prescale.core.forecast.EventCalendar;
import io.prescale.core.forecast.Forecaster;
import io.prescale.core.forecast.QuantileForecast;
import io.prescale.core.generate.ScheduledEventTrace;
import io.prescale.core.scale.Bounds;
import io.prescale.core.scale.ScalingBacktest;
import io.prescale.core.scale.ScalingBacktestOptions;
import io.prescale.core.scale.ScalingBacktestResult;
import io.prescale.core.scale.ScalingController;
import io.prescale.core.scale.ScalingPolicy;
import io.prescale.core.scale.ScalingState;
import io.prescale.core.scale.StrategyResult;
import io.prescale.core.series.ShippedTrace;
import io.prescale.core.series.TimeSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code prescale bench controller}: decisions per second of {@link ScalingController#decide} on one thread, and
 * the backtest goals on the shipped traces (nyc_taxi, ELB request count, NASA-HTTP August per minute) and on a
 * generated event-driven trace ({@link ScheduledEventTrace}) without and with its calendar, with a lead of 10
 * minutes. Strategies are compared at equal instance-hours (reactive's frontier; prescale's own quantile
 * frontier) and at equal unserved share (prescale's quantile frontier at each baseline's share).
 */
@Command(name = "controller", description = "Controller speed and the backtest goals on the shipped traces.")
public final class ControllerBenchCommand extends LeafCommand {
    private static final List<ShippedTrace> TRACES =
            List.of(ShippedTrace.NYC_TAXI, ShippedTrace.ELB_REQUEST_COUNT, ShippedTrace.NASA_HTTP_AUG95);

    private static final double[] QUANTILES = {0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.99, 0.995, 0.999};
    private static final int EVENT_TRACE_DAYS = 28;

    @Option(
            names = "--decisions",
            defaultValue = "1000000",
            paramLabel = "N",
            description = "Decisions per timed round (default ${DEFAULT-VALUE}); five rounds, the median is reported.")
    int decisions;

    @Option(names = "--no-backtest", description = "Only time the controller.")
    boolean noBacktest;

    @Mixin
    SeedOption seed;

    @Override
    protected Result execute() throws Exception {
        if (decisions < 1) {
            throw new BadInputException(
                    "--decisions", String.valueOf(decisions), "--decisions must be ≥ 1, got " + decisions);
        }
        BenchmarkReport report = new BenchmarkReport("controller");
        report.metric("decisionsPerSecond", decisionsPerSecond());
        report.details().put("decisionsPerRound", decisions);
        report.goal("decisionsPerSecond", ">=", 100_000);
        if (!noBacktest) {
            Path dir = Files.createTempDirectory("prescale-bench-controller");
            for (ShippedTrace trace : TRACES) {
                backtest(report, trace, dir);
            }
            ScheduledEventTrace events = ScheduledEventTrace.generate(EVENT_TRACE_DAYS, seed.seed());
            report.details()
                    .put(
                            "events.trace",
                            EVENT_TRACE_DAYS + " days at 1-minute steps, "
                                    + events.calendar().events().size()
                                    + " scheduled matches (ScheduledEventTrace, seed "
                                    + seed.seed() + ")");
            backtest(report, "events", events.demand(), EventCalendar.empty(), 2, Double.NaN);
            backtest(report, "events+calendar", events.demand(), events.calendar(), 5, 1.3);
        }
        return Result.of(report.toFields());
    }

    private double decisionsPerSecond() {
        SplittableRandom random = new SplittableRandom(seed.seed());
        int cases = 4096;
        Instant now = Instant.parse("2026-01-05T12:00:00Z");
        ScalingState[] states = new ScalingState[cases];
        QuantileForecast[] forecasts = new QuantileForecast[cases];
        for (int i = 0; i < cases; i++) {
            states[i] = ScalingState.of(now, 1 + random.nextInt(40), random.nextDouble(4000), null, null);
            double[][] values = new double[8][];
            for (int h = 0; h < 8; h++) {
                double p50 = random.nextDouble(4000);
                values[h] = new double[] {p50, p50 * 1.2};
            }
            forecasts[i] = new QuantileForecast(
                    now,
                    Duration.ofMinutes(1),
                    new double[] {0.5, ScalingController.Options.defaults().quantile()},
                    values);
        }
        ScalingController controller =
                new ScalingController(ScalingController.Options.defaults().withLead(Duration.ofMinutes(3)));
        ScalingPolicy policy = ScalingPolicy.capacityOnly("bench", 100, "requests/min", null);
        Bounds bounds = new Bounds(1, 40, 10);
        double[] rates = new double[5];
        long sink = 0;
        for (int round = -1; round < rates.length; round++) { // round −1 warms the JIT up
            long start = System.nanoTime();
            for (int i = 0; i < decisions; i++) {
                sink += controller
                        .decide(states[i & (cases - 1)], forecasts[i & (cases - 1)], policy, bounds)
                        .targetCount();
            }
            long nanos = System.nanoTime() - start;
            if (round >= 0) {
                rates[round] = decisions / (nanos / 1e9);
            }
        }
        progress("controller: " + (long) BenchmarkReport.median(rates) + " decisions/s (checksum " + sink + ")");
        return BenchmarkReport.median(rates);
    }

    private void backtest(BenchmarkReport report, ShippedTrace trace, Path dir) {
        TimeSeries demand = InputFiles.read(trace.copyTo(dir), "--input").series();
        boolean coarse = demand.step().compareTo(Duration.ofMinutes(30)) >= 0;
        backtest(report, trace.seriesName(), demand, EventCalendar.empty(), 5, coarse ? 1.15 : 1.3);
    }

    /**
     * One backtest with its goals: reactive's unserved share at prescale's instance-hours ÷ prescale's ≥
     * {@code frontierGoal}, prescale's instance-hours ÷ the oracle's ≤ {@code oracleGoal} (NaN: no goal), and
     * fewer instance-hours than each baseline at the baseline's unserved share (prescale's own quantile frontier).
     */
    private void backtest(
            BenchmarkReport report,
            String name,
            TimeSeries demand,
            EventCalendar calendar,
            double frontierGoal,
            double oracleGoal) {
        Supplier<Forecaster> forecasters = calendar.isEmpty()
                ? ForecasterChoice.byName(ForecasterChoice.DEFAULT)
                : () -> EventAwareForecaster.wrap(
                        ForecasterChoice.byName(ForecasterChoice.DEFAULT).get(), calendar);
        long start = System.nanoTime();
        ScalingBacktestResult result = ScalingBacktest.run(demand, ScalingBacktestOptions.defaults(), forecasters);
        double seconds = (System.nanoTime() - start) / 1e9;
        progress(name + " (" + demand.size() + " steps, " + String.format("%.1f", seconds) + " s)\n"
                + ScalingBacktestJson.table(result));
        StrategyResult prescale = result.strategy("prescale");
        report.metric(name + ".backtestSeconds", seconds);
        report.metric(
                name + ".frontierUnservedRatio",
                result.frontierUnservedAt(prescale.instanceHours()) / prescale.unservedShare());
        report.metric(
                name + ".instanceHoursOverOracle",
                prescale.instanceHours() / result.strategy("oracle").instanceHours());
        for (String baseline : List.of("seasonal-offset", "forecast-scale-out-only")) {
            StrategyResult other = result.strategy(baseline);
            report.metric(name + ".unservedShareOver." + baseline, prescale.unservedShare() / other.unservedShare());
            report.metric(name + ".instanceHoursOver." + baseline, prescale.instanceHours() / other.instanceHours());
        }
        List<double[]> prescaleFrontier = prescaleFrontier(demand, result, forecasters);
        for (String baseline : List.of("seasonal-offset", "forecast-scale-out-only")) {
            StrategyResult other = result.strategy(baseline);
            report.metric(
                    name + ".unservedShareAtSameHoursOver." + baseline,
                    interpolate(prescaleFrontier, other.instanceHours()) / other.unservedShare());
        }
        for (String baseline : List.of("reactive", "seasonal-offset", "forecast-scale-out-only")) {
            StrategyResult other = result.strategy(baseline);
            report.metric(
                    name + ".instanceHoursAtSameUnservedOver." + baseline,
                    hoursAt(prescaleFrontier, other.unservedShare()) / other.instanceHours());
        }
        var frontierNode = report.details().putArray(name + ".prescaleFrontier");
        for (double[] point : prescaleFrontier) {
            frontierNode
                    .addObject()
                    .put("quantile", point[0])
                    .put("unservedShare", point[1])
                    .put("instanceHours", point[2]);
        }
        for (StrategyResult s : result.strategies()) {
            var node = report.details().putObject(name + "." + s.name());
            node.put("unservedShare", s.unservedShare());
            node.put("instanceHours", s.instanceHours());
            node.put("sloViolationMinutes", s.sloViolationMinutes());
        }
        report.goal(name + ".frontierUnservedRatio", ">=", frontierGoal);
        if (!Double.isNaN(oracleGoal)) {
            report.goal(name + ".instanceHoursOverOracle", "<=", oracleGoal);
        }
        for (String baseline : List.of("seasonal-offset", "forecast-scale-out-only")) {
            report.goal(name + ".unservedShareOver." + baseline, "<=", 1);
            report.goal(name + ".instanceHoursOver." + baseline, "<=", 1);
            report.goal(name + ".unservedShareAtSameHoursOver." + baseline, "<=", 1);
        }
        for (String baseline : List.of("reactive", "seasonal-offset", "forecast-scale-out-only")) {
            report.goal(name + ".instanceHoursAtSameUnservedOver." + baseline, "<=", 1);
        }
    }

    /** prescale at fixed controller quantiles: {quantile, unservedShare, instanceHours}, sorted by hours. */
    private static List<double[]> prescaleFrontier(
            TimeSeries demand, ScalingBacktestResult result, Supplier<Forecaster> forecasters) {
        List<double[]> points = new java.util.ArrayList<>();
        for (double q : QUANTILES) {
            ScalingBacktestOptions defaults =
                    ScalingBacktestOptions.defaults().withMaxUnserved(null).withUnservedCost(null);
            StrategyResult r = ScalingBacktest.run(
                            demand,
                            defaults.withController(defaults.controller().withQuantile(q)),
                            forecasters,
                            List.of("prescale"),
                            false)
                    .strategy("prescale");
            points.add(new double[] {q, r.unservedShare(), r.instanceHours()});
        }
        points.sort((a, b) -> Double.compare(a[2], b[2]));
        return points;
    }

    /**
     * prescale's instance-hours at unserved share {@code share} along its quantile frontier, linear in the
     * logarithm of the share between neighbouring points. A share above the frontier's riskiest point gives that
     * point's hours (prescale is then cheaper and safer at once); a share below its safest point is NaN (not
     * measured: no extrapolation).
     */
    static double hoursAt(List<double[]> points, double share) {
        List<double[]> byShare = new java.util.ArrayList<>(points);
        byShare.sort((a, b) -> Double.compare(a[1], b[1]));
        double[] safest = byShare.get(0);
        double[] riskiest = byShare.get(byShare.size() - 1);
        if (share >= riskiest[1]) {
            return riskiest[2];
        }
        if (share < safest[1]) {
            return Double.NaN;
        }
        for (int i = 1; i < byShare.size(); i++) {
            double[] a = byShare.get(i - 1);
            double[] b = byShare.get(i);
            if (share <= b[1]) {
                double la = Math.log(Math.max(a[1], 1e-12));
                double lb = Math.log(Math.max(b[1], 1e-12));
                double f = lb == la ? 0 : (Math.log(Math.max(share, 1e-12)) - la) / (lb - la);
                return a[2] + f * (b[2] - a[2]);
            }
        }
        return riskiest[2];
    }

    /** Unserved share at {@code hours}, linear between frontier points (clamped to the ends). */
    private static double interpolate(List<double[]> points, double hours) {
        if (hours <= points.get(0)[2]) {
            return points.get(0)[1];
        }
        for (int i = 1; i < points.size(); i++) {
            double[] a = points.get(i - 1);
            double[] b = points.get(i);
            if (hours <= b[2]) {
                return a[1] + (hours - a[2]) / (b[2] - a[2]) * (b[1] - a[1]);
            }
        }
        return points.get(points.size() - 1)[1];
    }
}
