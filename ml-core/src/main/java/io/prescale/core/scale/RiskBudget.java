package io.prescale.core.scale;

import io.prescale.core.forecast.ForecastModel;
import io.prescale.core.forecast.Forecaster;
import io.prescale.core.forecast.QuantileForecast;
import io.prescale.core.series.TimeSeries;
import java.util.Arrays;
import java.util.Objects;

/**
 * A risk budget instead of a fixed forecast quantile: the lowest quantile whose recent rolling backtest keeps
 * the unserved share of the load within {@code maxUnserved}. The check replays the newest {@code window}
 * steps of the history with the prescale strategy at each candidate quantile in the scaling simulator, each
 * forecast made from a model fitted only on data before it (so its errors are out of sample), with the
 * controller's own dynamics (cooldown, hysteresis, reactive guard, start-up delay).
 *
 * @param maxUnserved the budget: the largest acceptable share of load above ready capacity, in (0, 1)
 * @param candidates the quantile levels tried, strictly increasing in (0, 1)
 * @param windowSteps how many of the newest history steps are replayed (&ge; 2 × lead)
 */
public record RiskBudget(double maxUnserved, double[] candidates, int windowSteps) {
    /**
     * A suggested price of unserved load: serving a request that found no capacity would have been worth this many
     * times what capacity for it costs (see {@link #costBalanced}).
     */
    public static final double SUGGESTED_UNSERVED_COST = 10;

    public RiskBudget {
        if (!(maxUnserved > 0 && maxUnserved <= 1)) {
            throw new IllegalArgumentException("max unserved share must be in (0, 1), got " + maxUnserved);
        }
        Objects.requireNonNull(candidates, "candidates");
        candidates = candidates.clone();
        if (candidates.length == 0) {
            throw new IllegalArgumentException("at least one candidate quantile is needed");
        }
        for (int i = 0; i < candidates.length; i++) {
            if (!(candidates[i] > 0 && candidates[i] < 1) || (i > 0 && candidates[i] <= candidates[i - 1])) {
                throw new IllegalArgumentException(
                        "candidate quantiles must increase strictly in (0, 1), got " + Arrays.toString(candidates));
            }
        }
        if (windowSteps < 2) {
            throw new IllegalArgumentException("window must be at least 2 steps, got " + windowSteps);
        }
    }

    /**
     * No budget (a share of 1 always holds): {@link #choose(Forecaster, TimeSeries, SimulationSettings,
     * ScalingController.Options, TrendGuard, int, double)} with a positive cost then picks the candidate of least
     * replayed cost instead.
     */
    public static RiskBudget costBalanced(int windowSteps) {
        return new RiskBudget(1, CANDIDATES, windowSteps);
    }

    /** The default candidates: p50 … p99, denser where the cost of a quantile rises fastest. */
    static final double[] CANDIDATES = {0.5, 0.6, 0.7, 0.75, 0.8, 0.825, 0.85, 0.875, 0.9, 0.925, 0.95, 0.975, 0.99};

    /** Candidates {@link #CANDIDATES}: p50, p60, p70, p75, p80, p82.5 … p97.5 in steps of 2.5, p99. */
    public static RiskBudget of(double maxUnserved, int windowSteps) {
        if (!(maxUnserved < 1)) {
            throw new IllegalArgumentException("max unserved share must be in (0, 1), got " + maxUnserved);
        }
        return new RiskBudget(maxUnserved, CANDIDATES, windowSteps);
    }

    @Override
    public double[] candidates() {
        return candidates.clone();
    }

    /**
     * The chosen quantile and the replayed unserved share of every candidate.
     *
     * @param quantile the lowest candidate within budget, or the highest candidate when none is
     * @param withinBudget whether any candidate kept the budget
     * @param unserved replayed unserved share per candidate (NaN when the window held no load)
     */
    public record Choice(double quantile, boolean withinBudget, double[] unserved) {
        public Choice {
            unserved = unserved.clone();
        }

        @Override
        public double[] unserved() {
            return unserved.clone();
        }
    }

    /**
     * Chooses a quantile for {@code history}, replaying its newest window; null when the history is too short
     * to hold a fit before the window (the caller keeps its fixed quantile).
     *
     * <p>The replay runs the prescale strategy itself at each candidate quantile in the {@link ScalingSimulator}
     * over the window — the same controller (cooldown, hysteresis, bounds, reactive guard), trend guard, start-up
     * delay and daily refits on the history before each refit — so its unserved share is the one the controller
     * would have had, out of sample. A {@link ForecastMemo} as {@code forecaster} lets it reuse the live run's
     * fits and forecasts.
     *
     * @param history the demand known now, at least {@code historySteps} + the window for a full replay
     * @param world the simulated world (step, start-up, capacity, bounds)
     * @param controller the controller's options; only its quantile is varied
     * @param trendGuard the live strategy's trend guard, or null
     * @param historySteps how much history each refit and forecast sees, as in the live strategy
     */
    public Choice choose(
            Forecaster forecaster,
            TimeSeries history,
            SimulationSettings world,
            ScalingController.Options controller,
            TrendGuard trendGuard,
            int historySteps) {
        return choose(forecaster, history, world, controller, trendGuard, historySteps, 0);
    }

