package io.prescale.core.scale;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a backtest is asked for; {@link ScalingBacktest} derives the {@link SimulationSettings} from it and the series.
 *
 * @param lead how far ahead to plan (&gt; 0)
 * @param startupDelay instance start-up time; null means the lead
 * @param capacity requests per step per instance; null derives it from {@code peakInstances}
 * @param peakInstances N: c = max(d over the scored range) / N when no capacity is given
 * @param targetUtilization U of the reactive strategies
 * @param minInstances lower bound; null means 1
 * @param maxInstances upper bound; null means 2N
 * @param controller the controller's options (its lead is raised to the start-up delay when shorter)
 * @param frontier the target utilisations of {@code reactiveFrontier}
 * @param maxUnserved a risk budget (share of load in (0, 1)) that re-chooses the controller's quantile at every
 *     refit ({@link RiskBudget}); null keeps the controller's fixed quantile
 * @param trendWindow the window of the {@link TrendGuard} on the prescale strategy's forecasts (at least four
 *     steps are used); null turns the guard off
 * @param unservedCost without a budget, λ &gt; 0 re-chooses the controller's quantile at every refit as the one
 *     of least replayed cost, instance-hours + λ × unserved load in instance-hours ({@link RiskBudget}); null
 *     keeps the controller's fixed quantile
 */
public record ScalingBacktestOptions(
        Duration lead,
        Duration startupDelay,
        Double capacity,
        int peakInstances,
        double targetUtilization,
        Integer minInstances,
        Integer maxInstances,
        ScalingController.Options controller,
        List<Double> frontier,
        Double maxUnserved,
        Duration trendWindow,
        Double unservedCost) {
    public ScalingBacktestOptions {
        if (lead == null || lead.isZero() || lead.isNegative()) {
            throw new IllegalArgumentException("lead must be positive, got " + lead);
        }
        if (startupDelay != null && startupDelay.isNegative()) {
            throw new IllegalArgumentException("startup delay must be ≥ 0, got " + startupDelay);
        }
        if (capacity != null && !(capacity > 0 && Double.isFinite(capacity))) {
            throw new IllegalArgumentException("capacity must be a finite number > 0, got " + capacity);
        }
        if (peakInstances < 1) {
            throw new IllegalArgumentException("peak instances must be ≥ 1, got " + peakInstances);
        }
        if (!(targetUtilization > 0 && targetUtilization <= 1)) {
            throw new IllegalArgumentException("target utilization must be in (0, 1], got " + targetUtilization);
        }
        if (minInstances != null && minInstances < 0) {
            throw new IllegalArgumentException("min instances must be ≥ 0, got " + minInstances);
        }
        if (minInstances != null && maxInstances != null && maxInstances < minInstances) {
            throw new IllegalArgumentException(
                    "max instances " + maxInstances + " is below min instances " + minInstances);
        }
        Objects.requireNonNull(controller, "controller");
        frontier = List.copyOf(frontier);
        if (maxUnserved != null && !(maxUnserved > 0 && maxUnserved < 1)) {
            throw new IllegalArgumentException("max unserved share must be in (0, 1), got " + maxUnserved);
        }
        if (unservedCost != null && !(unservedCost > 0 && Double.isFinite(unservedCost))) {
            throw new IllegalArgumentException("unserved cost must be a finite number > 0, got " + unservedCost);
        }
        if (trendWindow != null && (trendWindow.isZero() || trendWindow.isNegative())) {
            throw new IllegalArgumentException("trend window must be positive, got " + trendWindow);
        }
    }

    /**
     * Lead 10 min, start-up = lead, N = 20, U = 0.7, bounds [1, 2N], default controller (fixed p90), U ∈ {0.5 …
     * 0.9}, no budget and no cost balance.
     */
    public static ScalingBacktestOptions defaults() {
        return new ScalingBacktestOptions(
                Duration.ofMinutes(10),
                null,
                null,
                20,
                0.7,
                null,
                null,
                ScalingController.Options.defaults(),
                List.of(0.5, 0.6, 0.7, 0.8, 0.9),
                null,
                null,
                null);
    }

    public ScalingBacktestOptions withLead(Duration newLead, Duration newStartupDelay) {
        return new ScalingBacktestOptions(
                newLead,
                newStartupDelay,
                capacity,
                peakInstances,
                targetUtilization,
                minInstances,
                maxInstances,
                controller,
                frontier,
                maxUnserved,
                trendWindow,
                unservedCost);
    }

    public ScalingBacktestOptions withCapacity(Double newCapacity, int newPeakInstances) {
        return new ScalingBacktestOptions(
                lead,
                startupDelay,
                newCapacity,
                newPeakInstances,
                targetUtilization,
                minInstances,
                maxInstances,
                controller,
                frontier,
                maxUnserved,
                trendWindow,
                unservedCost);
    }

    public ScalingBacktestOptions withTargetUtilization(double u) {
        return new ScalingBacktestOptions(
                lead,
                startupDelay,
                capacity,
                peakInstances,
                u,
                minInstances,
                maxInstances,
                controller,
                frontier,
                maxUnserved,
                trendWindow,
                unservedCost);
    }

    public ScalingBacktestOptions withController(ScalingController.Options newController) {
        return new ScalingBacktestOptions(
                lead,
                startupDelay,
                capacity,
                peakInstances,
                targetUtilization,
                minInstances,
                maxInstances,
                newController,
                frontier,
                maxUnserved,
                trendWindow,
                unservedCost);
    }

    public ScalingBacktestOptions withBounds(Integer min, Integer max) {
        return new ScalingBacktestOptions(
                lead,
                startupDelay,
                capacity,
                peakInstances,
                targetUtilization,
                min,
                max,
                controller,
                frontier,
                maxUnserved,
                trendWindow,
                unservedCost);
    }

    public ScalingBacktestOptions withMaxUnserved(Double newMaxUnserved) {
        return new ScalingBacktestOptions(
                lead,
                startupDelay,
                capacity,
                peakInstances,
                targetUtilization,
                minInstances,
                maxInstances,
                controller,
                frontier,
                newMaxUnserved,
                trendWindow,
                unservedCost);
    }

    public ScalingBacktestOptions withTrendWindow(Duration newTrendWindow) {
        return new ScalingBacktestOptions(
                lead,
                startupDelay,
                capacity,
                peakInstances,
                targetUtilization,
                minInstances,
                maxInstances,
                controller,
                frontier,
                maxUnserved,
                newTrendWindow,
                unservedCost);
    }

    /** The same options with another λ; null fixes the controller's quantile (see the record's parameters). */
    public ScalingBacktestOptions withUnservedCost(Double newUnservedCost) {
        return new ScalingBacktestOptions(
                lead,
                startupDelay,
                capacity,
                peakInstances,
                targetUtilization,
                minInstances,
                maxInstances,
                controller,
                frontier,
                maxUnserved,
                trendWindow,
                newUnservedCost);
    }
}
