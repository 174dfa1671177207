package io.prescale.core.series;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How {@link TraceReader} reads a CSV trace (DESIGN.md §4 "Inputs").
 *
 * @param timeColumn  the time column as a header name or a 0-based index; null detects it (the first column
 *                    whose first 100 values parse as timestamps)
 * @param valueColumn the value column as a header name or a 0-based index; null takes the first other column
 *                    whose first 100 values are numbers
 * @param onDuplicate what to do with rows that share a timestamp
 * @param onDisorder  what to do when a timestamp is earlier than the one before it
 * @param unit        what a value means: {@code COUNT} (requests in the step; samples bucketed together are
 *                    summed) or {@code RATE} (requests/s; bucketed samples are averaged)
 * @param step        the grid step; null infers it from the timestamps (or 1 s when there is no time column)
 * @param rowsAsWritten true keeps every row as written, in file order: no sorting, merging or gridding; the
 *                    result then carries each row's timestamp ({@link TraceReadResult#rowTimes()}) and its series
 *                    holds the values one per step from the first row (the step as above). For scorers that count
 *                    rows, such as the Numenta Anomaly Benchmark's.
 */
public record TraceReadOptions(
        String timeColumn,
        String valueColumn,
        OnDuplicate onDuplicate,
        OnDisorder onDisorder,
        LoadProfile.Unit unit,
        Duration step,
        boolean rowsAsWritten) {

    /** Rows with equal timestamps: merged by mean, sum or last (in file order), or rejected. */
    public enum OnDuplicate {
        MEAN,
        SUM,
        LAST,
        ERROR;

        /** Parses {@code mean|sum|last|error}, naming the value and the choices otherwise. */
        public static OnDuplicate parse(String text) {
            return parseEnum(OnDuplicate.class, text, "an --on-duplicate rule (expected mean, sum, last or error)");
        }
    }

    /** Timestamps going backwards: sorted (stable), or rejected. */
    public enum OnDisorder {
        SORT,
        ERROR;

        /** Parses {@code sort|error}, naming the value and the choices otherwise. */
        public static OnDisorder parse(String text) {
            return parseEnum(OnDisorder.class, text, "an --on-disorder rule (expected sort or error)");
        }
    }

    public TraceReadOptions {
        Objects.requireNonNull(onDuplicate, "onDuplicate");
        Objects.requireNonNull(onDisorder, "onDisorder");
        Objects.requireNonNull(unit, "unit");
        if (step != null && (step.isZero() || step.isNegative())) {
            throw new IllegalArgumentException("step must be positive, got " + step);
        }
        if (timeColumn != null && timeColumn.isBlank()) {
            throw new IllegalArgumentException("timeColumn must be a column name or index, got a blank string");
        }
        if (valueColumn != null && valueColumn.isBlank()) {
            throw new IllegalArgumentException("valueColumn must be a column name or index, got a blank string");
        }
    }

    /** Defaults of the analysis commands: detect columns, duplicates averaged, disorder sorted, counts. */
    public static TraceReadOptions defaults() {
        return new TraceReadOptions(null, null, OnDuplicate.MEAN, OnDisorder.SORT, LoadProfile.Unit.COUNT, null, false);
    }

    /** Defaults of {@code prescale import}: duplicates and disorder are errors. */
    public static TraceReadOptions importDefaults() {
        return new TraceReadOptions(
                null, null, OnDuplicate.ERROR, OnDisorder.ERROR, LoadProfile.Unit.COUNT, null, false);
    }

    public TraceReadOptions withTimeColumn(String column) {
        return new TraceReadOptions(column, valueColumn, onDuplicate, onDisorder, unit, step, rowsAsWritten);
    }

    public TraceReadOptions withValueColumn(String column) {
        return new TraceReadOptions(timeColumn, column, onDuplicate, onDisorder, unit, step, rowsAsWritten);
    }

    public TraceReadOptions withOnDuplicate(OnDuplicate rule) {
        return new TraceReadOptions(timeColumn, valueColumn, rule, onDisorder, unit, step, rowsAsWritten);
    }

    public TraceReadOptions withOnDisorder(OnDisorder rule) {
        return new TraceReadOptions(timeColumn, valueColumn, onDuplicate, rule, unit, step, rowsAsWritten);
    }

    public TraceReadOptions withUnit(LoadProfile.Unit newUnit) {
        return new TraceReadOptions(timeColumn, valueColumn, onDuplicate, onDisorder, newUnit, step, rowsAsWritten);
    }

    public TraceReadOptions withStep(Duration newStep) {
        return new TraceReadOptions(timeColumn, valueColumn, onDuplicate, onDisorder, unit, newStep, rowsAsWritten);
    }

    /** Keeps the rows as written (true) or puts them on a regular grid (false, the default). */
    public TraceReadOptions withRowsAsWritten(boolean asWritten) {
        return new TraceReadOptions(timeColumn, valueColumn, onDuplicate, onDisorder, unit, step, asWritten);
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String text, String what) {
        if (text != null) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(text.strip().toUpperCase(Locale.ROOT))) {
                    return constant;
                }
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not " + what);
    }
}
