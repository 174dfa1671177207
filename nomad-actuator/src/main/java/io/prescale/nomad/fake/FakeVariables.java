package io.prescale.nomad.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.nomad.client.GoDuration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;

/**
 * Nomad Variables with check-and-set and locks, as {@code variable_endpoint.go} and the state store answer:
 * 409 conflicts (JSON labelled text/plain, or plain text for renew), locks that expire 2 × TTL after the acquire
 * or last renew and then block acquirers for the lock delay. Not thread-safe: the caller locks.
 */
final class FakeVariables {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Pattern PATH = Pattern.compile("^[a-zA-Z0-9-_~/]{1,128}$");

    /** One stored variable. */
    static final class Var {
        String namespace;
        String path;
        Map<String, String> items = new LinkedHashMap<>();
        long createIndex;
        long modifyIndex;
        long createTime;
        long modifyTime;
        String lockId;
        Duration ttl;
        Duration lockDelay;
        /** When the lock lapses (2 × TTL after acquire/renew); null while no timer runs. */
        Instant expiresAt;
        /** When a lapsed lock is removed (expiry + lock delay). */
        Instant removedAt;
    }

    private final TreeMap<String, Var> vars = new TreeMap<>();
    private final Clock clock;
    private long tableIndex = 1;

    FakeVariables(Clock clock) {
        this.clock = clock;
    }

    Map<String, Var> all() {
        return vars;
    }

    long tableIndex() {
        return tableIndex;
    }

    /** Lock timers: a lapsed lock stays for its delay, then the leader removes it (a raft write). */
    void tick(FakeNomad nomad) {
        Instant now = clock.instant();
        for (Var v : vars.values()) {
            if (v.lockId != null && v.expiresAt != null && !now.isBefore(v.expiresAt) && v.removedAt == null) {
                v.removedAt = v.expiresAt.plus(v.lockDelay);
            }
            if (v.lockId != null && v.removedAt != null && !now.isBefore(v.removedAt)) {
                v.lockId = null;
                v.expiresAt = null;
                v.removedAt = null;
                v.modifyIndex = nomad.nextIndex();
                tableIndex = v.modifyIndex;
            }
        }
    }

    /** A leader change: every running lock timer restarts with a full 2 × TTL. */
    void restartTimers() {
        Instant now = clock.instant();
        for (Var v : vars.values()) {
            if (v.lockId != null && v.removedAt == null) {
                v.expiresAt = now.plus(v.ttl.multipliedBy(2));
            }
        }
    }

    MockResponse read(String ns, String path, boolean showLock, boolean knownLeader) {
        Var v = vars.get(FakeJobs.key(ns, path));
        if (v == null) {
            return Reply.error(404, "variable not found");
        }
        return Reply.query(json(v, true, showLock), v.modifyIndex, knownLeader, null);
    }

    MockResponse list(String ns, String prefix, boolean showLock, boolean knownLeader) {
        ArrayNode out = F.arrayNode();
        for (Var v : vars.values()) {
            if (("*".equals(ns) || v.namespace.equals(ns)) && (prefix == null || v.path.startsWith(prefix))) {
                out.add(json(v, false, showLock));
            }
        }
        return Reply.query(out, Math.max(1, tableIndex), knownLeader, null);
    }

