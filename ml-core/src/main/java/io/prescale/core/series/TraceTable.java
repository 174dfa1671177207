package io.prescale.core.series;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Several value columns of a CSV trace read by {@link TraceReader#readTable}, row by row as written (no grid,
 * no gaps), for models that learn from more than one feature.
 *
 * @param source     the file or resource name the table came from
 * @param timeColumn the header (or index) of the time column, or null when the file has none
 * @param columns    the value columns, in file order
 * @param rows       rows × columns, in file order; every value finite
 * @param start      the time of the first row, or null without a time column
 * @param step       the time between the first two rows (or the given step), or null without a time column and
 *                   without a given step
 */
public record TraceTable(
        String source, String timeColumn, List<String> columns, double[][] rows, Instant start, Duration step) {
    public TraceTable {
        Objects.requireNonNull(source, "source");
        columns = List.copyOf(columns);
        Objects.requireNonNull(rows, "rows");
        if (columns.isEmpty()) {
            throw new IllegalArgumentException(source + " has no value column");
        }
        if (step != null && (step.isZero() || step.isNegative())) {
            throw new IllegalArgumentException(source + ": step must be positive, got " + step);
        }
    }
}
