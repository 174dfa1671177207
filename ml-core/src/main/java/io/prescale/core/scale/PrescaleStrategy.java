package io.prescale.core.scale;

import io.prescale.core.forecast.ForecastModel;
import io.prescale.core.forecast.Forecaster;
import io.prescale.core.forecast.QuantileForecast;
import io.prescale.core.series.TimeSeries;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code prescale}: the {@link ScalingController} on a capacity-only policy (c per instance), fed every step by
 * a forecast made from the demand before the decision time, with the model refit at most once per simulated
 * day. Until the forecaster can fit (too little history, only in the warm-up) it follows the reactive guard.
 */
final class PrescaleStrategy implements ScalingStrategy {
    private static final Logger LOG = LoggerFactory.getLogger(PrescaleStrategy.class);
    private final Forecaster forecaster;
    private final ScalingController.Options options;
    private final RiskBudget riskBudget;
    private final TrendGuard trendGuard;
    private final int historySteps;
    private final int forecastFrom;
    private double unservedCost;
    private ScalingController controller;
    private ForecastModel model;
    private int fittedAt = -1;
    private int fitFailedAt = -1;
    private Instant lastOut;
    private Instant lastIn;
    private ScalingPolicy policy;
    private double[] levels;
    private int horizon;
    private final java.util.List<Double> chosenQuantiles = new java.util.ArrayList<>();

    /**
     * @param riskBudget when not null, the quantile is re-chosen at every refit to keep this budget
     * @param trendGuard when not null, raises each forecast where the newest trend runs above it
     */
    PrescaleStrategy(
            Forecaster forecaster,
            ScalingController.Options options,
            RiskBudget riskBudget,
            TrendGuard trendGuard,
            int historySteps) {
        this(forecaster, options, riskBudget, trendGuard, historySteps, 0.0);
    }

    /** @param unservedCost λ of the budget's cost balance; 0 takes the lowest quantile within the budget */
    PrescaleStrategy(
            Forecaster forecaster,
            ScalingController.Options options,
            RiskBudget riskBudget,
            TrendGuard trendGuard,
            int historySteps,
            double unservedCost) {
        this(
                riskBudget == null
                        ? forecaster
                        : new ForecastMemo(forecaster, memoLevels(riskBudget, options), riskBudget.windowSteps()),
                options,
                riskBudget,
                trendGuard,
                historySteps,
                0);
        this.unservedCost = unservedCost;
    }

    /**
     * @param forecastFrom before this step the strategy follows the reactive guard and neither fits nor
     *     forecasts (a replay of the past starts its forecasts where its scoring starts)
     */
    PrescaleStrategy(
            Forecaster forecaster,
            ScalingController.Options options,
            RiskBudget riskBudget,
            TrendGuard trendGuard,
            int historySteps,
            int forecastFrom) {
        this.forecastFrom = forecastFrom;
        this.trendGuard = trendGuard;
        this.forecaster = forecaster;
        this.options = options;
        this.riskBudget = riskBudget;
        this.controller = new ScalingController(options);
        this.historySteps = historySteps;
    }

    @Override
    public String name() {
        return "prescale";
    }

    /** The levels a memo of the live run keeps: p50, the fixed quantile and every candidate of the budget. */
    private static double[] memoLevels(RiskBudget budget, ScalingController.Options options) {
        java.util.TreeSet<Double> levels = new java.util.TreeSet<>();
        levels.add(0.5);
        levels.add(options.quantile());
        for (double c : budget.candidates()) {
            levels.add(c);
        }
        return levels.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Whether the strategy has made forecasts (false while only the reactive guard was used). */
    boolean forecasting() {
        return model != null;
    }

    /** The quantiles the risk budget chose, one per refit, in order (empty without a budget). */
    java.util.List<Double> chosenQuantiles() {
        return java.util.List.copyOf(chosenQuantiles);
    }

    @Override
    public int desiredInstances(SimulationView view) {
        int t = view.t();
        int count = view.totalInstances();
        if (t == 0) {
            return count;
        }
        SimulationSettings s = view.settings();
        if (policy == null) {
            setUp(s);
        }
        double load = view.observed(t - 1);
        if (t < forecastFrom) {
            return Double.isFinite(load) ? policy.instancesFor(load) : count;
        }
        refit(view);
        if (model == null) {
            return Double.isFinite(load) ? policy.instancesFor(load) : count;
        }
        int from = Math.max(0, t - historySteps);
        QuantileForecast forecast = ForecastMemo.remembered(model, view.timeAt(from), t - from, horizon, levels);
        if (forecast == null || trendGuard != null) {
            TimeSeries history = view.history(historySteps);
            forecast = forecast != null ? forecast : model.forecast(history, horizon, levels);
            if (trendGuard != null) {
                forecast = trendGuard.apply(history, forecast);
            }
        }
        Instant now = view.timeAt(t);
        Decision decision =
                controller.decide(ScalingState.of(now, count, load, lastOut, lastIn), forecast, policy, s.bounds());
        if (decision.targetCount() > count) {
            lastOut = now;
        } else if (decision.targetCount() < count) {
            lastIn = now;
        }
        return decision.targetCount();
    }

    private void setUp(SimulationSettings s) {
        policy = ScalingPolicy.capacityOnly("backtest", s.capacity(), "requests per step", null);
        horizon = s.stepsIn(options.lead()) + s.stepsIn(options.cooldown()) + 2;
        useQuantile(options.quantile());
    }

    private void useQuantile(double quantile) {
        if (Math.abs(quantile - controller.options().quantile()) > 1e-9) {
            controller = new ScalingController(options.withQuantile(quantile));
        }
        levels = quantile > 0.5 ? new double[] {0.5, quantile} : new double[] {quantile};
    }

    private void refit(SimulationView view) {
        int day = view.settings().stepsIn(Duration.ofDays(1));
        int t = view.t();
        boolean due = model == null ? fitFailedAt < 0 || t - fitFailedAt >= Math.max(1, day / 24) : t - fittedAt >= day;
        if (!due) {
            return;
        }
        try {
            model = forecaster.fit(view.history(historySteps));
            fittedAt = t;
            if (riskBudget != null) {
                SimulationSettings s = view.settings();
                RiskBudget.Choice choice = riskBudget.choose(
                        forecaster,
                        view.history(historySteps + riskBudget.windowSteps()),
                        s,
                        options,
                        trendGuard,
                        historySteps,
                        unservedCost);
                if (choice != null) {
                    useQuantile(choice.quantile());
                    chosenQuantiles.add(choice.quantile());
                }
            }
        } catch (IllegalArgumentException e) {
            LOG.debug("forecaster {} cannot fit at step {} yet: {}", forecaster.name(), t, e.getMessage());
            fitFailedAt = t;
        }
    }
}
