package io.prescale.nomad.staging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.core.tune.ConfigSpace;
import io.prescale.core.tune.Configuration;
import io.prescale.core.tune.Knob;
import io.prescale.core.tune.StagingException;
import io.prescale.core.tune.StagingTarget;
import io.prescale.nomad.client.Job;
import io.prescale.nomad.client.JobScaleStatus;
import io.prescale.nomad.client.NomadApiException;
import io.prescale.nomad.client.NomadClient;
import io.prescale.nomad.client.RegisterRequest;
import io.prescale.nomad.client.ScaleRequest;
import io.prescale.nomad.client.Sleeper;
import io.prescale.nomad.client.WriteResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code nomad:JOB/GROUP} staging target. {@link #apply} reads the job ({@code GET /v1/job/:id}), writes the
 * configuration into the group as the space's knobs say — {@code count} → {@code TaskGroups[].Count},
 * {@code resources.cpu} → every task's {@code Resources.CPU} (cores × 1000 MHz), {@code resources.memory} →
 * {@code Resources.MemoryMB}, {@code env} → every task's {@code Env[key]}, {@code meta} → the group's
 * {@code Meta[key]} — and re-registers it ({@code POST /v1/job/:id} with {@code EnforceIndex} and the read
 * {@code JobModifyIndex}, without {@code PreserveCounts}, since the count is a knob). It then waits for the
 * deployment: Nomad refuses a scale with a count while a deployment of the job is active (400
 * {@code job scaling blocked due to active deployment}), so a same-count scale of the group is the probe, repeated
 * every {@code poll} until accepted, and finally {@code GET /v1/job/:id/scale} must show the group's desired count
 * healthy with no unhealthy allocation. The addresses are the staging service's URLs as given (a load balancer or
 * service name in front of the group). {@link #tearDown} re-registers the job as it was first read. Not
 * thread-safe.
 */
public final class NomadStagingTarget implements StagingTarget {
    private static final String PROBE = "prescale tune: is the deployment finished?";
    private final NomadClient client;
    private final ConfigSpace space;
    private final String namespace;
    private final String jobId;
    private final String group;
    private final List<String> serviceUrls;
    private final Duration poll;
    private final Duration timeout;
    private final Sleeper sleeper;
    private JsonNode original;
    private Deployment current;

    /**
     * @param namespace the job's namespace (null: the client's)
     * @param serviceUrls where the group's service answers (at least one)
     * @param poll the wait between deployment probes
     * @param timeout how long a deployment may take before the target fails
     * @param sleeper waits between probes ({@link Sleeper#REAL} outside tests)
     */
    public NomadStagingTarget(
            NomadClient client,
            ConfigSpace space,
            String namespace,
            String jobId,
            String group,
            List<String> serviceUrls,
            Duration poll,
            Duration timeout,
            Sleeper sleeper) {
        this.client = Objects.requireNonNull(client, "client");
        this.space = Objects.requireNonNull(space, "space");
        this.namespace = namespace;
        this.jobId = requireText(jobId, "jobId");
        this.group = requireText(group, "group");
        this.serviceUrls = List.copyOf(serviceUrls);
        if (this.serviceUrls.isEmpty()) {
            throw new IllegalArgumentException("the nomad target needs at least one service URL");
        }
        this.poll = Objects.requireNonNull(poll, "poll");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    @Override
    public String name() {
        return "nomad:" + jobId + "/" + group;
    }

    @Override
    public Deployment apply(Configuration config) {
        if (current != null && current.config().equals(config)) {
            return current;
        }
        try {
            Job job = readJob();
            if (original == null) {
                original = job.raw().deepCopy();
            }
            ObjectNode changed = job.raw().deepCopy();
            write(changed, config);
            WriteResponse written =
                    client.register(namespace, new RegisterRequest(changed, true, job.jobModifyIndex(), false));
            awaitDeployment(space.count(config), written.jobModifyIndex());
        } catch (NomadApiException e) {
            current = null;
            throw new StagingException(name() + ": " + e.getMessage(), e);
        }
        current = new Deployment(config, serviceUrls);
        return current;
    }

    @Override
    public void verify() {
        JobScaleStatus.GroupStatus status = groupStatus();
        if (status.healthy() < status.desired() || status.unhealthy() > 0) {
            throw new StagingException(name() + ": " + status.healthy() + " of " + status.desired()
                    + " allocations healthy, " + status.unhealthy() + " unhealthy");
        }
    }

    /** Re-registers the job as first read (its counts and resources before tuning); failures are reported. */
    @Override
    public void tearDown() {
        if (original == null) {
            return;
        }
        try {
            Job job = readJob();
            client.register(namespace, new RegisterRequest(original, true, job.jobModifyIndex(), false));
            original = null;
            current = null;
        } catch (NomadApiException e) {
            throw new StagingException(name() + ": cannot restore the job as it was: " + e.getMessage(), e);
        }
    }

    /** Writes {@code config} into the group of {@code job} as the space's knobs say. */
    void write(ObjectNode job, Configuration config) {
        ObjectNode target = null;
        for (JsonNode g : job.withArray("TaskGroups")) {
            if (g.path("Name").asText().equals(group)) {
                target = (ObjectNode) g;
            }
        }
        if (target == null) {
            throw new StagingException(name() + ": job " + jobId + " has no task group " + group);
        }
        for (Knob knob : space.knobs()) {
            double value = config.get(knob.name());
            String text = knob.type() == Knob.Type.INT ? String.valueOf(Math.round(value)) : String.valueOf(value);
            switch (knob.apply()) {
                case COUNT -> target.put("Count", Math.round(value));
                case CPU -> tasks(target).forEach(t -> t.with("Resources").put("CPU", Math.round(value * 1000)));
                case MEMORY -> tasks(target).forEach(t -> t.with("Resources").put("MemoryMB", Math.round(value)));
                case ENV -> tasks(target).forEach(t -> object(t, "Env").put(knob.key(), text));
                case META -> object(target, "Meta").put(knob.key(), text);
                default -> throw new IllegalStateException("unknown apply mode " + knob.apply());
            }
        }
    }

    private void awaitDeployment(int count, long registeredIndex) {
        long waited = 0;
        while (true) {
            try {
                client.scale(namespace, jobId, ScaleRequest.count(group, count, PROBE, Map.of(), 0));
                JobScaleStatus.GroupStatus status = groupStatus();
                if (status.desired() == count && status.healthy() >= count && status.unhealthy() == 0) {
                    return;
                }
            } catch (NomadApiException e) {
                if (!e.isDeploymentActive()) {
                    throw e;
                }
            }
            if (waited >= timeout.toMillis()) {
                throw new StagingException(name() + ": the deployment of job modify index " + registeredIndex
                        + " did not finish healthy within " + timeout);
            }
            try {
                sleeper.sleep(poll);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StagingException(name() + ": interrupted while waiting for the deployment", e);
            }
            waited += Math.max(1, poll.toMillis());
        }
    }

    private Job readJob() {
        return client.readJob(namespace, jobId)
                .orElseThrow(() -> new StagingException(name() + ": job " + jobId + " not found"))
                .value();
    }

    private JobScaleStatus.GroupStatus groupStatus() {
        JobScaleStatus status = client.scaleStatus(namespace, jobId)
                .orElseThrow(() -> new StagingException(name() + ": job " + jobId + " not found"));
        JobScaleStatus.GroupStatus g = status.taskGroups().get(group);
        if (g == null) {
            throw new StagingException(name() + ": job " + jobId + " has no task group " + group);
        }
        return g;
    }

    private static List<ObjectNode> tasks(ObjectNode group) {
        return java.util.stream.StreamSupport.stream(group.withArray("Tasks").spliterator(), false)
                .filter(JsonNode::isObject)
                .map(ObjectNode.class::cast)
                .toList();
    }

    private static ObjectNode object(ObjectNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isObject()) {
            return parent.putObject(field);
        }
        return (ObjectNode) node;
    }

    private static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank, got '" + value + "'");
        }
        return value;
    }
}
