package io.prescale.core.tune;

import io.prescale.core.forecast.ForecastModel;
import io.prescale.core.forecast.Forecaster;
import io.prescale.core.forecast.QuantileForecast;
import io.prescale.core.scale.Bounds;
import io.prescale.core.scale.Decision;
import io.prescale.core.scale.ScalingController;
import io.prescale.core.scale.ScalingPolicy;
import io.prescale.core.scale.ScalingSimulator;
import io.prescale.core.scale.ScalingState;
import io.prescale.core.scale.ScalingStrategy;
import io.prescale.core.scale.SimulationSettings;
import io.prescale.core.scale.SimulationView;
import io.prescale.core.scale.StrategyResult;
import io.prescale.core.series.TimeSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * Drives policies with the landed {@link ScalingController} in the landed {@link ScalingSimulator} over a real trace,
 * so a learned policy and a hand-written {@code capacityPerInstance} policy are compared in the same world. The trace
 * is scaled so that its 99th percentile is the tuning profiles' 99th percentile (requests/s). The controller sees a
 * quantile forecast (the given forecaster, refit once per simulated day, one forecast per step shared by both
 * policies), decides count and configuration (restart-requiring changes only in its low-load window, as it would
 * in production); the simulator launches and removes instances with a start-up delay of ⌈lead / step⌉ steps. A step's
 * served load is its ready instances × the capacity of the configuration then running (from the capacity model);
 * the unserved share is Σ max(0, d − served) / Σ d over the scored steps (after a 7-day warm-up), and the cost is
 * Σ instances × that configuration's cost per instance-hour.
 */
public final class PolicySimulation {
    private PolicySimulation() {}

    /**
     * One policy's score over the scored steps.
     *
     * @param policy the priced policy's name
     * @param instanceHours instance-hours, counted from launch
     * @param cost cost of those instance-hours (the space's currency)
     * @param costPerHour cost ÷ scored hours
     * @param unservedShare load beyond the ready capacity ÷ all load
     * @param violationSteps scored steps whose load exceeded the ready capacity
     * @param scoredSteps steps scored
     * @param actions count changes in the scored range
     * @param maxInstances the largest count
     */
    public record Outcome(
            String policy,
            double instanceHours,
            double cost,
            double costPerHour,
            double unservedShare,
            int violationSteps,
            int scoredSteps,
            int actions,
            int maxInstances) {}

    /**
     * Both policies on one trace.
     *
     * @param trace the trace's name
     * @param scale requests/s per unit of the trace (its p99 is mapped to {@code p99Rps})
     * @param p99Rps the 99th percentile of the scaled trace
     * @param step the trace's step
     * @param learned the learned policy's outcome
     * @param handWritten the hand-written policy's outcome
     */
    public record Comparison(
            String trace, double scale, double p99Rps, Duration step, Outcome learned, Outcome handWritten) {
        /** The learned policy's instance-hours ÷ the hand-written one's. */
        public double instanceHoursRatio() {
            return learned.instanceHours() / handWritten.instanceHours();
        }

        /** The learned policy's cost ÷ the hand-written one's. */
        public double costRatio() {
            return learned.cost() / handWritten.cost();
        }
    }

    /**
     * Scales {@code trace} to {@code p99Rps} and runs both policies.
     *
     * @param lead the controller's lead and the instances' start-up time (rounded up to whole steps)
     * @throws IllegalArgumentException when the trace is not longer than the 7-day warm-up or has no positive load
     */
    public static Comparison compare(
            String traceName,
            TimeSeries trace,
            double p99Rps,
            PricedPolicy learned,
            PricedPolicy handWritten,
            Forecaster forecaster,
            Duration lead) {
        Objects.requireNonNull(trace, "trace");
        if (!(p99Rps > 0 && Double.isFinite(p99Rps))) {
            throw new IllegalArgumentException("p99 must be a finite number > 0 requests/s, got " + p99Rps);
        }
        double[] values = trace.values();
        double p99 = percentile99(values);
        if (!(p99 > 0)) {
            throw new IllegalArgumentException("trace " + traceName + " has no positive load");
        }
        double scale = p99Rps / p99;
        double[] scaled = Arrays.stream(values).map(v -> v * scale).toArray();
        TimeSeries demand = TimeSeries.of(trace.start(), trace.step(), scaled);
        SimulationSettings world = world(traceName, demand, lead);
        ScalingController.Options options = ScalingController.Options.defaults()
                .withLead(world.step().multipliedBy(world.startupSteps()))
                .withStaleAfter(max(
                        ScalingController.Options.defaults().staleAfter(),
                        world.step().multipliedBy(2)));
        ForecastFeed feed = new ForecastFeed(forecaster, options, world, demand.size());
        Outcome a = run(demand, world, learned, options, feed);
        Outcome b = run(demand, world, handWritten, options, feed);
        return new Comparison(traceName, scale, p99Rps, trace.step(), a, b);
    }

    private static SimulationSettings world(String traceName, TimeSeries demand, Duration lead) {
        Duration step = demand.step();
        int k = (int) Math.max(1, -Math.floorDiv(-lead.toNanos(), step.toNanos()));
        int warmUp = (int) -Math.floorDiv(-Duration.ofDays(7).toNanos(), step.toNanos());
        if (demand.size() <= warmUp) {
            throw new IllegalArgumentException("trace " + traceName + " has " + demand.size() + " steps of " + step
                    + ", not more than the 7-day warm-up of " + warmUp + " steps");
        }
        // the simulator's own capacity is not used for scoring here (capacities depend on the running configuration)
        return new SimulationSettings(step, lead, k, 1, Bounds.of(1, 1000), warmUp, 0.7, Duration.ofMinutes(5), 0.01);
    }

