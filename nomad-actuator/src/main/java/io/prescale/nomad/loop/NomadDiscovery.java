package io.prescale.nomad.loop;

import io.prescale.nomad.client.Job;
import io.prescale.nomad.client.JobListStub;
import io.prescale.nomad.client.JobsQuery;
import io.prescale.nomad.client.NomadClient;
import io.prescale.nomad.client.QueryResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Discovery by Nomad's job list: every page of {@code GET /v1/jobs}, then {@code GET /v1/job/:id} only for jobs
 * whose {@code ModifyIndex} changed since the last look (so a steady cycle costs one list). {@link #awaitChange}
 * is the blocking query a background thread runs between cycles. Dispatched children, parameterized templates,
 * periodic launches and stopped jobs are skipped. Thread-safe.
 */
public final class NomadDiscovery implements JobSource {
    private record Cached(long modifyIndex, Job job) {}

    private final NomadClient client;
    private final String namespace;
    private final int perPage;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private volatile long lastIndex;

    /** @param namespace {@code *} for all namespaces, null for the client's */
    public NomadDiscovery(NomadClient client, String namespace, int perPage) {
        this.client = client;
        this.namespace = namespace;
        this.perPage = perPage;
    }

    @Override
    public List<Job> jobs() {
        QueryResult<List<JobListStub>> list = client.listAllJobs(query());
        lastIndex = list.meta().index();
        Set<String> seen = new HashSet<>();
        List<Job> out = new ArrayList<>();
        for (JobListStub stub : list.value()) {
            if (stub.parentId() != null && !stub.parentId().isEmpty() || stub.stop()) {
                continue;
            }
            String key = stub.namespace() + "\u0000" + stub.id();
            seen.add(key);
            Cached c = cache.get(key);
            if (c == null || c.modifyIndex() != stub.modifyIndex()) {
                Optional<Job> job = client.readJob(stub.namespace(), stub.id()).map(QueryResult::value);
                if (job.isEmpty()) {
                    cache.remove(key);
                    continue;
                }
                c = new Cached(job.get().modifyIndex(), job.get());
                cache.put(key, c);
            }
            if (!c.job().parameterized()) {
                out.add(c.job());
            }
        }
        cache.keySet().retainAll(seen);
        return out;
    }

    /** Blocks until Nomad's job list changes after the last {@link #jobs()} or {@code wait} passes. */
    public void awaitChange(Duration wait) {
        if (lastIndex > 0) {
            client.listJobs(query().blocking(lastIndex, wait));
        }
    }

    private JobsQuery query() {
        return JobsQuery.defaults().withNamespace(namespace).withPerPage(perPage);
    }

    @Override
    public Optional<Job> reread(String ns, String id) {
        return client.readJob(ns, id).map(QueryResult::value);
    }

    @Override
    public boolean live() {
        return true;
    }
}
