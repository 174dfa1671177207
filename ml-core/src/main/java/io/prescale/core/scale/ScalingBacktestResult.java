package io.prescale.core.scale;

import io.prescale.core.series.TimeSeries;
import java.util.List;

/**
 * A backtest: the world it ran in, every strategy's score (prescale, reactive, seasonal-offset,
 * forecast-scale-out-only, oracle) and the reactive frontier (reactive at each target utilisation).
 *
 * @param chosenQuantiles the quantile prescale's risk budget or cost balance chose at each refit, in order (empty
 *     with a fixed quantile)
 */
public record ScalingBacktestResult(
        TimeSeries demand,
        SimulationSettings settings,
        int peakInstances,
        String forecaster,
        ScalingController.Options controller,
        List<StrategyResult> strategies,
        List<FrontierPoint> reactiveFrontier,
        List<Double> chosenQuantiles) {
    /** The reactive strategy at one target utilisation. */
    public record FrontierPoint(double targetUtilization, double unservedShare, double instanceHours) {}

    public ScalingBacktestResult {
        strategies = List.copyOf(strategies);
        reactiveFrontier = List.copyOf(reactiveFrontier);
        chosenQuantiles = List.copyOf(chosenQuantiles);
    }

    /** The result of the strategy called {@code name}. */
    public StrategyResult strategy(String name) {
        return strategies.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no strategy '" + name + "'"));
    }

    /** First scored step. */
    public int scoredFrom() {
        return settings.warmUpSteps();
    }

    /**
     * The reactive unserved share at {@code instanceHours}, linearly interpolated along the frontier sorted by
     * instance-hours (clamped to its ends).
     */
    public double frontierUnservedAt(double instanceHours) {
        List<FrontierPoint> points = reactiveFrontier.stream()
                .sorted((a, b) -> Double.compare(a.instanceHours(), b.instanceHours()))
                .toList();
        if (points.isEmpty()) {
            return Double.NaN;
        }
        if (instanceHours <= points.get(0).instanceHours()) {
            return points.get(0).unservedShare();
        }
        for (int i = 1; i < points.size(); i++) {
            FrontierPoint a = points.get(i - 1);
            FrontierPoint b = points.get(i);
            if (instanceHours <= b.instanceHours()) {
                double span = b.instanceHours() - a.instanceHours();
                double f = span == 0 ? 0 : (instanceHours - a.instanceHours()) / span;
                return a.unservedShare() + f * (b.unservedShare() - a.unservedShare());
            }
        }
        return points.get(points.size() - 1).unservedShare();
    }
}
