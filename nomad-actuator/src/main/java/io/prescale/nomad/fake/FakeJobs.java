package io.prescale.nomad.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import mockwebserver3.MockResponse;

/** Jobs, their scaling events and deployments, answered as Nomad's job endpoints do. Not thread-safe: the caller locks. */
final class FakeJobs {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final int TRACKED_EVENTS = 20;

    /** namespace + "\u0000" + id → job, sorted as Nomad lists them. */
    private final TreeMap<String, ObjectNode> jobs = new TreeMap<>();

    private final Map<String, ArrayNode> events = new java.util.HashMap<>();
    private final Set<String> deployments = new HashSet<>();
    private final FakeNomad nomad;
    private final Clock clock;
    private long uuids;

    FakeJobs(FakeNomad nomad, Clock clock) {
        this.nomad = nomad;
        this.clock = clock;
    }

    static String key(String ns, String id) {
        return ns + "\u0000" + id;
    }

    ObjectNode get(String ns, String id) {
        return jobs.get(key(ns, id));
    }

    Iterable<ObjectNode> all() {
        return jobs.values();
    }

    int size() {
        return jobs.size();
    }

    boolean deploymentActive(String ns, String id) {
        return deployments.contains(key(ns, id));
    }

    void setDeployment(String ns, String id, boolean active) {
        if (active) {
            deployments.add(key(ns, id));
        } else {
            deployments.remove(key(ns, id));
        }
    }

    /** Stores a job as Nomad would after a register: defaults filled, indexes and version set. */
    ObjectNode put(ObjectNode job, long index) {
        String ns = job.hasNonNull("Namespace") ? job.get("Namespace").asText() : "default";
        job.put("Namespace", ns);
        String id = job.get("ID").asText();
        if (!job.hasNonNull("Name")) {
            job.put("Name", id);
        }
        if (!job.hasNonNull("Type")) {
            job.put("Type", "service");
        }
        if (!job.has("Meta")) {
            job.putNull("Meta");
        }
        ObjectNode old = get(ns, id);
        job.put("Region", job.hasNonNull("Region") ? job.get("Region").asText() : "global");
        job.put("Status", job.hasNonNull("ParameterizedJob") ? "running" : old == null ? "pending" : "running");
        job.put("Stop", job.path("Stop").asBoolean(false));
        job.put("Version", old == null ? 0 : old.path("Version").asLong() + 1);
        job.put("SubmitTime", nanos());
        job.put("CreateIndex", old == null ? index : old.path("CreateIndex").asLong());
        job.put("ModifyIndex", index);
        job.put("JobModifyIndex", index);
        JsonNode groups = job.get("TaskGroups");
        if (groups != null && groups.isArray()) {
            for (JsonNode g : groups) {
                canonicalizeGroup((ObjectNode) g, ns, id, old);
            }
        }
        jobs.put(key(ns, id), job);
        return job;
    }

    private void canonicalizeGroup(ObjectNode g, String ns, String id, ObjectNode old) {
        if (!g.hasNonNull("Count")) {
            g.put("Count", 1);
        }
        if (!g.has("Meta")) {
            g.putNull("Meta");
        }
        JsonNode s = g.get("Scaling");
        if (s == null || s.isNull()) {
            g.putNull("Scaling");
            return;
        }
        ObjectNode scaling = (ObjectNode) s;
        String oldId = null;
        if (old != null) {
            for (JsonNode og : old.path("TaskGroups")) {
                if (og.path("Name").asText().equals(g.path("Name").asText())
                        && og.path("Scaling").hasNonNull("ID")) {
                    oldId = og.path("Scaling").path("ID").asText();
                }
            }
        }
        scaling.put("ID", oldId != null ? oldId : String.format("%08x-0000-4000-8000-%012x", ++uuids, uuids));
        if (!scaling.hasNonNull("Type")) {
            scaling.put("Type", "horizontal");
        }
        ObjectNode target = scaling.putObject("Target");
        target.put("Namespace", ns);
        target.put("Job", id);
        target.put("Group", g.path("Name").asText());
        if (!scaling.hasNonNull("Min")) {
            scaling.put("Min", g.path("Count").asLong());
        }
        if (!scaling.hasNonNull("Enabled")) {
            scaling.put("Enabled", true);
        }
        if (!scaling.has("Policy")) {
            scaling.putNull("Policy");
        }
    }

