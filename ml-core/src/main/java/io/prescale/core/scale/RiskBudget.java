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
 * steps of the history with a model fitted only on the history before them (so its errors are out of sample):
 * from an origin every {@code lead} steps, each candidate quantile's peak over the lead, never below the load
 * of the step before the origin, sets the capacity of the {@code lead} steps that start one lead later (instances
 * take a lead to start), and the load above that capacity is unserved. It leaves out the controller's cooldown and hysteresis, which only add capacity, so the
 * replayed share is an upper bound of the controller's at that quantile.
 *
 * @param maxUnserved the budget: the largest acceptable share of load above ready capacity, in (0, 1)
 * @param candidates the quantile levels tried, strictly increasing in (0, 1)
 * @param windowSteps how many of the newest history steps are replayed (&ge; 2 × lead)
 */
public record RiskBudget(double maxUnserved, double[] candidates, int windowSteps) {
    public RiskBudget {
        if (!(maxUnserved > 0 && maxUnserved < 1)) {
            throw new IllegalArgumentException("max unserved share must be in (0, 1), got " + maxUnserved);
        }
        Objects.requireNonNull(candidates, "candidates");
        candidates = candidates.clone();
        if (candidates.length == 0) {
            throw new IllegalArgumentException("at least one candidate quantile is needed");
        }
        for (int i = 0; i < candidates.length; i++) {
            if (!(candidates[i] > 0 && candidates[i] < 1) || (i > 0 && candidates[i] <= candidates[i - 1])) {
                throw new IllegalArgumentException("candidate quantiles must increase strictly in (0, 1), got "
                        + Arrays.toString(candidates));
            }
        }
        if (windowSteps < 2) {
            throw new IllegalArgumentException("window must be at least 2 steps, got " + windowSteps);
        }
    }

    /** Candidates p50, p60, p70, p80, p85, p90, p95, p98, p99. */
    public static RiskBudget of(double maxUnserved, int windowSteps) {
        return new RiskBudget(maxUnserved, new double[] {0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98, 0.99},
                windowSteps);
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
