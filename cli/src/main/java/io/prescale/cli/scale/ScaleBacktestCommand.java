package io.prescale.cli.scale;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.BadInputException;
import io.prescale.cli.base.LeafCommand;
import io.prescale.cli.base.SeedOption;
import io.prescale.cli.input.EventsOption;
import io.prescale.cli.input.TraceInput;
import io.prescale.core.forecast.EventAwareForecaster;
import io.prescale.core.forecast.EventCalendar;
import io.prescale.core.scale.ScalingBacktest;
import io.prescale.core.scale.ScalingBacktestOptions;
import io.prescale.core.scale.ScalingBacktestResult;
import io.prescale.core.series.TimeSeries;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code prescale scale backtest --input FILE …}: the controller against reactive, seasonal-offset,
 * forecast-scale-out-only and the oracle in the backtest simulator, plus the reactive frontier.
 */
@Command(name = "backtest", description = "Backtest the predictive controller against today's scaling strategies.")
public final class ScaleBacktestCommand extends LeafCommand {
    @Mixin
    TraceInput input;

    @Option(
            names = "--lead",
            defaultValue = "10m",
            paramLabel = "D",
            description = "Planning lead (default ${DEFAULT-VALUE}).")
    Duration lead;

    @Option(names = "--startup-delay", paramLabel = "D", description = "Instance start-up delay (default: the lead).")
    Duration startupDelay;

    @Option(names = "--capacity", paramLabel = "C", description = "Requests per step one instance serves.")
    Double capacity;

    @Option(
            names = "--peak-instances",
            paramLabel = "N",
            description = "Capacity = peak scored demand / N (default 20).")
    Integer peakInstances;

    @Option(
            names = "--target-utilization",
            defaultValue = "0.7",
            paramLabel = "U",
            description = "Target utilisation of the reactive strategies (default ${DEFAULT-VALUE}).")
    double targetUtilization;

    @Option(names = "--min-instances", paramLabel = "MIN", description = "Lower bound (default 1).")
    Integer minInstances;

    @Option(names = "--max-instances", paramLabel = "MAX", description = "Upper bound (default 2N).")
    Integer maxInstances;

    @Option(
            names = "--quantile",
            defaultValue = "0.9",
            paramLabel = "Q",
            description = "Forecast level the controller sizes for (default ${DEFAULT-VALUE}).")
    double quantile;

    @Option(
            names = "--unserved-cost",
            paramLabel = "L",
            description = "A cost balance instead of a fixed quantile: at each refit the controller takes the "
                    + "quantile whose replay of the newest week costs least, instance-hours + L × the unserved load "
                    + "in instance-hours (L > 0, e.g. 10).")
    Double unservedCost;

    @Option(names = "--forecaster", paramLabel = "NAME", description = "Forecaster of the predictive strategies.")
    String forecaster = ForecasterChoice.DEFAULT;

    @Option(
            names = "--plot",
            paramLabel = "FILE",
            description = "Also write a PNG timeline: demand and ready capacity.")
    Path plot;

    @Mixin
    EventsOption events;

    @Option(
            names = "--max-unserved",
            paramLabel = "SHARE",
            description = "A risk budget: at each refit the controller takes the lowest quantile whose replay of the "
                    + "newest week keeps the unserved share of load within SHARE, in (0, 1); replaces --quantile.")
    Double maxUnserved;

    @Option(
            names = "--trend-window",
            paramLabel = "D",
            description = "Turns on the trend guard: the robust slope of the loads over D (at least 4 steps) raises "
                    + "the forecast for ramps it did not see.")
    Duration trendWindow;

    @Mixin
    SeedOption seed;

    @Mixin
    io.prescale.cli.base.ExcludeAnomaliesOption excludeAnomalies;