    /** {@code GET /v1/jobs}: stubs sorted by namespace then ID, with optional paging. */
    MockResponse list(
            String namespace,
            String prefix,
            int perPage,
            String nextToken,
            boolean withMeta,
            long index,
            boolean knownLeader) {
        ArrayNode out = F.arrayNode();
        String next = null;
        boolean started = nextToken == null;
        for (ObjectNode job : jobs.values()) {
            String ns = job.get("Namespace").asText();
            String id = job.get("ID").asText();
            if (!"*".equals(namespace) && !ns.equals(namespace)) {
                continue;
            }
            if (prefix != null && !id.startsWith(prefix)) {
                continue;
            }
            String token = ns + "." + id;
            if (!started) {
                if (!token.equals(nextToken)) {
                    continue;
                }
                started = true;
            }
            if (perPage > 0 && out.size() == perPage) {
                next = token;
                break;
            }
            out.add(stub(job, withMeta));
        }
        return Reply.query(out, index, knownLeader, next);
    }

    private static ObjectNode stub(ObjectNode job, boolean withMeta) {
        ObjectNode s = F.objectNode();
        for (String f : List.of(
                "ID",
                "ParentID",
                "Name",
                "Namespace",
                "Datacenters",
                "Type",
                "Priority",
                "Periodic",
                "ParameterizedJob",
                "Stop",
                "Status",
                "StatusDescription")) {
            JsonNode v = job.get(f);
            if (f.equals("Periodic") || f.equals("ParameterizedJob")) {
                s.put(f, v != null && !v.isNull());
            } else {
                s.set(f, v == null ? F.nullNode() : v.deepCopy());
            }
        }
        s.putNull("JobSummary");
        for (String f : List.of("CreateIndex", "ModifyIndex", "JobModifyIndex", "SubmitTime")) {
            s.set(f, job.get(f).deepCopy());
        }
        if (withMeta) {
            s.set("Meta", job.get("Meta").deepCopy());
        }
        return s;
    }

    /** {@code POST /v1/job/:id/scale}, validated in Nomad's order with its texts. */
    MockResponse scale(String ns, String id, JsonNode body, long nextIndex) {
        JsonNode target = body.path("Target");
        if (target.hasNonNull("Job") && !target.get("Job").asText().equals(id)) {
            return Reply.error(400, "job ID in payload did not match URL");
        }
        if (target.hasNonNull("Namespace") && !target.get("Namespace").asText().equals(ns)) {
            return Reply.error(400, "namespace in payload did not match header");
        }
        String group = target.path("Group").asText("");
        if (group.isEmpty()) {
            return Reply.error(400, "missing task group name for scaling action");
        }
        JsonNode countNode = ci(body, "Count");
        boolean hasCount = countNode != null && !countNode.isNull();
        long count = hasCount ? countNode.asLong() : 0;
        if (hasCount && count < 0) {
            return Reply.error(400, "scaling action count can't be negative");
        }
        boolean error = ci(body, "Error") != null && ci(body, "Error").asBoolean(false);
        if (hasCount && error) {
            return Reply.error(400, "scaling action should not contain count if error is true");
        }
        ObjectNode job = get(ns, id);
        if (job == null) {
            return Reply.error(404, "job \"" + id + "\" not found");
        }
        ObjectNode g = findGroup(job, group);
        if (job.path("Type").asText().equals("system") && hasCount && count > 1) {
            return Reply.error(400, "jobs of type \"system\" can only be scaled between 0 and 1");
        }
        if (g == null) {
            return Reply.error(400, "task group \"" + group + "\" specified for scaling does not exist in job");
        }
        JsonNode scaling = g.get("Scaling");
        if (hasCount && scaling != null && !scaling.isNull()) {
            long min = scaling.path("Min").asLong();
            long max = scaling.path("Max").asLong();
            if (count < min) {
                return Reply.error(400, "group count was less than scaling policy minimum: " + count + " < " + min);
            }
            if (count > max) {
                return Reply.error(400, "group count was greater than scaling policy maximum: " + count + " > " + max);
            }
        }
        if (hasCount && deploymentActive(ns, id)) {
            return Reply.error(400, "job scaling blocked due to active deployment");
        }
        long enforce = ci(body, "JobModifyIndex") == null
                ? 0
                : ci(body, "JobModifyIndex").asLong();
        long current = job.path("JobModifyIndex").asLong();
        if (hasCount && enforce > 0 && enforce != current) {
            return Reply.error(
                    500,
                    "Enforcing job modify index " + enforce + ": job exists with conflicting job modify index: "
                            + current);
        }
        long previous = g.path("Count").asLong();
        ObjectNode event = F.objectNode();
        event.put("Time", nanos());
        if (hasCount) {
            event.put("Count", count);
        } else {
            event.putNull("Count");
        }
        event.put("PreviousCount", previous);
        event.put(
                "Message",
                ci(body, "Message") == null ? "" : ci(body, "Message").asText());
        event.put("Error", error);
        JsonNode meta = ci(body, "Meta");
        event.set("Meta", meta == null ? F.nullNode() : meta.deepCopy());
        ObjectNode reply = F.objectNode();
        if (hasCount) {
            g.put("Count", count);
            job.put("ModifyIndex", nextIndex);
            job.put("JobModifyIndex", nextIndex);
            job.put("Version", job.path("Version").asLong() + 1);
            String eval = String.format("%08x-eval-4000-8000-%012x", nextIndex, nextIndex);
            event.put("EvalID", eval);
            reply.put("EvalCreateIndex", nextIndex);
            reply.put("EvalID", eval);
            reply.put("Index", nextIndex);
            reply.put("JobModifyIndex", nextIndex);
        } else {
            event.putNull("EvalID");
            reply.put("EvalCreateIndex", 0);
            reply.put("EvalID", "");
            reply.put("Index", nextIndex);
            reply.put("JobModifyIndex", job.path("ModifyIndex").asLong());
        }
        event.put("CreateIndex", nextIndex);
        ArrayNode list = events.computeIfAbsent(key(ns, id) + "\u0000" + group, k -> F.arrayNode());
        list.insert(0, event);
        while (list.size() > TRACKED_EVENTS) {
            list.remove(list.size() - 1);
        }
        reply.put("KnownLeader", false);
        reply.put("LastContact", 0);
        reply.put("Warnings", "");
        return Reply.write(reply, nextIndex);
    }

