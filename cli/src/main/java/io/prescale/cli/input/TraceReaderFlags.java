package io.prescale.cli.input;

import io.prescale.cli.base.BadInputException;
import io.prescale.core.series.LoadProfile;
import io.prescale.core.series.TraceReadOptions;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The flags of the one trace reader (DESIGN.md §4 "Inputs") as a picocli mixin, for every command that reads a
 * CSV ({@code --input}, {@code csv:}). A flag that is not given keeps the command's default
 * ({@link TraceReadOptions#importDefaults()} for {@code import}, {@link TraceReadOptions#defaults()} for analysis).
 */
public final class TraceReaderFlags {
    @Option(
            names = "--time-column",
            paramLabel = "NAME|INDEX",
            description = "Time column by header or 0-based index (default: the first column of timestamps).")
    String timeColumn;

    @Option(
            names = "--value-column",
            paramLabel = "NAME|INDEX",
            description = "Value column by header or 0-based index (default: the first other numeric column).")
    String valueColumn;

    @Option(
            names = "--on-duplicate",
            paramLabel = "mean|sum|last|error",
            description = "Rows with the same timestamp: merge them or fail.")
    String onDuplicate;

    @Option(
            names = "--on-disorder",
            paramLabel = "sort|error",
            description = "Timestamps going backwards: sort or fail.")
    String onDisorder;

    @Option(
            names = "--unit",
            paramLabel = "count|rate",
            description = "What a value means: requests counted in the step, or requests/s (default: count).")
    String unit;

    @Option(
            names = "--step",
            paramLabel = "DURATION",
            description = "Grid step, e.g. 1m or PT5M (default: inferred from the timestamps, 1s without them).")
    Duration step;

    /** {@code base} with every flag that was given; a bad value is bad input naming the flag. */
    public TraceReadOptions apply(TraceReadOptions base) {
        TraceReadOptions options = base;
        if (timeColumn != null) {
            options = options.withTimeColumn(timeColumn);
        }
        if (valueColumn != null) {
            options = options.withValueColumn(valueColumn);
        }
        try {
            if (onDuplicate != null) {
                options = options.withOnDuplicate(TraceReadOptions.OnDuplicate.parse(onDuplicate));
            }
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--on-duplicate", onDuplicate, e.getMessage());
        }
        try {
            if (onDisorder != null) {
                options = options.withOnDisorder(TraceReadOptions.OnDisorder.parse(onDisorder));
            }
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--on-disorder", onDisorder, e.getMessage());
        }
        try {
            if (unit != null) {
                options = options.withUnit(LoadProfile.Unit.parse(unit));
            }
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--unit", unit, e.getMessage());
        }
        if (step != null) {
            if (step.isZero() || step.isNegative()) {
                throw new BadInputException("--step", step.toString(), "--step must be positive, got " + step);
            }
            options = options.withStep(step);
        }
        return options;
    }
}
