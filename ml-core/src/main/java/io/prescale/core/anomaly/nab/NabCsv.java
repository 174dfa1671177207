package io.prescale.core.anomaly.nab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;

/**
 * The row-exact reader of NAB CSV files ({@code timestamp,value} data files and
 * {@code timestamp,anomaly_score,…} result files): a header line, then one row per line, read exactly as
 * written. This deliberately does not go through {@code TimeSeries} or the general trace reader, which
 * regularise time; NAB's scorer counts rows.
 */
public final class NabCsv {
    /** {@code 2014-04-10 07:15:00}, optionally with a fraction ({@code .000000}) or a {@code T}. */
    static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    private NabCsv() {
    }

    /**
     * Reads {@code path}: column 0 is the timestamp, {@code valueColumn} (by header name; null = column 1) the value.
     *
     * @param name how the file is named in results and errors (e.g. {@code realKnownCause/nyc_taxi.csv})
     * @throws IllegalArgumentException naming the file and line of the first row that does not parse
     */
    public static NabRows read(Path path, String name, String valueColumn) throws IOException {
        return read(new java.io.StringReader(io.prescale.core.series.BoundedText.read(path, name)), name, valueColumn);
    }

    /** As {@link #read(Path, String, String)} from a reader (closed by the caller). */
    public static NabRows read(Reader source, String name, String valueColumn) throws IOException {
        BufferedReader reader = new BufferedReader(source);
        String header = reader.readLine();
        if (header == null) {
            throw new IllegalArgumentException(name + ": empty file, expected a header 'timestamp,"
                    + (valueColumn == null ? "value" : valueColumn) + "'");
        }
        int column = columnOf(header, valueColumn, name);
        List<LocalDateTime> times = new ArrayList<>();
        double[] values = new double[1024];
        int n = 0;
        int lineNumber = 1;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (fields.length <= column) {
                throw rowError(name, lineNumber, line, "expected at least " + (column + 1) + " columns");
            }
            times.add(parseTimestamp(fields[0].strip(), name, lineNumber, line));
            if (n == values.length) {
                values = java.util.Arrays.copyOf(values, n * 2);
            }
            values[n++] = parseValue(fields[column].strip(), name, lineNumber, line);
        }
        return new NabRows(name, times.toArray(LocalDateTime[]::new), java.util.Arrays.copyOf(values, n));
    }

    /** Parses a NAB timestamp ({@code yyyy-MM-dd HH:mm:ss[.ffffff]}); null when it does not parse. */
    public static LocalDateTime parseTimestampOrNull(String text) {
        try {
            return LocalDateTime.parse(text, TIMESTAMP);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static int columnOf(String header, String valueColumn, String name) {
        String[] names = header.strip().split(",", -1);
        if (valueColumn == null) {
            if (names.length < 2) {
                throw new IllegalArgumentException(name + ": header '" + header.strip()
                        + "' has one column, expected a timestamp and a value column");
            }
            return 1;
        }
        for (int i = 1; i < names.length; i++) {
            if (names[i].strip().equalsIgnoreCase(valueColumn)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name + ": header '" + header.strip() + "' has no column '" + valueColumn
                + "', expected 'timestamp," + valueColumn + "'");
    }

    private static LocalDateTime parseTimestamp(String text, String name, int lineNumber, String line) {
        LocalDateTime time = parseTimestampOrNull(text);
        if (time == null) {
            throw rowError(name, lineNumber, line, "expected a timestamp 'yyyy-MM-dd HH:mm:ss' in column 1");
        }
        return time;
    }

    private static double parseValue(String text, String name, int lineNumber, String line) {
        try {
            double value = Double.parseDouble(text);
            if (Double.isInfinite(value)) {
                throw rowError(name, lineNumber, line, "expected a finite number");
            }
            return value;
        } catch (NumberFormatException e) {
            throw rowError(name, lineNumber, line, "expected a number in the value column");
        }
    }

    private static IllegalArgumentException rowError(String name, int lineNumber, String line, String expected) {
        String excerpt = line.length() > 80 ? line.substring(0, 80) + "…" : line;
        return new IllegalArgumentException(name + " line " + lineNumber + ": '" + excerpt + "' does not parse: "
                + expected);
    }
}
