package io.prescale.nomad.loop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes every decision once, as one line of JSON, to the logger {@code io.prescale.nomad.decisions} at INFO. */
public final class DecisionLog {
    private static final Logger LOG = LoggerFactory.getLogger("io.prescale.nomad.decisions");
    private static final ObjectMapper M = new ObjectMapper();
    private final Consumer<String> sink;

    private DecisionLog(Consumer<String> sink) {
        this.sink = sink;
    }

    /** To SLF4J. */
    public static DecisionLog slf4j() {
        return new DecisionLog(LOG::info);
    }

    /** To any sink (tests collect lines; the benchmark drops them). */
    public static DecisionLog to(Consumer<String> sink) {
        return new DecisionLog(sink);
    }

    void log(GroupResult r) {
        ObjectNode n = M.createObjectNode();
        n.put("time", r.evaluatedAt() == null ? null : r.evaluatedAt().toString());
        n.put("namespace", r.ref().namespace());
        n.put("job", r.ref().job());
        n.put("group", r.ref().group());
        n.put("mode", r.mode() == null ? null : r.mode().wire());
        n.put("status", r.status());
        n.put("currentCount", r.currentCount());
        if (r.decision() != null) {
            n.put("action", r.decision().action().name().toLowerCase(java.util.Locale.ROOT));
            n.put("targetCount", r.decision().targetCount());
        }
        n.put("reason", r.reason());
        if (r.applied() != null) {
            n.put("httpStatus", r.applied().httpStatus());
            n.put("error", r.applied().error());
        }
        try {
            sink.accept(M.writeValueAsString(n));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