    /** PUT without a lock operation: check-and-set, lock ownership, validation. */
    MockResponse upsert(String queryNs, String path, JsonNode body, String cas, FakeNomad nomad) {
        MockResponse invalid = validatePath(path);
        if (invalid != null) {
            return invalid;
        }
        Long casIndex = null;
        if (cas != null && !cas.isEmpty()) {
            try {
                casIndex = Long.parseUnsignedLong(cas);
            } catch (NumberFormatException e) {
                return Reply.error(
                        400, "can not parse cas: strconv.ParseUint: parsing \"" + cas + "\": invalid syntax");
            }
        }
        String ns = bodyNamespace(body, queryNs);
        JsonNode items = FakeJobs.ci(body, "Items");
        if (items == null || !items.isObject() || items.isEmpty()) {
            return Reply.error(400, "variable missing required Items object");
        }
        for (JsonNode value : items) {
            if (!value.isTextual()) {
                return Reply.error(
                        400,
                        "json: cannot unmarshal number into Go struct field VariableDecrypted.Items"
                                + " of type string");
            }
        }
        JsonNode lock = FakeJobs.ci(body, "Lock");
        if (lock != null && lock.isObject() && (lock.hasNonNull("TTL") || lock.hasNonNull("LockDelay"))) {
            return Reply.error(400, "RPC Error:: 400,RPC Error:: 400,variable should not contain lock definition");
        }
        int size = 0;
        for (var it = items.fields(); it.hasNext(); ) {
            var e = it.next();
            size += e.getKey().length() + e.getValue().asText().length();
        }
        if (size > 65536) {
            return Reply.error(400, "RPC Error:: 400,variables are limited to 64KiB in total size");
        }
        Var v = vars.get(FakeJobs.key(ns, path));
        if (casIndex != null) {
            if (casIndex == 0 && v != null) {
                return Reply.conflictJson(json(v, true, false), v.modifyIndex);
            }
            if (casIndex != 0 && v == null) {
                return Reply.conflictJson(zero(ns, path), 0);
            }
            if (v != null && casIndex != v.modifyIndex) {
                return Reply.conflictJson(json(v, true, false), v.modifyIndex);
            }
        }
        String lockId = lock != null && lock.hasNonNull("ID") ? lock.get("ID").asText() : null;
        if (v != null && v.lockId != null && !v.lockId.equals(lockId)) {
            return Reply.conflictJson(zero(ns, path), 0);
        }
        long now = nanos();
        if (v == null) {
            v = new Var();
            v.namespace = ns;
            v.path = path;
            v.createIndex = nomad.nextIndex();
            v.modifyIndex = v.createIndex;
            v.createTime = now;
            vars.put(FakeJobs.key(ns, path), v);
        } else {
            v.modifyIndex = nomad.nextIndex();
        }
        if (lockId != null && v.lockId == null) {
            v.lockId = lockId; // Nomad's hazard: a stale lock ID locks the variable with no timer
            v.ttl = Duration.ofSeconds(15);
            v.lockDelay = Duration.ofSeconds(15);
        } else if (lockId != null) {
            v.ttl = Duration.ofSeconds(15);
            v.lockDelay = Duration.ofSeconds(15);
        }
        v.modifyTime = now;
        v.items = new LinkedHashMap<>();
        Var target = v;
        items.fields()
                .forEachRemaining(e -> target.items.put(e.getKey(), e.getValue().asText()));
        tableIndex = v.modifyIndex;
        return Reply.write(json(v, true, lockId != null), v.modifyIndex);
    }

    MockResponse acquire(String queryNs, String path, JsonNode body, FakeNomad nomad) {
        MockResponse invalid = validatePath(path);
        if (invalid != null) {
            return invalid;
        }
        String ns = bodyNamespace(body, queryNs);
        JsonNode lock = FakeJobs.ci(body, "Lock");
        Duration ttl;
        Duration delay;
        try {
            ttl = lock == null ? null : GoDuration.parse(lock.get("TTL"));
            delay = lock == null ? null : GoDuration.parse(lock.get("LockDelay"));
        } catch (IllegalArgumentException e) {
            return Reply.error(
                    400, "time: invalid duration \"" + lock.path("TTL").asText() + "\"");
        }
        ttl = ttl == null || ttl.isZero() ? Duration.ofSeconds(15) : ttl;
        delay = delay == null || delay.isZero() ? Duration.ofSeconds(15) : delay;
        if (ttl.isNegative() || delay.isNegative()) {
            return Reply.error(400, "RPC Error:: 400,1 error occurred:\n\t* Lock delay and TTL must be positive\n\n");
        }
        if (ttl.compareTo(Duration.ofSeconds(10)) < 0 || ttl.compareTo(Duration.ofHours(24)) > 0) {
            return Reply.error(
                    400, "RPC Error:: 400,1 error occurred:\n\t* TTL must be between 10 seconds and 24 hours\n\n");
        }
        String wanted = lock != null && lock.hasNonNull("ID") ? lock.get("ID").asText() : null;
        Var v = vars.get(FakeJobs.key(ns, path));
        if (v != null && v.lockId != null && !v.lockId.equals(wanted)) {
            return Reply.conflictJson(zero(ns, path), -1);
        }
        long now = nanos();
        boolean reacquire = v != null && v.lockId != null;
        if (v == null) {
            v = new Var();
            v.namespace = ns;
            v.path = path;
            v.createIndex = nomad.nextIndex();
            v.modifyIndex = v.createIndex;
            v.createTime = now;
            vars.put(FakeJobs.key(ns, path), v);
        } else {
            v.modifyIndex = nomad.nextIndex();
        }
        v.modifyTime = now;
        v.items = new LinkedHashMap<>();
        JsonNode items = FakeJobs.ci(body, "Items");
        Var target = v;
        if (items != null && items.isObject()) {
            items.fields()
                    .forEachRemaining(
                            e -> target.items.put(e.getKey(), e.getValue().asText()));
        }
        v.lockId = wanted != null ? wanted : nomad.uuid();
        v.ttl = ttl;
        v.lockDelay = delay;
        if (!reacquire) {
            v.expiresAt = clock.instant().plus(ttl.multipliedBy(2));
            v.removedAt = null;
        }
        tableIndex = v.modifyIndex;
        return Reply.write(json(v, true, true), v.modifyIndex);
    }

