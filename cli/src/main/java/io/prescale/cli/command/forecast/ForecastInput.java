package io.prescale.cli.command.forecast;

import io.prescale.cli.output.BadInputException;
import io.prescale.cli.options.DurationConverter;
import io.prescale.core.forecast.Event;
import io.prescale.core.series.ShippedTrace;
import io.prescale.core.series.TimeSeries;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/** What the forecast commands share: reading the input series, the horizon and time options, events. */
public final class ForecastInput {
    private ForecastInput() {
    }

    /**
     * Reads {@code timestamp,value} CSV (header line, ISO-8601 or {@code yyyy-MM-dd HH:mm:ss}, UTC) onto a regular
     * grid at the most common step; missing steps are NaN, duplicates averaged. The one place to switch to the
     * shared {@code TraceReader}.
     */
    public static TimeSeries readInput(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("--input", file.toString(), "--input '" + file + "' is not a readable file");
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, "--input", file.toString());
        } catch (IOException e) {
            throw new BadInputException("--input", file.toString(), "cannot read --input '" + file + "': " + e.getMessage());
        }
    }

    /** A shipped trace by its series name (e.g. {@code nyc_taxi}), for {@code --series}. */
    public static TimeSeries readShipped(String name) {
        for (ShippedTrace trace : ShippedTrace.values()) {
            if (trace.seriesName().equals(name)) {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(trace.open(), StandardCharsets.UTF_8))) {
                    return parse(reader, "--series", name);
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read shipped trace " + name, e);
                }
            }
        }
        throw new BadInputException("--series", name, "--series '" + name + "' is unknown; expected one of "
                + Arrays.stream(ShippedTrace.values()).map(ShippedTrace::seriesName).toList());
    }

    private static TimeSeries parse(BufferedReader reader, String option, String source) throws IOException {
        TreeMap<Instant, double[]> rows = new TreeMap<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String[] cells = line.split(",");
            if (line.isBlank() || (number == 1 && !Character.isDigit(line.strip().charAt(0)))) {
                continue;
            }
            try {
                Instant time = parseTime(cells[0].strip());
                double value = cells.length < 2 || cells[1].isBlank() ? Double.NaN : Double.parseDouble(cells[1].strip());
                rows.merge(time, new double[] {value, 1}, (a, b) -> new double[] {a[0] + b[0], a[1] + b[1]});
            } catch (RuntimeException e) {
                throw new BadInputException(option, source, option + " '" + source + "' line " + number
                        + " is not 'timestamp,value': " + line.strip());
            }
        }
        if (rows.size() < 3) {
            throw new BadInputException(option, source, option + " '" + source + "' has " + rows.size()
                    + " rows, expected at least 3");
        }
        return toGrid(rows);
    }

    private static TimeSeries toGrid(TreeMap<Instant, double[]> rows) {
        List<Instant> times = new ArrayList<>(rows.keySet());
        TreeMap<Duration, Integer> diffs = new TreeMap<>();
        for (int i = 1; i < times.size(); i++) {
            diffs.merge(Duration.between(times.get(i - 1), times.get(i)), 1, Integer::sum);
        }
        Duration step = diffs.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
        Instant start = times.get(0);
        int n = Math.toIntExact(Duration.between(start, times.get(times.size() - 1)).toNanos() / step.toNanos()) + 1;
        double[] values = new double[n];
        Arrays.fill(values, Double.NaN);
        rows.forEach((time, sum) -> {
            long offset = Duration.between(start, time).toNanos();
            int index = (int) Math.round((double) offset / step.toNanos());
            if (index < n) {
                values[index] = sum[0] / sum[1];
            }
        });
        return TimeSeries.of(start, step, values);
    }

    public static Instant parseTime(String text) {
        String t = text.replace(' ', 'T');
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException ignored) {
            // not an instant with a zone
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException ignored) {
            // no offset
        }
        if (t.length() == 10) {
            return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
    }

    /** Rejects what no model can learn from: all gaps, constant values, negative counts. */
    static void checkSeries(TimeSeries series, String option, String source) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : series.values()) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min == Double.POSITIVE_INFINITY) {
            throw new BadInputException(option, source, option + " '" + source + "' has no finite values (all NaN)");
        }
        if (min == max) {
            throw new BadInputException(option, source, option + " '" + source + "' is constant (" + min
                    + "); there is nothing to forecast");
        }
        if (min < 0) {
            throw new BadInputException(option, source, option + " '" + source + "' has a negative count (" + min
                    + "); expected load counts >= 0");
        }
    }

    /** Whole steps ({@code 5}) or a duration that is a whole number of steps ({@code 2h30m} → 5 at 30 min). */
    static int steps(String option, String value, Duration step) {
        String text = value.strip();
        long steps;
        if (text.matches("-?\\d+")) {
            steps = Long.parseLong(text);
        } else {
            Duration duration;
            try {
                duration = compound(text);
            } catch (RuntimeException e) {
                throw new BadInputException(option, value, option + " '" + value
                        + "' is neither whole steps nor a duration (e.g. 5, 2h30m, PT1H)");
            }
            if (duration.toNanos() % step.toNanos() != 0) {
                throw new BadInputException(option, value, option + " '" + value + "' is not a whole number of "
                        + step + " steps");
            }
            steps = duration.toNanos() / step.toNanos();
        }
        if (steps < 1 || steps > 100_000) {
            throw new BadInputException(option, value, option + " '" + value + "' must be between 1 and 100000 steps");
        }
        return (int) steps;
    }

    /** {@code 2h30m}-style sums of the units DurationConverter knows, or one duration it parses. */
    static Duration compound(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?(?:ms|s|m|h|d|w))").matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            total = total.plus(DurationConverter.parse(m.group(1)));
            end = m.end();
        }
        return end == text.length() && end > 0 ? total : DurationConverter.parse(text);
    }

    /** Events CSV: {@code name,start,end} per line (a header line is skipped). */
    static List<Event> readEvents(Path file) {
        if (file == null) {
            return List.of();
        }
        List<Event> events = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#") || (i == 0 && line.toLowerCase().startsWith("name,"))) {
                    continue;
                }
                String[] cells = line.split(",");
                try {
                    events.add(new Event(cells[0].strip(), parseTime(cells[1].strip()), parseTime(cells[2].strip())));
                } catch (RuntimeException e) {
                    throw new BadInputException("--events", file.toString(), "--events '" + file + "' line " + (i + 1)
                            + " is not 'name,start,end' with start < end: " + line);
                }
            }
        } catch (IOException e) {
            throw new BadInputException("--events", file.toString(), "cannot read --events '" + file + "': "
                    + e.getMessage());
        }
        return events;
    }
}
