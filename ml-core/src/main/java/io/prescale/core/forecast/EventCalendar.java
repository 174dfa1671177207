package io.prescale.core.forecast;

import io.prescale.core.series.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A calendar of scheduled events, sorted by start. Overlapping or touching occurrences of one kind are merged
 * into one (they are one stretch of the same thing happening); how many merges happened is kept for the
 * report. Events are published in advance, so the whole calendar may be seen at any time — unlike demand.
 */
public final class EventCalendar {
    /** Characters of a bad line echoed in an error. */
    private static final int MAX_SHOWN = 100;

    private final List<Event> events;
    private final int mergedOverlaps;

    private EventCalendar(List<Event> events, int mergedOverlaps) {
        this.events = List.copyOf(events);
        this.mergedOverlaps = mergedOverlaps;
    }

    /** The empty calendar. */
    public static EventCalendar empty() {
        return new EventCalendar(List.of(), 0);
    }

    /**
     * The calendar written in {@code text}: one {@code name,start,end[,kind]} per line, ISO-8601 or epoch times
     * ({@link Timestamps#parseInstant}), kind defaulting to the name without a trailing number
     * ({@link Event#kindOf}). Blank lines, lines starting with {@code #} and a first line starting with
     * {@code name,} (a header) are skipped. The one reader of this format for the cli's {@code --events} and the
     * actuator's calendar sources.
     *
     * @param source where the text came from, named in errors (an option and file, a variable path)
     * @throws IllegalArgumentException {@code "<source> line <n>: <what was expected>"} for the first bad line
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
            events.add(parseLine(line, source + " line " + (i + 1) + ": "));
        }
        return of(events);
    }

    private static Event parseLine(String line, String where) {
        String[] cells = line.split(",", -1);
        if (cells.length < 3 || cells.length > 4) {
            String shown = line.length() > MAX_SHOWN ? line.substring(0, MAX_SHOWN) + "…" : line;
            throw new IllegalArgumentException(where + "expected name,start,end[,kind], got '" + shown + "'");
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

    /** A calendar of {@code events} in any order; overlapping events of one kind are merged. */
    public static EventCalendar of(List<Event> events) {
        Objects.requireNonNull(events, "events");
        Map<String, List<Event>> byKind = new LinkedHashMap<>();
        for (Event event : events) {
            byKind.computeIfAbsent(event.kind(), k -> new ArrayList<>()).add(event);
        }
        List<Event> merged = new ArrayList<>();
        int merges = 0;
        for (List<Event> ofKind : byKind.values()) {
            ofKind.sort(Comparator.comparing(Event::start));
            Event current = null;
            for (Event event : ofKind) {
                if (current != null && !event.start().isAfter(current.end())) {
                    Instant end = event.end().isAfter(current.end()) ? event.end() : current.end();
                    current = new Event(current.name(), current.start(), end, current.kind());
                    merges++;
                } else {
                    if (current != null) {
                        merged.add(current);
                    }
                    current = event;
                }
            }
            merged.add(current);
        }
        merged.sort(Comparator.comparing(Event::start).thenComparing(Event::kind));
        return new EventCalendar(merged, merges);
    }

    /** The events, sorted by start, after merging. */
    public List<Event> events() {
        return events;
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }

    /** How many overlapping occurrences of one kind were merged into another. */
    public int mergedOverlaps() {
        return mergedOverlaps;
    }

    /** The kinds, sorted. */
    public List<String> kinds() {
        TreeSet<String> kinds = new TreeSet<>();
        events.forEach(e -> kinds.add(e.kind()));
        return List.copyOf(kinds);
    }

    /** The occurrences of one kind, sorted by start. */
    public List<Event> occurrences(String kind) {
        return events.stream().filter(e -> e.kind().equals(kind)).toList();
    }

    /** How many events lie wholly outside {@code [from, to)}: they teach nothing about that data. */
    public int countOutside(Instant from, Instant to) {
        return (int) events.stream()
                .filter(e -> !e.end().isAfter(from) || !e.start().isBefore(to))
                .count();
    }
}
