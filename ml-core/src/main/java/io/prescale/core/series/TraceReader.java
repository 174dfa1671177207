package io.prescale.core.series;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The one reader of CSV traces (DESIGN.md §4 "Inputs"); every {@code --input} and {@code csv:} goes through it.
 *
 * <ul>
 *   <li><b>Header.</b> The first non-blank line is a header when one of its cells is neither a number nor a
 *       timestamp; otherwise the columns are named by their 0-based index. The delimiter is {@code ,}, {@code ;}
 *       or TAB, whichever the first line has most of.</li>
 *   <li><b>Time column.</b> {@link TraceReadOptions#timeColumn()} (name or 0-based index), else the first column
 *       whose first 100 values parse as timestamps (all but a tenth, so that a bad row is reported by its line
 *       number): ISO-8601 with {@code T} or a space, fractions, optional
 *       zone or offset (none means UTC); or epoch seconds or milliseconds (1980–2100), which must not decrease
 *       over those 100 rows so that a numeric metric is not mistaken for time.</li>
 *   <li><b>Value column.</b> {@link TraceReadOptions#valueColumn()}, else the first other column whose first 100
 *       values are numbers (with the same tolerance). An empty cell or {@code NaN} is a gap; infinities are rejected.</li>
 *   <li><b>No time column:</b> one row per step from the epoch, with the given step or 1 s.</li>
 *   <li><b>Order and duplicates.</b> A timestamp earlier than its predecessor is an error or the rows are
 *       sorted (stably) by time; rows with equal timestamps are an error or merged by mean, sum or last.</li>
 *   <li><b>Step.</b> The given step, else the most common positive difference between timestamps when at least a
 *       quarter of the differences equal it; otherwise the sampling is irregular and the step is the median
 *       difference rounded up to a whole second (at least 1 s), the grid then being aligned to multiples of the
 *       step since the epoch (e.g. raw request arrivals become one-second buckets).</li>
 *   <li><b>Grid.</b> Regular grids start at the first timestamp. Each sample falls into the step that contains it
 *       ({@code floor((t - start) / step)}); samples sharing a step are summed for {@code count} and averaged for
 *       {@code rate} (NaN skipped). Steps without a sample are NaN gaps, never filled.</li>
 * </ul>
 * <b>Limits</b>, checked before the rest is read: a file or stream of at most {@value #MAX_BYTES} bytes, lines of at
 * most {@value #MAX_LINE_CHARS} characters; a cell of more than {@value #MAX_CELL_CHARS} characters is neither
 * a number nor a timestamp. A column that is a time column by its first value (an ISO-8601 timestamp) or by its
 * header ({@code time}, {@code date}, {@code ts}, …) stays the time column: a row that does not parse in it is an
 * error naming the line, never a silent switch to "no time column".
 * Every problem is an {@link IllegalArgumentException} with a one-line message naming the source, and for a
 * bad row its line number and at most 100 characters of its text. Stateless and thread-safe.
 */
public final class TraceReader {
    /** The largest file or stream read whole: 512 MiB. */
    public static final long MAX_BYTES = 512L * 1024 * 1024;
    /** The longest line, in characters. */
    public static final int MAX_LINE_CHARS = 65_536;
    /** The longest cell that can be a number or a timestamp, in characters. */
    public static final int MAX_CELL_CHARS = 100;

    private static final int SAMPLE_ROWS = 100;
    private static final int SHOWN_CELL = 40;

    private TraceReader() {}

    /** Reads a CSV file. */
    public static TraceReadResult read(Path file, TraceReadOptions options) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " is not a readable file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException(file + " is " + Files.size(file) + " bytes, more than the "
                        + MAX_BYTES + " bytes a trace read whole may have; cut it or import it in parts");
            }
            return readText(BoundedText.read(in, file.toString(), MAX_BYTES, MAX_LINE_CHARS), file.toString(), options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Reads CSV bytes (UTF-8); {@code source} names them in messages. Does not close the stream. */
    public static TraceReadResult read(InputStream in, String source, TraceReadOptions options) {
        try {
            return readText(BoundedText.read(in, source, MAX_BYTES, MAX_LINE_CHARS), source, options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    /** Reads CSV text; {@code source} names it in messages. */
    public static TraceReadResult readText(String text, String source, TraceReadOptions options) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        Layout layout = Layout.detect(text, source, options);
        Rows rows = readRows(text, source, layout);
        if (layout.timeIndex < 0) {
            Duration step = options.step() == null ? Duration.ofSeconds(1) : options.step();
            TimeSeries series = TimeSeries.of(Instant.EPOCH, step, Arrays.copyOf(rows.values, rows.size));
            return new TraceReadResult(
                    series,
                    source,
                    null,
                    "none",
                    layout.valueName(),
                    rows.size,
                    0,
                    0,
                    0,
                    series.gapCount(),
                    false,
                    List.of());
        }
        if (options.rowsAsWritten()) {
            return asWritten(source, options, layout, rows);
        }
        TraceGrid grid = new TraceGrid(source, options, rows.times, rows.values, rows.lines, rows.size);
        TimeSeries series = grid.build();
        return new TraceReadResult(
                series,
                source,
                layout.timeName(),
                layout.format.label,
                layout.valueName(),
                rows.size,
                grid.duplicatesMerged,
                grid.reordered,
                grid.bucketed,
                series.gapCount(),
                grid.stepInferred,
                List.of());
    }

    /** Every row in file order, values one per step from the first row, each row's own timestamp kept. */
    private static TraceReadResult asWritten(String source, TraceReadOptions options, Layout layout, Rows rows) {
        List<Instant> times = new ArrayList<>(rows.size);
        for (int i = 0; i < rows.size; i++) {
            times.add(Instant.ofEpochSecond(0, rows.times[i]));
        }
        Duration step = options.step();
        if (step == null) {
            long[] diffs = new long[Math.max(0, rows.size - 1)];
            for (int i = 1; i < rows.size; i++) {
                diffs[i - 1] = rows.times[i] - rows.times[i - 1];
            }
            Arrays.sort(diffs);
            long median = diffs.length == 0 ? 0 : diffs[diffs.length / 2];
            step = median > 0 ? Duration.ofNanos(median) : Duration.ofSeconds(1);
        }
        TimeSeries series = TimeSeries.of(times.get(0), step, Arrays.copyOf(rows.values, rows.size));
        return new TraceReadResult(
                series,
                source,
                layout.timeName(),
                layout.format.label,
                layout.valueName(),
                rows.size,
                0,
                0,
                0,
                series.gapCount(),
                options.step() == null,
                times);
    }

    /**
     * Reads every value column of a CSV file, row by row as written: the time column as for {@link #read}
     * ({@link TraceReadOptions#timeColumn()} or detected), every other column a value column that must hold a
     * finite number in every row; rows are neither sorted, merged nor gridded. The step is the given one, else the
     * difference between the first two timestamps, which must be positive.
     */
    public static TraceTable readTable(Path file, TraceReadOptions options) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " is not a readable file");
        }
        String source = file.toString();
        String text;
        try {
            text = BoundedText.read(file, source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Layout layout = Layout.detect(text, source, options);
        List<Integer> valueColumns = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int c = 0; c < layout.names.size(); c++) {
            if (c != layout.timeIndex) {
                valueColumns.add(c);
                names.add(layout.names.get(c));
            }
        }
        CsvLines lines = new CsvLines(text, source);
        if (layout.hasHeader) {
            lines.next();
        }
        List<double[]> rows = new ArrayList<>();
        long[] firstTimes = new long[2];
        while (lines.next()) {
            List<String> cells = lines.cells();
            if (cells.size() != layout.names.size()) {
                throw badRow(source, lines, "has " + cells.size() + " cells, the header " + layout.names.size());
            }
            if (layout.timeIndex >= 0 && rows.size() < 2) {
                long time = Timestamps.parse(cells.get(layout.timeIndex), layout.format);
                if (time == Timestamps.INVALID) {
                    throw badRow(
                            source,
                            lines,
                            "'" + cells.get(layout.timeIndex) + "' in column " + layout.timeName()
                                    + " is not a timestamp (" + layout.format.label + ")");
                }
                firstTimes[rows.size()] = time;
            }
            double[] row = new double[valueColumns.size()];
            for (int k = 0; k < row.length; k++) {
                String cell = cells.get(valueColumns.get(k));
                row[k] = Numbers.parse(cell);
                if (!Double.isFinite(row[k])) {
                    throw badRow(
                            source,
                            lines,
                            "'" + cell + "' in column " + names.get(k) + " is not a finite number (fill gaps first)");
                }
            }
            rows.add(row);
        }
        if (rows.size() < 2) {
            throw new IllegalArgumentException(source + " needs at least 2 data rows, got " + rows.size());
        }
        Instant start = null;
        Duration step = options.step();
        if (layout.timeIndex >= 0) {
            start = Instant.ofEpochSecond(0, firstTimes[0]);
            if (step == null) {
                step = Duration.ofNanos(firstTimes[1] - firstTimes[0]);
                if (step.isZero() || step.isNegative()) {
                    throw new IllegalArgumentException(source + ": the second row is not after the first in time;"
                            + " expected rising timestamps");
                }
            }
        }
        return new TraceTable(
                source,
                layout.timeIndex >= 0 ? layout.timeName() : null,
                names,
                rows.toArray(double[][]::new),
                start,
                step);
    }

    private static Rows readRows(String text, String source, Layout layout) {
        CsvLines lines = new CsvLines(text, source);
        if (layout.hasHeader) {
            lines.next();
        }
        boolean timed = layout.timeIndex >= 0;
        int[] wanted = timed
                ? new int[] {
                    Math.min(layout.timeIndex, layout.valueIndex), Math.max(layout.timeIndex, layout.valueIndex)
                }
                : new int[] {layout.valueIndex};
        String[] cells = new String[wanted.length];
        int timeSlot = timed && layout.timeIndex > layout.valueIndex ? 1 : 0;
        int valueSlot = timed ? 1 - timeSlot : 0;
        Rows rows = new Rows(timed);
        while (lines.next()) {
            if (!lines.cells(wanted, cells)) {
                throw badRow(source, lines, "has fewer than " + (wanted[wanted.length - 1] + 1) + " columns");
            }
            long time = 0;
            if (timed) {
                time = Timestamps.parse(cells[timeSlot], layout.format);
                if (time == Timestamps.INVALID) {
                    throw badRow(
                            source,
                            lines,
                            "'" + BoundedText.shown(cells[timeSlot], SHOWN_CELL) + "' in column "
                                    + layout.timeName()
                                    + " is not a timestamp (" + layout.format.label + ")");
                }
            }
            double value = Numbers.parse(cells[valueSlot]);
            if (Double.isInfinite(value) || (Double.isNaN(value) && !Numbers.isGap(cells[valueSlot]))) {
                throw badRow(
                        source,
                        lines,
                        "'" + BoundedText.shown(cells[valueSlot], SHOWN_CELL) + "' in column "
                                + layout.valueName()
                                + " is not a finite number");
            }
            rows.add(time, value, lines.lineNumber());
        }
        if (rows.size == 0) {
            throw new IllegalArgumentException(source + " has a header but no data rows");
        }
        return rows;
    }

    private static IllegalArgumentException badRow(String source, CsvLines lines, String what) {
        return new IllegalArgumentException(
                source + " line " + lines.lineNumber() + ": " + what + ": '" + lines.lineText() + "'");
    }

    /** Where the columns are, found from the header and the first rows. */
    private static final class Layout {
        boolean hasHeader;
        List<String> names;
        int timeIndex = -1;
        int valueIndex = -1;
        Timestamps.Format format;

        String timeName() {
            return names.get(timeIndex);
        }

        String valueName() {
            return names.get(valueIndex);
        }

        static Layout detect(String text, String source, TraceReadOptions options) {
            CsvLines lines = new CsvLines(text, source);
            if (!lines.next()) {
                throw new IllegalArgumentException(source + " is empty: expected a header line and data rows");
            }
            Layout layout = new Layout();
            List<String> first = lines.cells();
            layout.hasHeader = first.stream()
                    .anyMatch(c -> !c.isEmpty() && Double.isNaN(Numbers.parse(c)) && Timestamps.detect(c) == null);
            List<List<String>> sample = new ArrayList<>();
            if (layout.hasHeader) {
                layout.names = first;
            } else {
                layout.names = new ArrayList<>();
                for (int i = 0; i < first.size(); i++) {
                    layout.names.add(Integer.toString(i));
                }
                sample.add(first);
            }
            while (sample.size() < SAMPLE_ROWS && lines.next()) {
                sample.add(lines.cells());
            }
            if (sample.isEmpty()) {
                throw new IllegalArgumentException(source + " has a header but no data rows");
            }
            layout.findColumns(source, options, sample);
            return layout;
        }

        private void findColumns(String source, TraceReadOptions options, List<List<String>> sample) {
            if (options.timeColumn() != null) {
                timeIndex = resolve(source, options.timeColumn(), "--time-column");
                format = formatOf(sample, timeIndex, false);
                if (format == null) {
                    throw new IllegalArgumentException(source + ": time column " + timeName()
                            + " does not hold timestamps in its first rows (got '"
                            + BoundedText.shown(cell(sample.get(0), timeIndex), SHOWN_CELL) + "')");
                }
            }
            if (options.valueColumn() != null) {
                valueIndex = resolve(source, options.valueColumn(), "--value-column");
            }
            for (int c = 0; timeIndex < 0 && options.timeColumn() == null && c < names.size(); c++) {
                if (c != valueIndex && (format = formatOf(sample, c, true)) != null) {
                    timeIndex = c;
                }
            }
            for (int c = 0; timeIndex < 0 && options.timeColumn() == null && c < names.size(); c++) {
                Timestamps.Format first = Timestamps.detect(cell(sample.get(0), c));
                if (c != valueIndex && first != null && (first == Timestamps.Format.ISO || isTimeName(names.get(c)))) {
                    timeIndex = c; // a time column whose later rows do not parse: reported by line when read
                    format = first;
                }
            }
            for (int c = 0; valueIndex < 0 && c < names.size(); c++) {
                if (c != timeIndex && isNumeric(sample, c)) {
                    valueIndex = c;
                }
            }
            if (valueIndex < 0) {
                throw new IllegalArgumentException(source + " has no numeric value column (columns: "
                        + String.join(", ", names) + "); name one with --value-column");
            }
            if (valueIndex == timeIndex) {
                throw new IllegalArgumentException(
                        source + ": the value column " + valueName() + " is also the time column");
            }
        }

        private int resolve(String source, String column, String option) {
            int index = names.indexOf(column);
            for (int i = 0; index < 0 && i < names.size(); i++) {
                if (names.get(i).equalsIgnoreCase(column)) {
                    index = i;
                }
            }
            if (index < 0 && column.chars().allMatch(Character::isDigit)) {
                int parsed = Integer.parseInt(column);
                index = parsed < names.size() ? parsed : -1;
            }
            if (index < 0) {
                throw new IllegalArgumentException(source + ": unknown " + option + " '" + column + "' (columns: "
                        + String.join(", ", names) + "; or a 0-based index below " + names.size() + ")");
            }
            return index;
        }

        /** The time format of a column whose first value and all but a tenth (at least one) of the rest parse. */
        private static Timestamps.Format formatOf(List<List<String>> sample, int column, boolean strict) {
            Timestamps.Format format = Timestamps.detect(cell(sample.get(0), column));
            if (format == null) {
                return null;
            }
            int failures = 0;
            long previous = Long.MIN_VALUE;
            for (List<String> row : sample) {
                long time = Timestamps.parse(cell(row, column), format);
                if (time == Timestamps.INVALID) {
                    failures++;
                } else if (strict && format != Timestamps.Format.ISO && time < previous) {
                    return null;
                } else {
                    previous = time;
                }
            }
            return failures <= tolerance(sample) ? format : null;
        }

        /** True when the first non-gap value and all but a tenth (at least one) of the rest are numbers. */
        private static boolean isNumeric(List<List<String>> sample, int column) {
            int failures = 0;
            boolean any = false;
            for (List<String> row : sample) {
                String cell = cell(row, column);
                double value = Numbers.parse(cell);
                if (Double.isNaN(value) && !Numbers.isGap(cell)) {
                    if (!any) {
                        return false;
                    }
                    failures++;
                }
                any |= !Double.isNaN(value);
            }
            return any && failures <= tolerance(sample);
        }

        /** A header that says its column holds times. */
        private boolean isTimeName(String name) {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            return hasHeader
                    && (lower.contains("time") || lower.contains("date") || lower.equals("ts") || lower.equals("t"));
        }

        /** Bad cells allowed among the sampled rows, so that a bad row is reported by line, not as "no column". */
        private static int tolerance(List<List<String>> sample) {
            return Math.max(1, sample.size() / 10);
        }

        private static String cell(List<String> row, int column) {
            return column < row.size() ? row.get(column) : "";
        }
    }

    /** Growable columns of the rows read. */
    private static final class Rows {
        long[] times;
        double[] values = new double[1024];
        int[] lines = new int[1024];
        int size;

        Rows(boolean timed) {
            times = new long[timed ? 1024 : 0];
        }

        void add(long time, double value, int line) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
                lines = Arrays.copyOf(lines, size * 2);
                if (times.length > 0) {
                    times = Arrays.copyOf(times, size * 2);
                }
            }
            if (times.length > 0) {
                times[size] = time;
            }
            values[size] = value;
            lines[size] = line;
            size++;
        }
    }
}
