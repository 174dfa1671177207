package io.prescale.cli.actuator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.Json;
import io.prescale.nomad.loop.CycleReport;
import io.prescale.nomad.loop.GroupResult;
import java.util.Locale;

/**
 * The JSON of one cycle: {@code {"groups":[{"namespace","job","group","mode","status","reason","currentCount",
 * "evaluatedAt","decision":{"action","targetCount","reason","quantile","quantileFrom","numbers":{…}},"applied":
 * {"httpStatus","error"}}],"cycleSeconds","errors":{…},"events":{…}}}; a group without a decision or call has
 * {@code null} there; non-finite numbers are null with a sibling {@code …Reason}; {@code quantileFrom} is
 * {@code risk-budget} when {@code prescale.max-unserved} chose the quantile, else {@code annotation}; {@code events}
 * (the calendar watched: source, events, kinds, version, error) only when the actuator has one.
 */
public final class ActuatorJson {
    private ActuatorJson() {}

    public static ObjectNode cycle(CycleReport r) {
        ObjectNode root = Json.object();
        root.put("now", r.now().toString());
        root.put("leader", r.leader());
        ArrayNode groups = root.putArray("groups");
        for (GroupResult g : r.groups()) {
            groups.add(group(g));
        }
        root.put("cycleSeconds", r.cycleSeconds());
        ObjectNode errors = root.putObject("errors");
        r.errors().forEach(errors::put);
        if (r.discoveryError() != null) {
            root.put("discoveryError", r.discoveryError());
        }
        if (r.calendar() != null) {
            ObjectNode c = root.putObject("events");
            c.put("source", r.calendar().source());
            c.put("events", r.calendar().events());
            r.calendar().kinds().forEach(c.putArray("kinds")::add);
            c.put("version", r.calendar().version());
            c.put("error", r.calendar().error());
        }
        return root;
    }

    static ObjectNode group(GroupResult g) {
        ObjectNode n = Json.object();
        n.put("namespace", g.ref().namespace());
        n.put("job", g.ref().job());
        n.put("group", g.ref().group());
        n.put("mode", g.mode() == null ? null : g.mode().wire());
        n.put("status", g.status());
        n.put("reason", g.reason());
        n.put("currentCount", g.currentCount());
        n.put("evaluatedAt", g.evaluatedAt() == null ? null : g.evaluatedAt().toString());
        if (g.decision() == null) {
            n.putNull("decision");
        } else {
            ObjectNode d = n.putObject("decision");
            d.put("action", g.decision().action().name().toLowerCase(Locale.ROOT));
            d.put("targetCount", g.decision().targetCount());
            d.put("reason", g.decision().reason());
            Double q = g.numbers().get("quantile");
            d.put("quantile", q);
            d.put("quantileFrom", g.numbers().containsKey("maxUnserved") ? "risk-budget" : "annotation");
            ObjectNode numbers = d.putObject("numbers");
            g.numbers().forEach((k, v) -> {
                if (v == null || !Double.isFinite(v)) {
                    numbers.putNull(k);
                    numbers.put(k + "Reason", "not finite");
                } else {
                    numbers.put(k, v);
                }
            });
        }
        if (g.applied() == null) {
            n.putNull("applied");
        } else {
            ObjectNode a = n.putObject("applied");
            a.put("httpStatus", g.applied().httpStatus());
            a.put("error", g.applied().error());
        }
        return n;
    }
}
