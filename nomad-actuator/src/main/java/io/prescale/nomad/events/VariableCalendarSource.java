package io.prescale.nomad.events;

import io.prescale.core.forecast.Event;
import io.prescale.core.forecast.EventCalendar;
import io.prescale.nomad.client.NomadApiException;
import io.prescale.nomad.client.NomadClient;
import io.prescale.nomad.client.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A calendar kept in a Nomad Variable ({@code GET /v1/var/:path}), read at every {@link #current()} and
 * re-parsed only when its {@code ModifyIndex} moves. Every item of the variable is a chunk of
 * {@link EventCalendar#parse}, parsed in key order and merged (a variable holds at most 64 KiB, so a long calendar may be split
 * over items such as {@code events} and {@code events-2027}). A missing variable (404) is an empty calendar; a
 * failed read or a bad line keeps the last good calendar and reports why. Publish with
 * {@code nomad var put prescale/events events=@calendar.csv}.
 */
public final class VariableCalendarSource implements CalendarSource {
    private final NomadClient client;
    private final String namespace;
    private final String path;
    private long seenIndex = -1;
    private Snapshot last;
    private long version;

    /** @param namespace the variable's namespace, null for the client's */
    public VariableCalendarSource(NomadClient client, String namespace, String path) {
        this.client = Objects.requireNonNull(client, "client");
        this.namespace = namespace;
        this.path = Objects.requireNonNull(path, "path");
    }

    private String source() {
        return "var:" + path;
    }

    @Override
    public synchronized Snapshot current() {
        Optional<Variable> v;
        try {
            v = client.readVariable(namespace, path);
        } catch (NomadApiException e) {
            return failed("cannot read the events variable " + path + ": " + e.getMessage());
        }
        long index = v.map(Variable::modifyIndex).orElse(0L);
        if (last != null && index == seenIndex) {
            return last;
        }
        EventCalendar calendar;
        try {
            calendar = v.isEmpty() ? EventCalendar.empty() : parse(v.get().items());
        } catch (IllegalArgumentException e) {
            return failed(e.getMessage());
        }
        seenIndex = index;
        last = new Snapshot(calendar, ++version, source(), null);
        return last;
    }

    private EventCalendar parse(Map<String, String> items) {
        List<Event> events = new ArrayList<>();
        for (Map.Entry<String, String> item : new TreeMap<>(items).entrySet()) {
            events.addAll(EventCalendar.parse(item.getValue(), "events variable " + path + " item " + item.getKey())
                    .events());
        }
        return EventCalendar.of(events);
    }

    private Snapshot failed(String why) {
        EventCalendar calendar = last == null ? EventCalendar.empty() : last.calendar();
        return new Snapshot(calendar, last == null ? 0 : last.version(), source(), why);
    }
}