    /** {@code GET /v1/job/:id/scale}; JobModifyIndex is the job's ModifyIndex, as Nomad fills it. */
    MockResponse scaleStatus(String ns, String id, long tableIndex, boolean knownLeader) {
        ObjectNode job = get(ns, id);
        if (job == null) {
            return Reply.error(404, "job not found");
        }
        ObjectNode s = F.objectNode();
        s.put("JobCreateIndex", job.path("CreateIndex").asLong());
        s.put("JobID", id);
        s.put("Namespace", ns);
        s.put("JobModifyIndex", job.path("ModifyIndex").asLong());
        s.put("JobStopped", job.path("Stop").asBoolean());
        ObjectNode groups = s.putObject("TaskGroups");
        for (JsonNode g : job.path("TaskGroups")) {
            ObjectNode gs = groups.putObject(g.path("Name").asText());
            long count = g.path("Count").asLong();
            gs.put("Desired", count);
            gs.put("Placed", count);
            gs.put("Running", count);
            gs.put("Healthy", count);
            gs.put("Unhealthy", 0);
            ArrayNode ev = events.get(key(ns, id) + "\u0000" + g.path("Name").asText());
            gs.set("Events", ev == null ? F.nullNode() : ev.deepCopy());
        }
        return Reply.query(s, job.path("ModifyIndex").asLong(), knownLeader, null);
    }

