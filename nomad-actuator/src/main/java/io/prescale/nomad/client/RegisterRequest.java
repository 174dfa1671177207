package io.prescale.nomad.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A body for {@code POST /v1/job/:id} ({@code api.JobRegisterRequest}). With {@code enforceIndex}, Nomad
 * registers only if the job's {@code JobModifyIndex} still equals {@code jobModifyIndex} (else 500,
 * {@code Enforcing job modify index …}); {@code preserveCounts} keeps the running group counts over the spec's,
 * so a configuration change never undoes a concurrent scale.
 *
 * @param job the whole job object, e.g. {@link Job#raw()} modified
 */
public record RegisterRequest(JsonNode job, boolean enforceIndex, long jobModifyIndex, boolean preserveCounts) {
    public RegisterRequest {
        Objects.requireNonNull(job, "job");
        if (!job.isObject() || !job.hasNonNull("ID")) {
            throw new IllegalArgumentException("register needs a job object with an ID");
        }
        job = job.deepCopy();
    }

    /** Re-register a changed spec of {@code original}, guarded by its JobModifyIndex, keeping counts. */
    public static RegisterRequest update(Job original, JsonNode changedJob) {
        return new RegisterRequest(changedJob, true, original.jobModifyIndex(), true);
    }

    String jobId() {
        return job.get("ID").asText();
    }

    ObjectNode toJson() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("Job", job.deepCopy());
        if (enforceIndex) {
            body.put("EnforceIndex", true);
            body.put("JobModifyIndex", jobModifyIndex);
        }
        if (preserveCounts) {
            body.put("PreserveCounts", true);
        }
        return body;
    }
}
