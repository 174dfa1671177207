package io.prescale.cli.generate;

import io.prescale.cli.base.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code --input} of {@code prescale generate}: a CSV with a header; a first column named
 * timestamp/time/date is the time (ISO-8601, {@code yyyy-MM-dd HH:mm:ss} UTC or epoch seconds), every other
 * column a numeric feature (the last one is the load). Without a time column rows are consecutive one-minute
 * steps from 1970-01-01. It reads several value columns at once, which the single-series {@code TraceReader} does not.
 *
 * @param rows rows × features, in file order
 * @param start time of the first row
 * @param step time between rows
 * @param columns feature column names
 */
public record GenerateInput(double[][] rows, Instant start, Duration step, List<String> columns) {
    public static GenerateInput read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new BadInputException("--input", file.toString(), "cannot read --input '" + file + "': " + e);
        }
        if (lines.size() < 3) {
            throw new BadInputException("--input", file.toString(), "--input '" + file
                    + "' needs a header and at least 2 rows, got " + lines.size() + " lines");
        }
        String[] header = lines.get(0).split(",", -1);
        boolean timed = List.of("timestamp", "time", "date", "ts").contains(header[0].strip().toLowerCase(Locale.ROOT));
        int first = timed ? 1 : 0;
        List<String> columns = new ArrayList<>();
        for (int c = first; c < header.length; c++) {
            columns.add(header[c].strip());
        }
        if (columns.isEmpty()) {
            throw new BadInputException("--input", file.toString(), "--input '" + file + "' has no value column");
        }
        double[][] rows = new double[lines.size() - 1][columns.size()];
        Instant[] times = new Instant[2];
        for (int r = 1; r < lines.size(); r++) {
            String[] cells = lines.get(r).split(",", -1);
            if (cells.length != header.length) {
                throw bad(file, r, "has " + cells.length + " cells, the header " + header.length);
            }
            if (timed && r <= 2) {
                times[r - 1] = time(file, r, cells[0].strip());
            }
            for (int c = first; c < cells.length; c++) {
                try {
                    rows[r - 1][c - first] = Double.parseDouble(cells[c].strip());
                } catch (NumberFormatException e) {
                    throw bad(file, r, "column '" + header[c].strip() + "' is '" + cells[c] + "', expected a number");
                }
                if (!Double.isFinite(rows[r - 1][c - first])) {
                    throw bad(file, r, "column '" + header[c].strip() + "' is not finite; fill gaps first");
                }
            }
        }
        Instant start = timed ? times[0] : Instant.EPOCH;
        Duration step = timed ? Duration.between(times[0], times[1]) : Duration.ofMinutes(1);
        if (step.isZero() || step.isNegative()) {
            throw bad(file, 2, "is not after line 1 in time; expected rising timestamps");
        }
        return new GenerateInput(rows, start, step, List.copyOf(columns));
    }

    private static Instant time(Path file, int line, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                try {
                    return Instant.ofEpochSecond(Long.parseLong(text));
                } catch (NumberFormatException e3) {
                    throw bad(file, line, "timestamp '" + text + "' is not ISO-8601, 'yyyy-MM-dd HH:mm:ss' or epoch seconds");
                }
            }
        }
    }

    private static BadInputException bad(Path file, int line, String what) {
        return new BadInputException("--input", file.toString(), "--input '" + file + "' line " + (line + 1) + " "
                + what);
    }
}
