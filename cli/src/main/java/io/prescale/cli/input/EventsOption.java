package io.prescale.cli.input;

import io.prescale.cli.base.BadInputException;
import io.prescale.core.forecast.EventCalendar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
            String source = "--events '" + file + "'";
            try {
                return EventCalendar.parse(Files.readString(file, StandardCharsets.UTF_8), source);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--events", name, e.getMessage(), e);
            }
        } catch (IOException e) {
            throw new BadInputException("--events", name, "cannot read --events '" + file + "': " + e.getMessage(), e);
        }
    }
}