    private static Outcome run(
            TimeSeries demand,
            SimulationSettings world,
            PricedPolicy priced,
            ScalingController.Options options,
            ForecastFeed feed) {
        int[] bandLine = new int[demand.size()];
        StrategyResult r = ScalingSimulator.run(demand, world, new ControlledStrategy(priced, options, feed, bandLine));
        int[] ready = r.ready();
        int[] total = r.total();
        double stepHours = world.step().toNanos() / 3.6e12;
        double load = 0;
        double unserved = 0;
        double cost = 0;
        long instanceSteps = 0;
        int violations = 0;
        int scored = 0;
        for (int t = world.warmUpSteps(); t < demand.size(); t++) {
            int band = bandLine[t];
            instanceSteps += total[t];
            cost += total[t] * priced.cost(band) * stepHours;
            scored++;
            double d = demand.valueAt(t);
            if (Double.isNaN(d)) {
                continue;
            }
            load += d;
            double served = ready[t] * priced.capacity(band);
            if (d > served) {
                violations++;
                unserved += d - served;
            }
        }
        return new Outcome(
                priced.name(),
                instanceSteps * stepHours,
                cost,
                cost / (scored * stepHours),
                load > 0 ? unserved / load : Double.NaN,
                violations,
                scored,
                r.actions(),
                r.maxInstances());
    }

    private static double percentile99(double[] values) {
        double[] finite =
                Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        return finite.length == 0
                ? Double.NaN
                : finite[(int) Math.min(finite.length - 1, Math.ceil(0.99 * finite.length) - 1)];
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** One quantile forecast per step from the demand before it, shared by the policies (they see the same past). */
    private static final class ForecastFeed {
        private final Forecaster forecaster;
        private final int horizon;
        private final double[] levels;
        private final int day;
        private final QuantileForecast[] cache;
        private final boolean[] done;
        private ForecastModel model;
        private int fittedAt = -1;
        private int failedAt = -1;

        ForecastFeed(Forecaster forecaster, ScalingController.Options options, SimulationSettings world, int steps) {
            this.forecaster = Objects.requireNonNull(forecaster, "forecaster");
            this.horizon = world.stepsIn(options.lead()) + world.stepsIn(options.cooldown()) + 2;
            this.levels = new double[] {0.5, options.quantile()};
            this.day = world.stepsIn(Duration.ofDays(1));
            this.cache = new QuantileForecast[steps];
            this.done = new boolean[steps];
        }

        /** The forecast made at the start of {@code view.t()}, or null while no model can be fitted. */
        QuantileForecast at(SimulationView view) {
            int t = view.t();
            if (!done[t]) {
                refit(view);
                cache[t] = model == null ? null : model.forecast(view.history(35 * day), horizon, levels);
                done[t] = true;
            }
            return cache[t];
        }

        private void refit(SimulationView view) {
            int t = view.t();
            boolean due = model == null ? failedAt < 0 || t - failedAt >= Math.max(1, day / 24) : t - fittedAt >= day;
            if (!due) {
                return;
            }
            try {
                model = forecaster.fit(view.history(35 * day));
                fittedAt = t;
            } catch (IllegalArgumentException e) {
                failedAt = t;
            }
        }
    }

    /** The controller on one policy; records the band whose configuration runs at each step. */
    private static final class ControlledStrategy implements ScalingStrategy {
        private final PricedPolicy priced;
        private final ScalingPolicy policy;
        private final ScalingController controller;
        private final ForecastFeed feed;
        private final int[] bandLine;
        private Map<String, Object> config;
        private int band;
        private Instant lastOut;
        private Instant lastIn;

        ControlledStrategy(PricedPolicy priced, ScalingController.Options options, ForecastFeed feed, int[] bandLine) {
            this.priced = priced;
            this.policy = priced.policy();
            this.controller = new ScalingController(options);
            this.feed = feed;
            this.bandLine = bandLine;
            this.config = policy.bands().get(0).knobs();
        }

        @Override
        public String name() {
            return priced.name();
        }

        @Override
        public int desiredInstances(SimulationView view) {
            int t = view.t();
            int count = view.totalInstances();
            bandLine[t] = band;
            if (t == 0) {
                return count;
            }
            double load = view.observed(t - 1);
            QuantileForecast forecast = feed.at(view);
            if (forecast == null) {
                return Double.isFinite(load) ? policy.instancesFor(load) : count;
            }
            Instant now = view.timeAt(t);
            Decision decision = controller.decide(
                    new ScalingState(now, count, config, load, now, lastOut, lastIn),
                    forecast,
                    policy,
                    view.settings().bounds());
            if (!decision.config().equals(config) && decision.numbers().containsKey("band")) {
                config = decision.config();
                band = decision.numbers().get("band").intValue();
                bandLine[t] = band;
            }
            if (decision.targetCount() > count) {
                lastOut = now;
            } else if (decision.targetCount() < count) {
                lastIn = now;
            }
            return decision.targetCount();
        }
    }
}
