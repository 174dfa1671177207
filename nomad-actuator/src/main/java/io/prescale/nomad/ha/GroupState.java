package io.prescale.nomad.ha;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the actuator remembers of one group: when it last scaled out and in (for the cooldown), and its last action
 * (action, target count, time, and the job spec index Nomad answered) so a restarted or new leader does not repeat it.
 * Times may be null (never).
 */
public record GroupState(
        Instant lastScaleOutAt,
        Instant lastScaleInAt,
        String lastAction,
        int lastTarget,
        Instant lastActionAt,
        long lastJobModifyIndex,
        Instant operatorChangeAt) {
    public static final GroupState NONE = new GroupState(null, null, null, -1, null, 0, null);

    /** After an applied count change. */
    public GroupState afterScale(boolean out, int target, Instant at, long jobModifyIndex) {
        return new GroupState(
                out ? at : lastScaleOutAt,
                out ? lastScaleInAt : at,
                out ? "scale_out" : "scale_in",
                target,
                at,
                jobModifyIndex,
                operatorChangeAt);
    }

    /** After an applied configuration change. */
    public GroupState afterReconfigure(Instant at, long jobModifyIndex) {
        return new GroupState(
                lastScaleOutAt, lastScaleInAt, "reconfigure", lastTarget, at, jobModifyIndex, operatorChangeAt);
    }

    /** After someone else changed the group: their count and spec index become the new baseline. */
    public GroupState afterOperatorChange(int count, Instant at, long jobModifyIndex) {
        return new GroupState(lastScaleOutAt, lastScaleInAt, lastAction, count, lastActionAt, jobModifyIndex, at);
    }

    Map<String, String> toItems() {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "lastScaleOutAt", lastScaleOutAt);
        put(m, "lastScaleInAt", lastScaleInAt);
        put(m, "lastActionAt", lastActionAt);
        put(m, "operatorChangeAt", operatorChangeAt);
        m.put("lastAction", lastAction == null ? "none" : lastAction);
        m.put("lastTarget", Integer.toString(lastTarget));
        m.put("lastJobModifyIndex", Long.toString(lastJobModifyIndex));
        return m;
    }

    static GroupState fromItems(Map<String, String> m) {
        String action = m.getOrDefault("lastAction", "none");
        return new GroupState(
                time(m, "lastScaleOutAt"),
                time(m, "lastScaleInAt"),
                "none".equals(action) ? null : action,
                Integer.parseInt(m.getOrDefault("lastTarget", "-1")),
                time(m, "lastActionAt"),
                Long.parseLong(m.getOrDefault("lastJobModifyIndex", "0")),
                time(m, "operatorChangeAt"));
    }

    private static void put(Map<String, String> m, String k, Instant t) {
        if (t != null) {
            m.put(k, t.toString());
        }
    }

    private static Instant time(Map<String, String> m, String k) {
        String v = m.get(k);
        return v == null || v.isEmpty() ? null : Instant.parse(v);
    }
}
