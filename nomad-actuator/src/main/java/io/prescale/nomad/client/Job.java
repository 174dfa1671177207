package io.prescale.nomad.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A job as {@code GET /v1/job/:id} returns it: the typed fields the actuator needs and the whole body
 * ({@link #raw()}, a copy) for a read-modify-register round trip, which keeps every field this class does not
 * model. {@code jobModifyIndex} changes only when the spec changes and is what register's check-and-set compares.
 */
public final class Job {
    private final ObjectNode raw;
    private final String id;
    private final String namespace;
    private final String type;
    private final String status;
    private final boolean stop;
    private final long version;
    private final long modifyIndex;
    private final long jobModifyIndex;
    private final Map<String, String> meta;
    private final List<TaskGroup> taskGroups;
    private final boolean parameterized;

    private Job(ObjectNode raw) {
        this.raw = raw;
        this.id = Objects.requireNonNull(Json.text(raw, "ID"), "job has no ID");
        this.namespace = Optional.ofNullable(Json.text(raw, "Namespace")).orElse("default");
        this.type = Optional.ofNullable(Json.text(raw, "Type")).orElse("service");
        this.status = Json.text(raw, "Status");
        this.stop = Json.bool(raw, "Stop", false);
        this.version = Json.number(raw, "Version", 0);
        this.modifyIndex = Json.number(raw, "ModifyIndex", 0);
        this.jobModifyIndex = Json.number(raw, "JobModifyIndex", 0);
        Map<String, String> m = new java.util.HashMap<>(Json.strings(raw, "Meta"));
        m.values().removeIf(Objects::isNull);
        this.meta = Map.copyOf(m);
        List<TaskGroup> groups = new ArrayList<>();
        JsonNode tgs = raw.get("TaskGroups");
        if (tgs != null && tgs.isArray()) {
            tgs.forEach(g -> groups.add(TaskGroup.from(g)));
        }
        this.taskGroups = List.copyOf(groups);
        JsonNode p = raw.get("ParameterizedJob");
        this.parameterized = p != null && !p.isNull();
    }

    /**
     * A job from its JSON (as {@code GET /v1/job/:id} or {@code nomad job run -output} print it; the latter is
     * wrapped in {@code {"Job": …}}, which is unwrapped).
     *
     * @throws IllegalArgumentException when it is not a job object with an ID
     */
    public static Job fromJson(JsonNode node) {
        if (node != null
                && node.isObject()
                && node.has("Job")
                && node.get("Job").isObject()
                && !node.has("ID")) {
            node = node.get("Job");
        }
        if (node == null || !node.isObject() || Json.text(node, "ID") == null) {
            throw new IllegalArgumentException("not a Nomad job object with an ID");
        }
        return new Job(((ObjectNode) node).deepCopy());
    }

    /** A deep copy of the whole job body. */
    public ObjectNode raw() {
        return raw.deepCopy();
    }

    /** A deep copy of one task group's body, or null when the job has no group {@code name}. */
    public ObjectNode groupNode(String name) {
        for (com.fasterxml.jackson.databind.JsonNode g : raw.path("TaskGroups")) {
            if (g.isObject() && g.path("Name").asText().equals(name)) {
                return ((ObjectNode) g).deepCopy();
            }
        }
        return null;
    }

    public String id() {
        return id;
    }

    public String namespace() {
        return namespace;
    }

    public String type() {
        return type;
    }

    public String status() {
        return status;
    }

    public boolean stop() {
        return stop;
    }

    public long version() {
        return version;
    }

    public long modifyIndex() {
        return modifyIndex;
    }

    public long jobModifyIndex() {
        return jobModifyIndex;
    }

    public Map<String, String> meta() {
        return meta;
    }

    public List<TaskGroup> taskGroups() {
        return taskGroups;
    }

    /** Whether the job is a parameterized (dispatchable) template. */
    public boolean parameterized() {
        return parameterized;
    }

    public Optional<TaskGroup> group(String name) {
        return taskGroups.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return "Job[" + namespace + "/" + id + ", jobModifyIndex=" + jobModifyIndex + "]";
    }
}
