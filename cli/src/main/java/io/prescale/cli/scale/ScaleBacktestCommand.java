package io.prescale.cli.scale;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.SeedOption;
import io.prescale.cli.input.EventsOption;
import io.prescale.cli.input.InputFiles;
import io.prescale.core.forecast.EventAwareForecaster;
import io.prescale.core.forecast.EventCalendar;
import io.prescale.cli.base.BadInputException;
import io.prescale.cli.base.LeafCommand;
import io.prescale.core.scale.Backtest;
import io.prescale.core.scale.BacktestOptions;
import io.prescale.core.scale.BacktestResult;
import io.prescale.core.scale.StrategyResult;
import io.prescale.core.series.TimeSeries;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code prescale scale backtest --input FILE …}: the controller against reactive, seasonal-offset,
 * forecast-scale-out-only and the oracle in the simulator of issue 7, plus the reactive frontier.
 */
@Command(name = "backtest", description = "Backtest the predictive controller against today's scaling strategies.")
public final class ScaleBacktestCommand extends LeafCommand {
    @Option(names = "--input", required = true, paramLabel = "FILE", description = "CSV trace: timestamp,value per step.")
    Path input;

    @Option(names = "--lead", defaultValue = "10m", paramLabel = "D", description = "Planning lead (default ${DEFAULT-VALUE}).")
    Duration lead;

    @Option(names = "--startup-delay", paramLabel = "D", description = "Instance start-up delay (default: the lead).")
    Duration startupDelay;

    @Option(names = "--capacity", paramLabel = "C", description = "Requests per step one instance serves.")
    Double capacity;

    @Option(names = "--peak-instances", paramLabel = "N",
            description = "Capacity = peak scored demand / N (default 20).")
    Integer peakInstances;

    @Option(names = "--target-utilization", defaultValue = "0.7", paramLabel = "U",
            description = "Target utilisation of the reactive strategies (default ${DEFAULT-VALUE}).")
    double targetUtilization;

    @Option(names = "--min-instances", paramLabel = "MIN", description = "Lower bound (default 1).")
    Integer minInstances;

    @Option(names = "--max-instances", paramLabel = "MAX", description = "Upper bound (default 2N).")
    Integer maxInstances;

    @Option(names = "--quantile", defaultValue = "0.9", paramLabel = "Q",
            description = "Forecast level the controller sizes for (default ${DEFAULT-VALUE}).")
    double quantile;

    @Option(names = "--forecaster", paramLabel = "NAME", description = "Forecaster of the predictive strategies.")
    String forecaster = ForecasterChoice.DEFAULT;

    @Option(names = "--plot", paramLabel = "FILE", description = "Also write a PNG timeline: demand and ready capacity.")
    Path plot;

    @Mixin
    EventsOption events;

    @Option(names = "--max-unserved", paramLabel = "SHARE",
            description = "A risk budget: at each refit the controller takes the lowest quantile whose replay of the "
                    + "newest week keeps the unserved share of load within SHARE, in (0, 1); replaces --quantile.")
    Double maxUnserved;

    @Option(names = "--trend-window", paramLabel = "D",
            description = "Turns on the trend guard: the robust slope of the loads over D (at least 4 steps) raises "
                    + "the forecast for ramps it did not see.")
    Duration trendWindow;

    @Mixin
    SeedOption seed;

    @Override
    protected Result execute() {
        BacktestOptions options = options();
        var chosen = ForecasterChoice.byName(forecaster);
        TimeSeries demand = readInput(input);
        EventCalendar calendar = events.calendar();
        java.util.function.Supplier<io.prescale.core.forecast.Forecaster> forecasters =
                () -> EventAwareForecaster.wrap(chosen.get(), calendar);
        progress("backtest of " + demand.size() + " steps of " + demand.step() + " from " + input);
        BacktestResult result;
        try {
            result = Backtest.run(demand, options, forecasters);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--input", input.toString(), e.getMessage(), e);
        }
        ObjectNode fields = BacktestJson.fields(result, input.toString());
        if (!calendar.isEmpty()) {
            fields.set("events", events.describe(calendar, demand));
        }
        if (maxUnserved != null) {
            fields.put("maxUnserved", maxUnserved);
        }
        if (trendWindow != null) {
            fields.put("trendWindow", trendWindow.toString());
        }
        if (plot != null) {
            BacktestPlot.write(input.getFileName().toString().replaceFirst("\\.csv$", ""), result, plot);
        }
        return new Result(fields, table(result));
    }