    /**
     * As {@link #choose(Forecaster, TimeSeries, SimulationSettings, ScalingController.Options, TrendGuard, int)};
     * with {@code unservedCost} λ &gt; 0 the candidate within budget of least replayed cost H + λ·U·L is chosen
     * instead of the lowest one — H the replayed instance-hours, U the unserved share and L the load in
     * instance-hours at full use (Σ d / c over the window): the newsvendor's balance of idle capacity against
     * load turned away (Arrow, Harris &amp; Marschak 1951), priced by the user.
     *
     * @param unservedCost λ ≥ 0; 0 keeps the lowest candidate within budget
     */
    public Choice choose(
            Forecaster forecaster,
            TimeSeries history,
            SimulationSettings world,
            ScalingController.Options controller,
            TrendGuard trendGuard,
            int historySteps,
            double unservedCost) {
        if (!(unservedCost >= 0)) {
            throw new IllegalArgumentException("unserved cost must be ≥ 0, got " + unservedCost);
        }
        int n = history.size();
        int lead = Math.max(1, world.stepsIn(controller.lead()));
        int window = Math.min(windowSteps, n / 2);
        int replayFrom = n - window;
        if (window < 2 * lead || replayFrom < 2) {
            return null;
        }
        SimulationSettings replay = new SimulationSettings(
                world.step(),
                world.lead(),
                world.startupSteps(),
                world.capacity(),
                world.bounds(),
                replayFrom + lead,
                world.targetUtilization(),
                world.reactiveCooldown(),
                world.reactiveThreshold());
        double[] share = new double[candidates.length];
        double[] hours = new double[candidates.length];
        double loadHours = 0;
        for (int t = replay.warmUpSteps(); t < n; t++) {
            double d = history.valueAt(t);
            loadHours += Double.isFinite(d) ? d / world.capacity() : 0;
        }
        loadHours *= world.step().toNanos() / 3.6e12;
        for (int q = 0; q < candidates.length; q++) {
            PrescaleStrategy strategy = new PrescaleStrategy(
                    forecaster, controller.withQuantile(candidates[q]), null, trendGuard, historySteps, replayFrom);
            StrategyResult result;
            try {
                result = ScalingSimulator.run(history, replay, strategy);
            } catch (IllegalArgumentException tooShort) {
                return null;
            }
            if (!strategy.forecasting()) {
                return null;
            }
            share[q] = result.unservedShare();
            hours[q] = result.instanceHours();
        }
        int chosen = -1;
        for (int q = 0; q < candidates.length; q++) {
            if (share[q] <= maxUnserved || Double.isNaN(share[q]) && maxUnserved >= 1) {
                if (chosen < 0) {
                    chosen = q;
                    if (unservedCost == 0) {
                        break;
                    }
                } else if (cost(hours[q], share[q], loadHours, unservedCost)
                        < cost(hours[chosen], share[chosen], loadHours, unservedCost)) {
                    chosen = q;
                }
            }
        }
        return chosen < 0
                ? new Choice(candidates[candidates.length - 1], false, share)
                : new Choice(candidates[chosen], true, share);
    }

    private static double cost(double hours, double share, double loadHours, double unservedCost) {
        return hours + unservedCost * (Double.isFinite(share) ? share : 0) * loadHours;
    }

    /**
     * Chooses a quantile for {@code history} by a simpler replay of its newest window, without the controller's
     * dynamics: from an origin every {@code leadSteps}, each candidate's peak over the lead (never below the load
     * before the origin) sets the capacity of the {@code leadSteps} steps one lead later. It leaves out cooldown
     * and hysteresis, which only add capacity, so its share over-states the controller's; null when the history
     * is too short to hold a fit before the window.
     *
     * @param leadSteps how far ahead capacity is planned, in steps (&ge; 1)
     * @param capacity load one instance serves per step (&gt; 0)
     */
    public Choice choose(Forecaster forecaster, TimeSeries history, int leadSteps, double capacity) {
        int n = history.size();
        int window = Math.min(windowSteps, n / 2);
        int fitEnd = n - window - leadSteps;
        if (window < 2 * leadSteps || fitEnd < 2) {
            return null;
        }
        ForecastModel model;
        try {
            model = forecaster.fit(history.slice(0, fitEnd));
        } catch (IllegalArgumentException tooShort) {
            return null;
        }
        double[] unservedLoad = new double[candidates.length];
        double total = 0;
        // At each origin the capacity for the steps one lead later is chosen, as instances take a lead to start.
        for (int origin = fitEnd; origin + leadSteps < n; origin += leadSteps) {
            int span = Math.min(leadSteps, n - origin - leadSteps);
            QuantileForecast f = model.forecast(history.slice(0, origin), leadSteps + span, candidates);
            double before = history.valueAt(origin - 1);
            for (int q = 0; q < candidates.length; q++) {
                double peak = Double.isFinite(before) ? before : 0;
                for (int h = 0; h < leadSteps + span; h++) {
                    peak = Math.max(peak, f.value(h, q));
                }
                double served = Math.ceil(peak / capacity - 1e-9) * capacity;
                for (int h = leadSteps; h < leadSteps + span; h++) {
                    double d = history.valueAt(origin + h);
                    if (Double.isFinite(d)) {
                        unservedLoad[q] += Math.max(0, d - served);
                    }
                }
            }
            for (int h = leadSteps; h < leadSteps + span; h++) {
                double d = history.valueAt(origin + h);
                total += Double.isFinite(d) ? d : 0;
            }
        }
        double[] share = new double[candidates.length];
        for (int q = 0; q < candidates.length; q++) {
            share[q] = total > 0 ? unservedLoad[q] / total : Double.NaN;
        }
        for (int q = 0; q < candidates.length; q++) {
            if (share[q] <= maxUnserved) {
                return new Choice(candidates[q], true, share);
            }
        }
        return new Choice(candidates[candidates.length - 1], false, share);
    }
}