    /** {@code POST /v1/job/:id} or {@code /v1/jobs}: check-and-set, PreserveCounts, validation as multierror 500s. */
    MockResponse register(String ns, String pathId, JsonNode body, long nextIndex) {
        JsonNode jobNode = ci(body, "Job");
        if (jobNode == null || jobNode.isNull() || !jobNode.isObject()) {
            return Reply.error(400, "Job must be specified");
        }
        ObjectNode job = ((ObjectNode) jobNode).deepCopy();
        if (!job.hasNonNull("ID") || job.get("ID").asText().isEmpty()) {
            return Reply.error(400, "Job ID hasn't been provided");
        }
        String id = job.get("ID").asText();
        if (pathId != null && !pathId.equals(id)) {
            return Reply.error(400, "Job ID does not match name");
        }
        if (ns != null) {
            job.put("Namespace", ns);
        }
        String jobNs = job.hasNonNull("Namespace") ? job.get("Namespace").asText() : "default";
        ObjectNode existing = get(jobNs, id);
        boolean enforce =
                ci(body, "EnforceIndex") != null && ci(body, "EnforceIndex").asBoolean();
        if (enforce) {
            long want = ci(body, "JobModifyIndex") == null
                    ? 0
                    : ci(body, "JobModifyIndex").asLong();
            if (want == 0 && existing != null) {
                return Reply.error(500, "Enforcing job modify index 0: job already exists");
            }
            if (want > 0 && existing == null) {
                return Reply.error(500, "Enforcing job modify index " + want + ": job does not exist");
            }
            if (want > 0 && existing.path("JobModifyIndex").asLong() != want) {
                return Reply.error(
                        500,
                        "Enforcing job modify index " + want + ": job exists with conflicting job modify index: "
                                + existing.path("JobModifyIndex").asLong());
            }
        }
        boolean preserve =
                ci(body, "PreserveCounts") != null && ci(body, "PreserveCounts").asBoolean();
        if (preserve && existing != null) {
            for (JsonNode g : job.path("TaskGroups")) {
                ObjectNode old = findGroup(existing, g.path("Name").asText());
                if (old != null) {
                    ((ObjectNode) g).put("Count", old.path("Count").asLong());
                }
            }
        }
        List<String> problems = new ArrayList<>();
        for (JsonNode g : job.path("TaskGroups")) {
            JsonNode s = g.get("Scaling");
            if (s != null && !s.isNull() && g.hasNonNull("Count")) {
                if (s.hasNonNull("Max")
                        && g.get("Count").asLong() > s.get("Max").asLong()) {
                    problems.add("Task group " + g.path("Name").asText() + " validation failed: 1 error occurred:\n\t* "
                            + "Scaling policy invalid: task group count must not be greater than maximum count in"
                            + " scaling policy\n\n");
                }
                if (s.hasNonNull("Min")
                        && g.get("Count").asLong() < s.get("Min").asLong()) {
                    problems.add("Task group " + g.path("Name").asText() + " validation failed: 1 error occurred:\n\t* "
                            + "Scaling policy invalid: task group count must not be less than minimum count in"
                            + " scaling policy\n\n");
                }
            }
        }
        if (!problems.isEmpty()) {
            StringBuilder text = new StringBuilder(problems.size() + " error occurred:\n");
            problems.forEach(p -> text.append("\t* ").append(p));
            return Reply.error(500, text.toString());
        }
        put(job, nextIndex);
        if (existing != null && job.path("Type").asText("service").equals("service") && job.hasNonNull("Update")) {
            deployments.add(key(jobNs, id));
        }
        ObjectNode reply = F.objectNode();
        String eval = String.format("%08x-eval-4000-8000-%012x", nextIndex, nextIndex);
        reply.put("EvalID", job.hasNonNull("ParameterizedJob") ? "" : eval);
        reply.put("EvalCreateIndex", nextIndex);
        reply.put("JobModifyIndex", nextIndex);
        reply.put("Warnings", "");
        reply.put("Index", nextIndex);
        reply.put("LastContact", 0);
        reply.put("KnownLeader", false);
        return Reply.write(reply, nextIndex);
    }