    /** Reads {@code --input} with the shared trace reader (analysis defaults: duplicates averaged, disorder sorted). */
    public static TimeSeries readInput(Path file) {
        return InputFiles.read(file, "--input").series();
    }

    private BacktestOptions options() {
        if (lead.isZero() || lead.isNegative()) {
            throw new BadInputException("--lead", lead.toString(), "--lead must be a positive duration, got " + lead);
        }
        if (startupDelay != null && startupDelay.isNegative()) {
            throw new BadInputException("--startup-delay", startupDelay.toString(),
                    "--startup-delay must be zero or positive, got " + startupDelay);
        }
        if (capacity != null && peakInstances != null) {
            throw new BadInputException("--capacity", String.valueOf(capacity),
                    "give either --capacity or --peak-instances, not both");
        }
        if (capacity != null && !(capacity > 0 && Double.isFinite(capacity))) {
            throw new BadInputException("--capacity", String.valueOf(capacity), "--capacity must be a number > 0, got " + capacity);
        }
        if (peakInstances != null && peakInstances < 1) {
            throw new BadInputException("--peak-instances", String.valueOf(peakInstances),
                    "--peak-instances must be a whole number ≥ 1, got " + peakInstances);
        }
        if (!(targetUtilization > 0 && targetUtilization <= 1)) {
            throw new BadInputException("--target-utilization", String.valueOf(targetUtilization),
                    "--target-utilization must be in (0, 1], got " + targetUtilization);
        }
        if (minInstances != null && minInstances < 0) {
            throw new BadInputException("--min-instances", String.valueOf(minInstances),
                    "--min-instances must be ≥ 0, got " + minInstances);
        }
        if (minInstances != null && maxInstances != null && maxInstances < minInstances) {
            throw new BadInputException("--max-instances", String.valueOf(maxInstances), "--max-instances "
                    + maxInstances + " is below --min-instances " + minInstances);
        }
        if (!(quantile > 0.5 && quantile < 1)) {
            throw new BadInputException("--quantile", String.valueOf(quantile), "--quantile must be in (0.5, 1), got " + quantile);
        }
        if (maxUnserved != null && !(maxUnserved > 0 && maxUnserved < 1)) {
            throw new BadInputException("--max-unserved", String.valueOf(maxUnserved),
                    "--max-unserved must be a share in (0, 1), got " + maxUnserved);
        }
        if (trendWindow != null && (trendWindow.isZero() || trendWindow.isNegative())) {
            throw new BadInputException("--trend-window", trendWindow.toString(),
                    "--trend-window must be a positive duration, got " + trendWindow);
        }
        BacktestOptions defaults = BacktestOptions.defaults().withMaxUnserved(maxUnserved).withTrendWindow(trendWindow);
        return defaults.withController(defaults.controller().withQuantile(quantile)).withLead(lead, startupDelay)
                .withCapacity(capacity, peakInstances == null ? 20 : peakInstances)
                .withTargetUtilization(targetUtilization).withBounds(minInstances, maxInstances);
    }

    /** The human table: one row per strategy. */
    public static String table(BacktestResult result) {
        StringBuilder out = new StringBuilder(String.format("%-24s %10s %14s %14s %8s %6s%n", "strategy",
                "violMin", "unservedShare", "instanceHours", "actions", "max"));
        for (StrategyResult s : result.strategies()) {
            out.append(String.format("%-24s %10.0f %14.6f %14.1f %8d %6d%n", s.name(), s.sloViolationMinutes(),
                    s.unservedShare(), s.instanceHours(), s.actions(), s.maxInstances()));
        }
        return out.toString().stripTrailing();
    }
}
