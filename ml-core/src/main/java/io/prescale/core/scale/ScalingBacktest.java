package io.prescale.core.scale;

import io.prescale.core.forecast.Forecaster;
import io.prescale.core.series.TimeSeries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Runs every scaling strategy on one demand series in the same {@link ScalingSimulator} world: warm-up
 * max(7 days, two daily seasons), k = ceil(start-up delay / Δ) ≥ 1, c = max(d over the scored range) / N unless
 * given, bounds [1, 2N] unless given.
 */
public final class ScalingBacktest {
    /** The strategy names, in report order. */
    public static final List<String> STRATEGIES =
            List.of("prescale", "reactive", "seasonal-offset", "forecast-scale-out-only", "oracle");

    private ScalingBacktest() {}

    /**
     * @param forecasters makes a fresh forecaster for each strategy that forecasts
     * @throws IllegalArgumentException when the series is shorter than the warm-up plus one step, or has no
     *         positive demand in the scored range
     */
    public static ScalingBacktestResult run(
            TimeSeries demand, ScalingBacktestOptions options, Supplier<Forecaster> forecasters) {
        return run(demand, options, forecasters, STRATEGIES, true);
    }

    /**
     * Runs only {@code strategies} (names from {@link #STRATEGIES}), and the reactive frontier when asked.
     *
     * @throws IllegalArgumentException as {@link #run(TimeSeries, ScalingBacktestOptions, Supplier)}, or for an unknown name
     */
    public static ScalingBacktestResult run(
            TimeSeries demand,
            ScalingBacktestOptions options,
            Supplier<Forecaster> forecasters,
            List<String> strategies,
            boolean withFrontier) {
        Objects.requireNonNull(demand, "demand");
        for (String name : strategies) {
            if (!STRATEGIES.contains(name)) {
                throw new IllegalArgumentException("unknown strategy '" + name + "'; expected one of " + STRATEGIES);
            }
        }
        Derived derived = settings(demand, options);
        int n = derived.peakInstances();
        SimulationSettings world = derived.world();
        int history = world.stepsIn(Duration.ofDays(35));
        ScalingController.Options controller = controllerOptions(options, world);
        String forecasterName = forecasters.get().name();
        List<StrategyResult> results = new ArrayList<>();
        List<Double> chosen = List.of();
        for (String name : STRATEGIES) {
            if (strategies.contains(name)) {
                ScalingStrategy strategy = switch (name) {
                    case "prescale" ->
                        new PrescaleStrategy(
                                forecasters.get(),
                                controller,
                                riskBudget(options, world),
                                options.trendWindow() == null
                                        ? null
                                        : TrendGuard.of(Math.max(4, world.stepsIn(options.trendWindow()))),
                                history,
                                options.maxUnserved() == null && options.unservedCost() != null
                                        ? options.unservedCost()
                                        : 0);
                    case "reactive" -> new ReactiveStrategy(world.targetUtilization());
                    case "seasonal-offset" -> new SeasonalOffsetStrategy();
                    case "forecast-scale-out-only" -> new ForecastScaleOutOnlyStrategy(forecasters.get(), history);
                    default -> new OracleStrategy(demand.values(), world);
                };
                results.add(ScalingSimulator.run(demand, world, strategy));
                if (strategy instanceof PrescaleStrategy prescale) {
                    chosen = prescale.chosenQuantiles();
                }
            }
        }
        List<ScalingBacktestResult.FrontierPoint> frontier = new ArrayList<>();
        for (double u : withFrontier ? options.frontier() : List.<Double>of()) {
            StrategyResult r = ScalingSimulator.run(demand, world.withTargetUtilization(u), new ReactiveStrategy(u));
            frontier.add(new ScalingBacktestResult.FrontierPoint(u, r.unservedShare(), r.instanceHours()));
        }
        return new ScalingBacktestResult(demand, world, n, forecasterName, controller, results, frontier, chosen);
    }

    /** The budget, the cost balance, or null for the fixed quantile. */
    private static RiskBudget riskBudget(ScalingBacktestOptions options, SimulationSettings world) {
        int week = world.stepsIn(Duration.ofDays(7));
        if (options.maxUnserved() != null) {
            return RiskBudget.of(options.maxUnserved(), week);
        }
        return options.unservedCost() == null ? null : RiskBudget.costBalanced(week);
    }

    private record Derived(SimulationSettings world, int peakInstances) {}

    private static Derived settings(TimeSeries demand, ScalingBacktestOptions options) {
        Duration step = demand.step();
        long stepNanos = step.toNanos();
        Duration startup = options.startupDelay() == null ? options.lead() : options.startupDelay();
        int k = (int) Math.max(1, -Math.floorDiv(-startup.toNanos(), stepNanos));
        int warmUp = (int) -Math.floorDiv(-Duration.ofDays(7).toNanos(), stepNanos);
        if (demand.size() <= warmUp) {
            throw new IllegalArgumentException("trace has " + demand.size() + " steps of " + step
                    + ", not more than the warm-up of " + warmUp + " steps (7 days); nothing would be scored");
        }
        double peak = 0;
        for (int t = warmUp; t < demand.size(); t++) {
            double d = demand.valueAt(t);
            if (d > peak) {
                peak = d;
            }
        }
        if (!(peak > 0)) {
            throw new IllegalArgumentException("the scored range (after the 7-day warm-up) has no positive demand");
        }
        double capacity = options.capacity() != null ? options.capacity() : peak / options.peakInstances();
        int n = options.capacity() != null ? (int) Math.max(1, Math.ceil(peak / capacity)) : options.peakInstances();
        int min = options.minInstances() == null ? 1 : options.minInstances();
        int max = options.maxInstances() == null ? Math.max(min, 2 * n) : options.maxInstances();
        if (max < min) {
            throw new IllegalArgumentException("max instances " + max + " is below min instances " + min);
        }
        SimulationSettings world = new SimulationSettings(
                step,
                options.lead(),
                k,
                capacity,
                Bounds.of(min, max),
                warmUp,
                options.targetUtilization(),
                Duration.ofMinutes(5),
                0.01);
        return new Derived(world, n);
    }

    private static ScalingController.Options controllerOptions(
            ScalingBacktestOptions options, SimulationSettings world) {
        Duration startup = world.step().multipliedBy(world.startupSteps());
        Duration lead = options.lead().compareTo(startup) >= 0 ? options.lead() : startup;
        ScalingController.Options base = options.controller().withLead(lead);
        Duration stale = world.step().multipliedBy(2);
        return stale.compareTo(base.staleAfter()) > 0 ? base.withStaleAfter(stale) : base;
    }
}