    /** {@code POST /v1/job/:id/dispatch}: Nomad's checks, with its uncoded errors as 500s. */
    MockResponse dispatch(String ns, String id, JsonNode body, String idempotencyToken, long nextIndex) {
        if (body.hasNonNull("JobID")
                && !body.get("JobID").asText().isEmpty()
                && !body.get("JobID").asText().equals(id)) {
            return Reply.error(400, "Job ID does not match");
        }
        byte[] payload;
        try {
            payload = body.hasNonNull("Payload")
                    ? java.util.Base64.getDecoder().decode(body.get("Payload").asText())
                    : new byte[0];
        } catch (IllegalArgumentException e) {
            return Reply.error(400, "illegal base64 data at input byte 0");
        }
        ObjectNode parent = get(ns, id);
        if (parent == null) {
            return Reply.error(500, "parameterized job not found");
        }
        JsonNode param = parent.get("ParameterizedJob");
        if (param == null || param.isNull() || parent.path("Dispatched").asBoolean(false)) {
            return Reply.error(500, "Specified job \"" + id + "\" is not a parameterized job");
        }
        if (parent.path("Stop").asBoolean(false)) {
            return Reply.error(500, "Specified job \"" + id + "\" is stopped");
        }
        String mode = param.path("Payload").asText("optional");
        if (mode.equals("required") && payload.length == 0) {
            return Reply.error(500, "Payload is not provided but required by parameterized job");
        }
        if (mode.equals("forbidden") && payload.length > 0) {
            return Reply.error(500, "Payload provided but forbidden by parameterized job");
        }
        if (payload.length > 16384) {
            return Reply.error(500, "Payload exceeds maximum size; " + payload.length + " > 16384");
        }
        Set<String> allowed = new HashSet<>();
        param.path("MetaRequired").forEach(n -> allowed.add(n.asText()));
        param.path("MetaOptional").forEach(n -> allowed.add(n.asText()));
        JsonNode meta = body.path("Meta");
        List<String> unpermitted = new ArrayList<>();
        for (Iterator<String> it = meta.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                unpermitted.add(k);
            }
        }
        if (!unpermitted.isEmpty()) {
            return Reply.error(500, "Dispatch request included unpermitted metadata keys: " + goSlice(unpermitted));
        }
        List<String> missing = new ArrayList<>();
        param.path("MetaRequired").forEach(n -> {
            if (!meta.has(n.asText())) {
                missing.add(n.asText());
            }
        });
        if (!missing.isEmpty()) {
            return Reply.error(500, "Dispatch did not provide required meta keys: " + goSlice(missing));
        }
        if (idempotencyToken != null) {
            for (ObjectNode j : jobs.values()) {
                if (idempotencyToken.equals(j.path("DispatchIdempotencyToken").asText(null))
                        && id.equals(j.path("ParentID").asText(null))) {
                    ObjectNode reply = F.objectNode();
                    reply.put("DispatchedJobID", j.get("ID").asText());
                    reply.put("EvalID", "");
                    reply.put("EvalCreateIndex", 0);
                    reply.put("JobCreateIndex", j.path("CreateIndex").asLong());
                    reply.put("Index", j.path("ModifyIndex").asLong());
                    return Reply.write(reply, j.path("ModifyIndex").asLong());
                }
            }
        }
        ObjectNode child = parent.deepCopy();
        String childId = id + "/dispatch-" + clock.instant().getEpochSecond() + "-" + String.format("%08x", ++uuids);
        child.put("ID", childId);
        child.put("Name", childId);
        child.put("ParentID", id);
        child.put("Dispatched", true);
        child.putNull("ParameterizedJob");
        if (idempotencyToken != null) {
            child.put("DispatchIdempotencyToken", idempotencyToken);
        }
        ObjectNode childMeta =
                parent.get("Meta").isObject() ? parent.get("Meta").deepCopy() : F.objectNode();
        meta.fields().forEachRemaining(e -> childMeta.set(e.getKey(), e.getValue()));
        child.set("Meta", childMeta);
        child.set(
                "Payload",
                payload.length == 0
                        ? F.nullNode()
                        : F.textNode(java.util.Base64.getEncoder().encodeToString(payload)));
        put(child, nextIndex);
        child.put("Status", "pending");
        ObjectNode reply = F.objectNode();
        reply.put("DispatchedJobID", childId);
        reply.put("EvalID", String.format("%08x-eval-4000-8000-%012x", nextIndex, nextIndex));
        reply.put("EvalCreateIndex", nextIndex);
        reply.put("JobCreateIndex", nextIndex);
        reply.put("Index", nextIndex);
        return Reply.write(reply, nextIndex);
    }

    ObjectNode findGroup(ObjectNode job, String name) {
        for (JsonNode g : job.path("TaskGroups")) {
            if (g.path("Name").asText().equals(name)) {
                return (ObjectNode) g;
            }
        }
        return null;
    }

    /** Go's encoding/json matches keys case-insensitively. */
    static JsonNode ci(JsonNode body, String field) {
        JsonNode exact = body.get(field);
        if (exact != null) {
            return exact;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(field)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String goSlice(List<String> values) {
        return "[" + String.join(" ", values) + "]";
    }

    private long nanos() {
        java.time.Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