    MockResponse renew(String queryNs, String path, JsonNode body) {
        Var v = vars.get(FakeJobs.key(queryNs, path));
        JsonNode lock = FakeJobs.ci(body, "Lock");
        String id = lock != null && lock.hasNonNull("ID") ? lock.get("ID").asText() : null;
        if (id == null || id.isEmpty()) {
            return Reply.error(500, "1 error occurred:\n\t* missing lock ID\n\n");
        }
        if (v == null) {
            return Reply.error(404, "variable doesn't exist");
        }
        if (v.lockId == null) {
            return Reply.error(409, "variable doesn't hold a lock");
        }
        if (!v.lockId.equals(id) || v.expiresAt == null || !clock.instant().isBefore(v.expiresAt)) {
            return Reply.error(409, "attempting to modify locked variable");
        }
        v.expiresAt = clock.instant().plus(v.ttl.multipliedBy(2));
        return Reply.write(json(v, false, true), -1);
    }

    MockResponse release(String queryNs, String path, JsonNode body, FakeNomad nomad) {
        String ns = bodyNamespace(body, queryNs);
        JsonNode items = FakeJobs.ci(body, "Items");
        if (items != null && !items.isNull()) {
            return Reply.error(400, "RPC Error:: 400,lock release operation doesn't take variable items");
        }
        JsonNode lock = FakeJobs.ci(body, "Lock");
        String id = lock != null && lock.hasNonNull("ID") ? lock.get("ID").asText() : null;
        if (id == null) {
            return Reply.error(400, "RPC Error:: 400,missing lock information");
        }
        Var v = vars.get(FakeJobs.key(ns, path));
        if (v == null) {
            return Reply.error(404, "variable doesn't exist");
        }
        if (v.lockId == null) {
            return Reply.error(409, "variable doesn't hold a lock");
        }
        if (!v.lockId.equals(id)) {
            return Reply.conflictJson(zero(ns, path), -1);
        }
        v.lockId = null;
        v.expiresAt = null;
        v.removedAt = null;
        v.modifyIndex = nomad.nextIndex();
        tableIndex = v.modifyIndex;
        return Reply.write(json(v, false, false), v.modifyIndex);
    }

    MockResponse delete(String ns, String path, String cas, FakeNomad nomad) {
        Var v = vars.get(FakeJobs.key(ns, path));
        Long casIndex = cas == null || cas.isEmpty() ? null : Long.parseLong(cas);
        if (v != null && v.lockId != null) {
            return Reply.conflictJson(zero(ns, path), 0);
        }
        if (casIndex != null) {
            if (casIndex == 0 && v != null || v != null && casIndex != v.modifyIndex) {
                return Reply.conflictJson(json(v, true, false), v.modifyIndex);
            }
            if (casIndex != 0 && v == null) {
                return Reply.conflictJson(zero(ns, path), 0);
            }
        }
        long index = nomad.nextIndex();
        vars.remove(FakeJobs.key(ns, path));
        tableIndex = index;
        return new MockResponse.Builder()
                .code(204)
                .addHeader("X-Nomad-Index", Long.toString(index))
                .build();
    }

    private static MockResponse validatePath(String path) {
        if (path.isEmpty()) {
            return Reply.error(400, "missing variable path");
        }
        if (!PATH.matcher(path).matches()) {
            return Reply.error(400, "RPC Error:: 400,invalid path \"" + path + "\"");
        }
        if ((path.equals("nomad") || path.startsWith("nomad/"))
                && !path.startsWith("nomad/jobs")
                && !path.startsWith("nomad/job-templates/")
                && !path.startsWith("nomad/sentinel")) {
            return Reply.error(
                    400,
                    "RPC Error:: 400,only paths at \"nomad/jobs\" or \"nomad/job-templates\" and below"
                            + " are valid paths under the top-level \"nomad\" directory");
        }
        return null;
    }

    private static String bodyNamespace(JsonNode body, String queryNs) {
        JsonNode ns = FakeJobs.ci(body, "Namespace");
        return ns != null && ns.isTextual() && !ns.asText().isEmpty() ? ns.asText() : queryNs;
    }

    private static ObjectNode zero(String ns, String path) {
        ObjectNode n = F.objectNode();
        n.put("Namespace", ns);
        n.put("Path", path);
        n.put("CreateIndex", 0);
        n.put("CreateTime", 0);
        n.put("ModifyIndex", 0);
        n.put("ModifyTime", 0);
        return n;
    }

    private static ObjectNode json(Var v, boolean withItems, boolean withLock) {
        ObjectNode n = F.objectNode();
        n.put("Namespace", v.namespace);
        n.put("Path", v.path);
        if (withLock && v.lockId != null) {
            ObjectNode l = n.putObject("Lock");
            l.put("TTL", GoDuration.format(v.ttl));
            l.put("LockDelay", GoDuration.format(v.lockDelay));
            l.put("ID", v.lockId);
        }
        n.put("CreateIndex", v.createIndex);
        n.put("CreateTime", v.createTime);
        n.put("ModifyIndex", v.modifyIndex);
        n.put("ModifyTime", v.modifyTime);
        if (withItems && !v.items.isEmpty()) {
            ObjectNode items = n.putObject("Items");
            v.items.forEach(items::put);
        }
        return n;
    }

    private long nanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
