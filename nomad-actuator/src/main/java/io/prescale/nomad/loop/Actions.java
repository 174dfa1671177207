package io.prescale.nomad.loop;

import io.prescale.core.scale.Decision;
import io.prescale.nomad.annotations.Annotated;
import io.prescale.nomad.annotations.Mode;
import io.prescale.nomad.client.Job;
import io.prescale.nomad.client.NomadApiException;
import io.prescale.nomad.client.NomadClient;
import io.prescale.nomad.client.RegisterRequest;
import io.prescale.nomad.client.ScaleRequest;
import io.prescale.nomad.client.TaskGroup;
import io.prescale.nomad.client.WriteResponse;
import io.prescale.nomad.ha.GroupState;
import io.prescale.nomad.ha.Leadership;
import io.prescale.nomad.ha.StateStore;
import io.prescale.nomad.metrics.ActuatorMetrics;
import io.prescale.nomad.metrics.ErrorKind;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The action of {@code forecast-and-scale}: re-read the job right before its first group acts in a cycle (a
 * changed count or spec means an operator acted: their change wins and is reported; the job's later groups in the
 * same cycle act on that re-read, sending the spec index of our own last write), then scale with the job's spec index as check-and-set and a
 * Message and Meta for audit; a restart-requiring configuration goes through register with {@code EnforceIndex} and
 * {@code PreserveCounts}. A running deployment (400) or a conflict (500) is reported and retried next interval.
 * {@code autoscaler} and {@code forecast-only} make no call.
 */
final class Actions {
    private static final int MAX_MESSAGE = 500;
    private final NomadClient client;
    private final JobSource jobs;
    private final StateStore state;
    private final Leadership leadership;
    private final ActuatorMetrics metrics;
    /** Per job: the lock that serializes its groups' actions, and the spec index of our own last write. */
    private final Map<String, Object> jobLocks = new ConcurrentHashMap<>();

    private final Map<String, Long> ownIndex = new ConcurrentHashMap<>();
    /** Per job: the re-read taken in this cycle and the spec index to send next (ours after our own write). */
    private final Map<String, Fresh> fresh = new ConcurrentHashMap<>();

    private volatile long cycle;

    private record Fresh(Job job, long cycle, long index) {}

    /** Starts a new cycle: re-reads of the previous one are no longer used. */
    void startCycle() {
        cycle++;
        fresh.clear();
    }

    Actions(NomadClient client, JobSource jobs, StateStore state, Leadership leadership, ActuatorMetrics metrics) {
        this.client = client;
        this.jobs = jobs;
        this.state = state;
        this.leadership = leadership;
        this.metrics = metrics;
    }

    GroupResult act(GroupEvaluator.Outcome o, Annotated a, Faults faults) {
        GroupResult r = o.result();
        Decision d = o.decision();
        boolean countChange = d.changesCount(a.currentCount());
        boolean configChange = !countChange
                && d.action() == Decision.Action.RECONFIGURE
                && !d.config().equals(o.currentConfig());
        if (r.mode() != Mode.FORECAST_AND_SCALE || (!countChange && !configChange) || client == null || !jobs.live()) {
            return r;
        }
        String job = a.ref().namespace() + "\u0000" + a.ref().job();
        synchronized (jobLocks.computeIfAbsent(job, k -> new Object())) {
            return actLocked(o, a, faults, r, d, countChange, job);
        }
    }

