package io.prescale.nomad.loop;

import io.prescale.nomad.events.CalendarSource;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One evaluation cycle: the groups in order (namespace, job, group), the wall time, the faults counted in this
 * cycle by kind, the discovery failure (null when Nomad was listed), and the calendar of events used (null when
 * the actuator has none).
 */
public record CycleReport(
        Instant now,
        List<GroupResult> groups,
        double cycleSeconds,
        Map<String, Integer> errors,
        String discoveryError,
        boolean leader,
        Calendar calendar) {
    /**
     * The calendar a cycle used: what is watched, how many events of which kinds, its version, and why the newest
     * read failed (null when it did not; the events are then the last good ones).
     */
    public record Calendar(String source, int events, List<String> kinds, long version, String error) {
        public Calendar {
            kinds = List.copyOf(kinds);
        }

        static Calendar of(CalendarSource.Snapshot s) {
            return new Calendar(
                    s.source(), s.calendar().events().size(), s.calendar().kinds(), s.version(), s.error());
        }
    }

    /** A report without a calendar (the actuator has none). */
    public CycleReport(
            Instant now,
            List<GroupResult> groups,
            double cycleSeconds,
            Map<String, Integer> errors,
            String discoveryError,
            boolean leader) {
        this(now, groups, cycleSeconds, errors, discoveryError, leader, null);
    }

    public CycleReport {
        groups = List.copyOf(groups);
        errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }
}
