package io.prescale.nomad.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.nomad.loop.GroupResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The wire form of {@code GET /v1/groups}; non-finite numbers are {@code null}. */
final class GroupsJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private GroupsJson() {}

    static ObjectNode of(List<GroupResult> groups, boolean leader) {
        ObjectNode root = F.objectNode();
        root.put("leader", leader);
        ArrayNode arr = root.putArray("groups");
        for (GroupResult g : groups) {
            ObjectNode n = arr.addObject();
            n.put("namespace", g.ref().namespace());
            n.put("job", g.ref().job());
            n.put("group", g.ref().group());
            n.put("mode", g.mode() == null ? null : g.mode().wire());
            n.put("status", g.status());
            n.put("reason", g.reason());
            n.put("currentCount", g.currentCount());
            n.put(
                    "evaluatedAt",
                    g.evaluatedAt() == null ? null : g.evaluatedAt().toString());
            if (g.decision() == null) {
                n.putNull("decision");
            } else {
                ObjectNode d = n.putObject("decision");
                d.put("action", g.decision().action().name().toLowerCase(Locale.ROOT));
                d.put("targetCount", g.decision().targetCount());
                d.put("reason", g.decision().reason());
            }
            ObjectNode f = n.putObject("forecast");
            for (Map.Entry<Double, Double> e : g.forecastPeaks().entrySet()) {
                number(f, "p" + trim(e.getKey() * 100), e.getValue());
            }
            ObjectNode nums = n.putObject("numbers");
            g.numbers().forEach((k, v) -> number(nums, k, v));
            if (g.applied() == null) {
                n.putNull("applied");
            } else {
                ObjectNode a = n.putObject("applied");
                a.put("httpStatus", g.applied().httpStatus());
                a.put("error", g.applied().error());
            }
        }
        return root;
    }

    private static void number(ObjectNode n, String k, Double v) {
        if (v == null || !Double.isFinite(v)) {
            n.putNull(k);
        } else {
            n.put(k, v);
        }
    }

    private static String trim(double d) {
        long r = Math.round(d);
        return Math.abs(d - r) < 1e-9 ? Long.toString(r) : Double.toString(d);
    }
}
