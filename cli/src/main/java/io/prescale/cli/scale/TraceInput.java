package io.prescale.cli.scale;

import io.prescale.cli.output.BadInputException;
import io.prescale.core.series.TimeSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code --input} for the backtest: a CSV of {@code timestamp,value} rows (header allowed, timestamp
 * ISO-8601 with {@code T} or a space, no zone means UTC), placed on the most common step; missing steps are
 * gaps (NaN) and duplicate timestamps are averaged. To be replaced by the shared
 * {@code io.prescale.core.series.TraceReader} when it lands: this is the one place that reads the input.
 */
final class TraceInput {
    private TraceInput() {
    }

    static TimeSeries read(Path file, String option) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new BadInputException(option, String.valueOf(file), "cannot read " + option + " " + file + ": "
                    + e.getMessage(), e);
        }
        List<Instant> times = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",");
            Instant time = cells.length >= 2 ? parseTime(cells[0].strip()) : null;
            if (time == null) {
                if (times.isEmpty() && i == 0) {
                    continue; // header
                }
                throw new BadInputException(option, file.toString(), "line " + (i + 1) + " of " + file
                        + " is not 'timestamp,value': " + abbreviate(line));
            }
            try {
                times.add(time);
                values.add(Double.parseDouble(cells[1].strip()));
            } catch (NumberFormatException e) {
                throw new BadInputException(option, file.toString(), "line " + (i + 1) + " of " + file
                        + " has a value that is not a number: " + abbreviate(line));
            }
        }
        if (times.size() < 2) {
            throw new BadInputException(option, file.toString(), file + " has " + times.size()
                    + " data rows; a trace needs at least 2 timestamp,value rows");
        }
        return regular(times, values, file, option);
    }

    private static TimeSeries regular(List<Instant> times, List<Double> values, Path file, String option) {
        Instant start = times.stream().min(Instant::compareTo).orElseThrow();
        Instant end = times.stream().max(Instant::compareTo).orElseThrow();
        Map<Long, Integer> diffs = new HashMap<>();
        List<Instant> sorted = times.stream().sorted().toList();
        for (int i = 1; i < sorted.size(); i++) {
            long d = Duration.between(sorted.get(i - 1), sorted.get(i)).toMillis();
            if (d > 0) {
                diffs.merge(d, 1, Integer::sum);
            }
        }
        if (diffs.isEmpty()) {
            throw new BadInputException(option, file.toString(), file + " has no two distinct timestamps");
        }
        long stepMillis = diffs.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        int n = (int) (Duration.between(start, end).toMillis() / stepMillis) + 1;
        double[] sum = new double[n];
        int[] count = new int[n];
        for (int i = 0; i < times.size(); i++) {
            int index = (int) Math.round((double) Duration.between(start, times.get(i)).toMillis() / stepMillis);
            sum[index] += values.get(i);
            count[index]++;
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = count[i] == 0 ? Double.NaN : sum[i] / count[i];
        }
        return TimeSeries.of(start, Duration.ofMillis(stepMillis), out);
    }

    private static Instant parseTime(String text) {
        String iso = text.replace(' ', 'T');
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static String abbreviate(String line) {
        return line.length() <= 60 ? line : line.substring(0, 60) + "…";
    }
}
