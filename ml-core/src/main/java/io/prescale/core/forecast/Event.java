package io.prescale.core.forecast;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A known, scheduled event (a match, a sale, a release, a holiday) over {@code [start, end)}. Events of one
 * {@code kind} are occurrences of the same thing: {@link EventAwareForecaster} learns one effect per kind, and
 * the Prophet-style model one effect per name.
 *
 * @param name the event's own name, e.g. {@code match12}
 * @param kind what the event is an occurrence of, e.g. {@code match}; see {@link #kindOf(String)}
 */
public record Event(String name, Instant start, Instant end, String kind) {
    private static final Pattern TRAILING_NUMBER = Pattern.compile("[\\s_#-]*\\d+$");

    public Event {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(kind, "kind");
        if (name.isBlank()) {
            throw new IllegalArgumentException("event name must not be blank");
        }
        if (kind.isBlank()) {
            throw new IllegalArgumentException("event '" + name + "' has a blank kind");
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException(
                    "event '" + name + "' must end after it starts, got start " + start + " and end " + end);
        }
    }

    /** An event whose kind is its name without a trailing number ({@link #kindOf(String)}). */
    public Event(String name, Instant start, Instant end) {
        this(name, start, end, kindOf(name));
    }

    /**
     * The default kind of an event name: the name without a trailing number and the separator before it
     * ({@code match12}, {@code match-12} and {@code match #12} are all {@code match}); a name that is only a
     * number is its own kind.
     */
    public static String kindOf(String name) {
        String stripped = TRAILING_NUMBER.matcher(name.strip()).replaceFirst("");
        return stripped.isEmpty() ? name.strip() : stripped;
    }

    boolean covers(Instant time) {
        return !time.isBefore(start) && time.isBefore(end);
    }
}
