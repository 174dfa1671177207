package io.prescale.core.forecast;

import java.time.Instant;
import java.util.Objects;

/**
 * A known event (holiday, sale, release) over {@code [start, end)}; the Prophet-style model gives each event
 * name its own effect.
 */
public record Event(String name, Instant start, Instant end) {
    public Event {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (name.isBlank()) {
            throw new IllegalArgumentException("event name must not be blank");
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("event '" + name + "' must end after it starts, got start " + start
                    + " and end " + end);
        }
    }

    boolean covers(Instant time) {
        return !time.isBefore(start) && time.isBefore(end);
    }
}
