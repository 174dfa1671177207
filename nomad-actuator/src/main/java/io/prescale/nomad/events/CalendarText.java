package io.prescale.nomad.events;

import io.prescale.core.forecast.Event;
import io.prescale.core.forecast.EventCalendar;
import io.prescale.core.series.Timestamps;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses a calendar of scheduled events: one {@code name,start,end[,kind]} per line, ISO-8601 or epoch times,
 * kind defaulting to the name without a trailing number ({@link Event#kindOf}). Blank lines, lines starting with
 * {@code #}, and a first line starting with {@code name,} (a header) are skipped. This is the format of
 * {@code prescale forecast --events}; overlapping events of one kind are merged ({@link EventCalendar#of}).
 */
public final class CalendarText {
    private static final int MAX_SHOWN = 100;

    private CalendarText() {}

    /**
     * The calendar in {@code text}.
     *
     * @param source where the text came from, named in errors (a file, a variable path)
     * @throws IllegalArgumentException naming the source and line of the first malformed line
     */
    public static EventCalendar parse(String text, String source) {
        List<Event> events = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()
                    || line.startsWith("#")
                    || (events.isEmpty() && line.toLowerCase(Locale.ROOT).startsWith("name,"))) {
                continue;
            }
            events.add(parseLine(line, source, i + 1));
        }
        return EventCalendar.of(events);
    }

    private static Event parseLine(String line, String source, int number) {
        String[] cells = line.split(",", -1);
        String where = source + " line " + number + ": ";
        if (cells.length < 3 || cells.length > 4) {
            throw new IllegalArgumentException(where + "expected name,start,end[,kind], got '"
                    + (line.length() > MAX_SHOWN ? line.substring(0, MAX_SHOWN) + "…" : line) + "'");
        }
        try {
            String name = cells[0].strip();
            String kind = cells.length == 4 && !cells[3].isBlank() ? cells[3].strip() : Event.kindOf(name);
            return new Event(
                    name, Timestamps.parseInstant(cells[1].strip()), Timestamps.parseInstant(cells[2].strip()), kind);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
    }
}
