package io.prescale.core.anomaly.nab;

import io.prescale.core.series.Timestamps;
import io.prescale.core.series.TraceReadOptions;
import io.prescale.core.series.TraceReadResult;
import io.prescale.core.series.TraceReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * NAB CSV files ({@code timestamp,value} data files and {@code timestamp,anomaly_score,…} result files) read by the
 * one trace reader with its rows-as-written option ({@link TraceReadOptions#rowsAsWritten()}): column 0 is the
 * timestamp, every row is kept in file order, because NAB's scorer counts rows.
 */
public final class NabCsv {
    private NabCsv() {}

    /**
     * Reads {@code path}: column 0 is the timestamp, {@code valueColumn} (by header name; null = the first numeric
     * column after it) the value.
     *
     * @param name how the file is named in results and errors (e.g. {@code realKnownCause/nyc_taxi.csv})
     * @throws IllegalArgumentException naming the file and line of the first row that does not parse
     */
    public static NabRows read(Path path, String name, String valueColumn) throws IOException {
        return read(io.prescale.core.series.BoundedText.read(path, name), name, valueColumn);
    }

    /** As {@link #read(Path, String, String)} from a reader (closed by the caller). */
    public static NabRows read(Reader source, String name, String valueColumn) throws IOException {
        StringWriter text = new StringWriter();
        source.transferTo(text);
        return read(text.toString(), name, valueColumn);
    }

    private static NabRows read(String text, String name, String valueColumn) {
        TraceReadOptions options =
                TraceReadOptions.defaults().withTimeColumn("0").withRowsAsWritten(true);
        if (valueColumn != null) {
            options = options.withValueColumn(valueColumn);
        }
        return rows(name, TraceReader.readText(text, name, options));
    }

    /** The rows of a trace read with {@link TraceReadOptions#rowsAsWritten()}, as NAB rows named {@code name}. */
    public static NabRows rows(String name, TraceReadResult read) {
        if (read.rowTimes().size() != read.rows()) {
            throw new IllegalArgumentException(name + " was not read with rows as written");
        }
        LocalDateTime[] times = new LocalDateTime[read.rowTimes().size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = LocalDateTime.ofInstant(read.rowTimes().get(i), ZoneOffset.UTC);
        }
        return new NabRows(name, times, read.series().values());
    }

    /** Parses a NAB timestamp ({@code yyyy-MM-dd HH:mm:ss[.ffffff]}); null when it does not parse. */
    public static LocalDateTime parseTimestampOrNull(String text) {
        try {
            return LocalDateTime.ofInstant(Timestamps.parseInstant(text), ZoneOffset.UTC);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
