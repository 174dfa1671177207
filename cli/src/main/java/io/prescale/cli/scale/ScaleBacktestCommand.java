package io.prescale.cli.scale;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.SeedOption;
import io.prescale.cli.input.InputFiles;
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
    SeedOption seed;

    @Override
    protected Result execute() {
        BacktestOptions options = options();
        var forecasters = ForecasterChoice.byName(forecaster);
        TimeSeries demand = readInput(input);
        progress("backtest of " + demand.size() + " steps of " + demand.step() + " from " + input);
        BacktestResult result;
        try {
            result = Backtest.run(demand, options, forecasters);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--input", input.toString(), e.getMessage(), e);
        }
        ObjectNode fields = BacktestJson.fields(result, input.toString());
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
        BacktestOptions defaults = BacktestOptions.defaults();
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