    @Override
    protected Result execute() {
        ScalingBacktestOptions options = options();
        var chosen = ForecasterChoice.byName(forecaster);
        TimeSeries demand = input.series();
        EventCalendar calendar = events.calendar();
        java.util.function.Supplier<io.prescale.core.forecast.Forecaster> forecasters =
                () -> EventAwareForecaster.wrap(chosen.get(), calendar);
        progress("backtest of " + demand.size() + " steps of " + demand.step() + " from " + input.file());
        ScalingBacktestResult result;
        try {
            var fitted = forecasters;
            result = ScalingBacktest.run(
                    demand,
                    options,
                    excludeAnomalies.enabled()
                            ? () -> excludeAnomalies.apply(fitted.get(), demand, seed.seed())
                            : forecasters);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--input", input.file().toString(), e.getMessage(), e);
        }
        ObjectNode fields = ScalingBacktestJson.fields(result, input.file().toString());
        if (!calendar.isEmpty()) {
            fields.set("events", events.describe(calendar, demand));
        }
        if (maxUnserved != null) {
            fields.put("maxUnserved", maxUnserved);
        }
        if (trendWindow != null) {
            fields.put("trendWindow", trendWindow.toString());
        }
        if (unservedCost != null) {
            fields.put("unservedCost", unservedCost);
        }
        if (plot != null) {
            ScalingBacktestPlot.write(input.file().getFileName().toString().replaceFirst("\\.csv$", ""), result, plot);
        }
        return new Result(fields, ScalingBacktestJson.table(result));
    }

    private ScalingBacktestOptions options() {
        if (lead.isZero() || lead.isNegative()) {
            throw new BadInputException("--lead", lead.toString(), "--lead must be a positive duration, got " + lead);
        }
        if (startupDelay != null && startupDelay.isNegative()) {
            throw new BadInputException(
                    "--startup-delay",
                    startupDelay.toString(),
                    "--startup-delay must be zero or positive, got " + startupDelay);
        }
        if (capacity != null && peakInstances != null) {
            throw new BadInputException(
                    "--capacity", String.valueOf(capacity), "give either --capacity or --peak-instances, not both");
        }
        if (capacity != null && !(capacity > 0 && Double.isFinite(capacity))) {
            throw new BadInputException(
                    "--capacity", String.valueOf(capacity), "--capacity must be a number > 0, got " + capacity);
        }
        if (peakInstances != null && peakInstances < 1) {
            throw new BadInputException(
                    "--peak-instances",
                    String.valueOf(peakInstances),
                    "--peak-instances must be a whole number ≥ 1, got " + peakInstances);
        }
        if (!(targetUtilization > 0 && targetUtilization <= 1)) {
            throw new BadInputException(
                    "--target-utilization",
                    String.valueOf(targetUtilization),
                    "--target-utilization must be in (0, 1], got " + targetUtilization);
        }
        if (minInstances != null && minInstances < 0) {
            throw new BadInputException(
                    "--min-instances",
                    String.valueOf(minInstances),
                    "--min-instances must be ≥ 0, got " + minInstances);
        }
        if (minInstances != null && maxInstances != null && maxInstances < minInstances) {
            throw new BadInputException(
                    "--max-instances",
                    String.valueOf(maxInstances),
                    "--max-instances " + maxInstances + " is below --min-instances " + minInstances);
        }
        if (unservedCost != null && !(unservedCost > 0 && Double.isFinite(unservedCost))) {
            throw new BadInputException(
                    "--unserved-cost",
                    String.valueOf(unservedCost),
                    "--unserved-cost must be a number > 0, got " + unservedCost);
        }
        if (!(quantile > 0.5 && quantile < 1)) {
            throw new BadInputException(
                    "--quantile", String.valueOf(quantile), "--quantile must be in (0.5, 1), got " + quantile);
        }
        if (maxUnserved != null && !(maxUnserved > 0 && maxUnserved < 1)) {
            throw new BadInputException(
                    "--max-unserved",
                    String.valueOf(maxUnserved),
                    "--max-unserved must be a share in (0, 1), got " + maxUnserved);
        }
        if (trendWindow != null && (trendWindow.isZero() || trendWindow.isNegative())) {
            throw new BadInputException(
                    "--trend-window",
                    trendWindow.toString(),
                    "--trend-window must be a positive duration, got " + trendWindow);
        }
        ScalingBacktestOptions defaults =
                ScalingBacktestOptions.defaults().withMaxUnserved(maxUnserved).withTrendWindow(trendWindow);
        defaults = defaults.withUnservedCost(unservedCost)
                .withController(defaults.controller().withQuantile(quantile));
        return defaults.withLead(lead, startupDelay)
                .withCapacity(capacity, peakInstances == null ? 20 : peakInstances)
                .withTargetUtilization(targetUtilization)
                .withBounds(minInstances, maxInstances);
    }
}
