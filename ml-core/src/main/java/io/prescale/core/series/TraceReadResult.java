package io.prescale.core.series;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A trace read by {@link TraceReader}, with what the reader saw on the way, for command output.
 *
 * @param series            the samples on a regular grid, NaN for gaps
 * @param source            the file or resource name the trace came from
 * @param timeColumn        the header (or index) of the time column, or null when the file has none
 * @param timeFormat        {@code iso}, {@code epoch-seconds}, {@code epoch-millis} or {@code none}
 * @param valueColumn       the header (or index) of the value column
 * @param rows              data rows read (blank lines not counted)
 * @param duplicatesMerged  rows merged into an earlier row with the same timestamp
 * @param reordered         rows whose timestamp was earlier than the row before (sorted into place)
 * @param bucketed          rows that were not on a grid point or shared a step with another timestamp
 * @param gaps              steps of the grid without a value (NaN)
 * @param stepInferred      true when the step came from the timestamps, false when it was given or defaulted
 * @param rowTimes          each row's timestamp in file order when read with
 *                          {@link TraceReadOptions#rowsAsWritten()} (then {@code series} holds the rows' values in
 *                          the same order); empty otherwise
 */
public record TraceReadResult(
        TimeSeries series,
        String source,
        String timeColumn,
        String timeFormat,
        String valueColumn,
        int rows,
        int duplicatesMerged,
        int reordered,
        int bucketed,
        int gaps,
        boolean stepInferred,
        List<Instant> rowTimes) {
    public TraceReadResult {
        rowTimes = List.copyOf(rowTimes);
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(timeFormat, "timeFormat");
        Objects.requireNonNull(valueColumn, "valueColumn");
        if (rows < 0 || duplicatesMerged < 0 || reordered < 0 || bucketed < 0 || gaps < 0) {
            throw new IllegalArgumentException("counts must be >= 0, got rows=" + rows + " duplicatesMerged="
                    + duplicatesMerged + " reordered=" + reordered + " bucketed=" + bucketed + " gaps=" + gaps);
        }
    }
}
