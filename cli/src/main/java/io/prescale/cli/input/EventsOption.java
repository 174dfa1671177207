package io.prescale.cli.input;

import io.prescale.cli.base.BadInputException;
import io.prescale.core.forecast.Event;
import io.prescale.core.forecast.EventCalendar;
import io.prescale.core.series.Timestamps;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --events FILE}: a calendar of scheduled events, one {@code name,start,end[,kind]} per line (a header
 * line starting with {@code name,} and lines starting with {@code #} are skipped; kind defaults to the name
 * without a trailing number). A malformed line or an end not after its start is bad input naming the line;
 * overlapping events of one kind are merged and counted.
 */
public final class EventsOption {
    /** Longest events file read whole; a calendar of scheduled events is small. */
    static final long MAX_BYTES = 16L << 20;

    private static final int MAX_SHOWN = 100;

    @Option(
            names = "--events",
            paramLabel = "FILE",
            description = "Scheduled events: name,start,end[,kind] per line (kind defaults to the name without a "
                    + "trailing number); forecasters learn each kind's effect from its past occurrences.")
    Path file;

    /** The calendar, empty without {@code --events}. */
    public EventCalendar calendar() {
        return file == null ? EventCalendar.empty() : read(file);
    }

    /** The file given, or null. */
    public Path file() {
        return file;
    }

    /**
     * The calendar as the documents report it: the file, how many events and of which kinds, how many
     * overlapping ones were merged, and how many lie wholly outside {@code data} (ignored for learning).
     */
    public com.fasterxml.jackson.databind.node.ObjectNode describe(
            EventCalendar calendar, io.prescale.core.series.TimeSeries data) {
        var node = io.prescale.cli.base.Json.object();
        node.put("file", file == null ? null : file.toString());
        node.put("events", calendar.events().size());
        var kinds = node.putArray("kinds");
        calendar.kinds().forEach(kinds::add);
        node.put("mergedOverlaps", calendar.mergedOverlaps());
        node.put("outsideData", calendar.countOutside(data.start(), data.end()));
        return node;
    }

    static EventCalendar read(Path file) {
        String name = file.toString();
        try {
            if (!Files.isRegularFile(file)) {
                throw new BadInputException(
                        "--events", name, "--events '" + file + "' does not exist or is not a file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new BadInputException(
                        "--events",
                        name,
                        "--events '" + file + "' is larger than " + (MAX_BYTES >> 20)
                                + " MiB; a calendar of events is expected to be small");
            }
            List<Event> events = new ArrayList<>();
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                int number = 0;
                while ((line = reader.readLine()) != null) {
                    number++;
                    String text = line.strip();
                    if (text.isEmpty()
                            || text.startsWith("#")
                            || (events.isEmpty()
                                    && text.toLowerCase(java.util.Locale.ROOT).startsWith("name,"))) {
                        continue;
                    }
                    events.add(parse(text, file, number));
                }
            }
            return EventCalendar.of(events);
        } catch (IOException e) {
            throw new BadInputException("--events", name, "cannot read --events '" + file + "': " + e.getMessage(), e);
        }
    }

    private static Event parse(String text, Path file, int number) {
        String[] cells = text.split(",", -1);
        String where = "--events '" + file + "' line " + number + ": ";
        if (cells.length < 3 || cells.length > 4) {
            throw new BadInputException(
                    "--events", file.toString(), where + "expected name,start,end[,kind], got '" + shorten(text) + "'");
        }
        try {
            String name = cells[0].strip();
            String kind = cells.length == 4 && !cells[3].isBlank() ? cells[3].strip() : Event.kindOf(name);
            return new Event(name, Timestamps.parseInstant(cells[1]), Timestamps.parseInstant(cells[2]), kind);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--events", file.toString(), where + e.getMessage(), e);
        }
    }

    private static String shorten(String text) {
        return text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "…" : text;
    }
}
