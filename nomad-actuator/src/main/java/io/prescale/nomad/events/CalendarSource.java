package io.prescale.nomad.events;

import io.prescale.core.forecast.EventCalendar;
import java.util.Objects;

/**
 * Where the actuator's calendar of scheduled events comes from. {@link #current()} is called once per cycle and
 * is cheap when nothing changed; it never throws for a remote or parse failure — it returns the last good
 * calendar with the error. Implementations are thread-safe.
 */
@FunctionalInterface
public interface CalendarSource {
    /**
     * The calendar now.
     *
     * @param calendar the events (empty when none are known)
     * @param version changes whenever the calendar does (models fitted on an older version are refitted)
     * @param source what is watched, e.g. the file or {@code var:prescale/events}; null for none
     * @param error why the newest read failed (the calendar is then the last good one), or null
     */
    record Snapshot(EventCalendar calendar, long version, String source, String error) {
        public Snapshot {
            Objects.requireNonNull(calendar, "calendar");
        }
    }

    Snapshot current();

    /** No calendar: every group forecasts without events. */
    static CalendarSource none() {
        Snapshot empty = new Snapshot(EventCalendar.empty(), 0, null, null);
        return () -> empty;
    }
}
