package io.prescale.nomad.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/job/:id/scale}. Note: its {@code jobModifyIndex} is Nomad's {@code job.ModifyIndex}, not the
 * spec index register and scale compare against; do not use it for check-and-set.
 */
public record JobScaleStatus(
        String jobId, String namespace, long jobModifyIndex, boolean jobStopped, Map<String, GroupStatus> taskGroups) {
    public JobScaleStatus {
        taskGroups = Map.copyOf(taskGroups);
    }

    /** One group: desired count, allocation counts, and the newest scaling events first (Nomad keeps 20). */
    public record GroupStatus(int desired, int placed, int running, int healthy, int unhealthy, List<Event> events) {
        public GroupStatus {
            events = List.copyOf(events);
        }
    }

    /** A scaling event; {@code count} null for an event without a count change; {@code time} from Unix nanoseconds. */
    public record Event(
            Instant time,
            Integer count,
            Integer previousCount,
            String message,
            boolean error,
            Map<String, Object> meta,
            String evalId) {
        public Event {
            meta = meta == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(meta));
        }
    }

    static JobScaleStatus from(JsonNode n) {
        Map<String, GroupStatus> groups = new LinkedHashMap<>();
        JsonNode tgs = n.get("TaskGroups");
        if (tgs != null && tgs.isObject()) {
            tgs.fields().forEachRemaining(e -> groups.put(e.getKey(), group(e.getValue())));
        }
        return new JobScaleStatus(
                Json.text(n, "JobID"),
                Json.text(n, "Namespace"),
                Json.number(n, "JobModifyIndex", 0),
                Json.bool(n, "JobStopped", false),
                groups);
    }

    @SuppressWarnings("unchecked")
    private static GroupStatus group(JsonNode g) {
        List<Event> events = new ArrayList<>();
        JsonNode ev = g.get("Events");
        if (ev != null && ev.isArray()) {
            for (JsonNode e : ev) {
                long nanos = Json.number(e, "Time", 0);
                Long count = Json.nullableNumber(e, "Count");
                Long previous = Json.nullableNumber(e, "PreviousCount");
                JsonNode meta = e.get("Meta");
                events.add(new Event(
                        Instant.ofEpochSecond(0, nanos),
                        count == null ? null : count.intValue(),
                        previous == null ? null : previous.intValue(),
                        Json.text(e, "Message"),
                        Json.bool(e, "Error", false),
                        meta == null || meta.isNull() ? Map.of() : Json.MAPPER.convertValue(meta, Map.class),
                        Json.text(e, "EvalID")));
            }
        }
        return new GroupStatus(
                (int) Json.number(g, "Desired", 0),
                (int) Json.number(g, "Placed", 0),
                (int) Json.number(g, "Running", 0),
                (int) Json.number(g, "Healthy", 0),
                (int) Json.number(g, "Unhealthy", 0),
                events);
    }
}