    /**
     * One job's groups act one at a time: each re-reads the job after the previous group's write, and a spec index
     * that we wrote ourselves (another group of the job scaled) is not an operator's change.
     */
    private GroupResult actLocked(
            GroupEvaluator.Outcome o,
            Annotated a,
            Faults faults,
            GroupResult r,
            Decision d,
            boolean countChange,
            String job) {
        String action = d.action().name().toLowerCase(Locale.ROOT);
        if (!leadership.safeToAct()) {
            faults.count(ErrorKind.LOCK_LOST);
            metrics.action(action, "skipped");
            return r.with("error", r.reason() + "; not applied: leadership not confirmed", null);
        }
        // One re-read per job and cycle: a later group of the job scales on it (the only change since being our own
        // write, whose index we send); a configuration change always re-reads (it sends the whole job body).
        Fresh cached = countChange ? this.fresh.get(job) : null;
        Optional<Job> fresh;
        long casIndex;
        if (cached != null && cached.cycle() == cycle) {
            fresh = Optional.of(cached.job());
            casIndex = cached.index();
        } else {
            try {
                fresh = jobs.reread(a.ref().namespace(), a.ref().job());
            } catch (NomadApiException e) {
                faults.count(e);
                metrics.action(action, "skipped");
                return r.with(
                        "error",
                        r.reason() + "; not applied: cannot re-read the job: " + e.getMessage(),
                        new GroupResult.Applied(e.status(), e.excerpt()));
            }
            casIndex = fresh.map(Job::jobModifyIndex).orElse(0L);
            fresh.ifPresent(j -> this.fresh.put(job, new Fresh(j, cycle, j.jobModifyIndex())));
        }
        Optional<TaskGroup> group = fresh.flatMap(j -> j.group(a.ref().group()));
        if (group.isEmpty()) {
            metrics.action(action, "skipped");
            return r.with("error", r.reason() + "; not applied: the job or group is gone", null);
        }
        long index = fresh.get().jobModifyIndex();
        boolean ours = index == a.jobModifyIndex() || Long.valueOf(index).equals(ownIndex.get(job));
        if (group.get().count() != a.currentCount() || !ours) {
            faults.count(ErrorKind.MANUAL_CHANGE);
            metrics.action(action, "skipped");
            try {
                state.put(
                        a.ref(),
                        o.state()
                                .afterOperatorChange(
                                        group.get().count(),
                                        r.evaluatedAt(),
                                        fresh.get().jobModifyIndex()));
            } catch (NomadApiException e) {
                faults.count(ErrorKind.STATE_ERROR);
            }
            return r.with(
                    "manual-change",
                    "not applied: the group changed since discovery (count "
                            + a.currentCount() + " → " + group.get().count() + ", job spec index " + a.jobModifyIndex()
                            + " → "
                            + fresh.get().jobModifyIndex() + "); the operator's change wins",
                    null);
        }
        try {
            WriteResponse w;
            GroupState next;
            if (countChange) {
                w = client.scale(
                        a.ref().namespace(),
                        a.ref().job(),
                        ScaleRequest.count(a.ref().group(), d.targetCount(), message(d), meta(r, d), casIndex));
                next = o.state()
                        .afterScale(
                                d.targetCount() > a.currentCount(),
                                d.targetCount(),
                                r.evaluatedAt(),
                                w.jobModifyIndex());
            } else {
                w = client.register(
                        a.ref().namespace(),
                        RegisterRequest.update(
                                fresh.get(),
                                JobConfig.apply(fresh.get(), a.ref().group(), d.config())));
                next = o.state().afterReconfigure(r.evaluatedAt(), w.jobModifyIndex());
            }
            ownIndex.put(job, w.jobModifyIndex());
            if (countChange) {
                this.fresh.put(job, new Fresh(fresh.get(), cycle, w.jobModifyIndex()));
            } else {
                this.fresh.remove(job);
            }
            metrics.action(action, "applied");
            try {
                state.put(a.ref(), next);
            } catch (NomadApiException e) {
                faults.count(ErrorKind.STATE_ERROR);
            }
            return r.with("ok", r.reason(), new GroupResult.Applied(200, null));
        } catch (NomadApiException e) {
            this.fresh.remove(job);
            ErrorKind kind = faults.count(e);
            metrics.action(action, "refused");
            String status = switch (kind) {
                case DEPLOYMENT_ACTIVE -> "deployment";
                case CONFLICT -> "conflict";
                default -> "error";
            };
            String why = switch (kind) {
                case DEPLOYMENT_ACTIVE -> "; not applied: a deployment is running, retrying next interval";
                case CONFLICT ->
                    "; not applied: the job changed meanwhile (check-and-set), re-evaluating next interval";
                default -> "; not applied: " + e.getMessage();
            };
            return r.with(status, r.reason() + why, new GroupResult.Applied(e.status(), e.excerpt()));
        }
    }

    private static String message(Decision d) {
        String m = "prescale: " + d.reason();
        return m.length() <= MAX_MESSAGE ? m : m.substring(0, MAX_MESSAGE - 1) + "…";
    }

    private static Map<String, Object> meta(GroupResult r, Decision d) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("prescale", true);
        meta.put("action", d.action().name().toLowerCase(Locale.ROOT));
        Double peak = r.numbers().get("forecastPeak");
        meta.put("forecast", peak == null || !Double.isFinite(peak) ? null : peak);
        meta.put("quantile", r.numbers().get("quantile"));
        meta.put("currentLoad", r.numbers().get("currentLoad"));
        meta.put("reason", d.reason().length() > 300 ? d.reason().substring(0, 299) + "…" : d.reason());
        return meta;
    }
}
