package io.prescale.nomad.client;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A body for {@code POST /v1/job/:id/scale} ({@code api.ScalingRequest}). {@code count} null sends an event only
 * (no count change); {@code error} true marks an error event (then {@code count} must be null, as Nomad requires);
 * {@code jobModifyIndex} &gt; 0 makes Nomad refuse the change (500, {@code Enforcing job modify index …}) when the
 * job's spec changed since it was read — Nomad ignores {@code EnforceIndex} on this endpoint.
 *
 * @param meta values that become the scaling event's Meta (strings, numbers, booleans, lists)
 */
public record ScaleRequest(
        String group, Integer count, String message, boolean error, Map<String, Object> meta, long jobModifyIndex) {
    public ScaleRequest {
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException("scale request needs a group");
        }
        if (count != null && count < 0) {
            throw new IllegalArgumentException("scale count must be ≥ 0, got " + count);
        }
        if (count != null && error) {
            throw new IllegalArgumentException("an error event must not carry a count");
        }
        meta = meta == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(meta));
        if (jobModifyIndex < 0) {
            throw new IllegalArgumentException("jobModifyIndex must be ≥ 0, got " + jobModifyIndex);
        }
    }

    /** Set the group to {@code count}, guarded by {@code jobModifyIndex} (0: unguarded). */
    public static ScaleRequest count(
            String group, int count, String message, Map<String, Object> meta, long jobModifyIndex) {
        return new ScaleRequest(group, count, message, false, meta, jobModifyIndex);
    }

    /** An error event with no count, e.g. {@code could not query metrics}. */
    public static ScaleRequest errorEvent(String group, String message) {
        return new ScaleRequest(group, null, message, true, Map.of(), 0);
    }

    /** The JSON body; {@code Target} carries the job and namespace too, which Nomad checks against the URL. */
    ObjectNode toJson(String jobId, String namespace) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (count != null) {
            body.put("Count", count.longValue());
        }
        ObjectNode target = body.putObject("Target");
        target.put("Group", group);
        target.put("Job", jobId);
        if (namespace != null) {
            target.put("Namespace", namespace);
        }
        if (message != null) {
            body.put("Message", message);
        }
        body.put("Error", error);
        if (!meta.isEmpty()) {
            body.set("Meta", Json.MAPPER.valueToTree(meta));
        }
        if (jobModifyIndex > 0) {
            body.put("JobModifyIndex", jobModifyIndex);
        }
        return body;
    }

    @Override
    public String toString() {
        return "ScaleRequest[" + group + " → " + Objects.toString(count, "event") + "]";
    }
}
