package io.prescale.nomad.loop;

import io.prescale.core.scale.Decision;
import io.prescale.nomad.annotations.Annotated;
import io.prescale.nomad.annotations.Annotations;
import io.prescale.nomad.annotations.GroupRef;
import io.prescale.nomad.annotations.Mode;
import io.prescale.nomad.client.Job;
import io.prescale.nomad.client.NomadApiException;
import io.prescale.nomad.client.NomadClient;
import io.prescale.nomad.events.CalendarSource;
import io.prescale.nomad.ha.Leadership;
import io.prescale.nomad.ha.PolicyStore;
import io.prescale.nomad.ha.StateStore;
import io.prescale.nomad.metrics.ActuatorMetrics;
import io.prescale.nomad.metrics.ErrorKind;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The actuator's loop: {@link #runCycle()} discovers the annotated groups, evaluates each (in parallel) and acts per
 * mode, only while this replica leads. The time is the injected clock's, so {@code --now T} evaluates as if it
 * were T and reads history only up to T. A group with {@code prescale.interval} is evaluated again only when that
 * long has passed since its last evaluation; until then the cycle reports its last result. The calendar of
 * scheduled events is read once per cycle. {@link #groups()} keeps each group's last result for the API. Build with
 * {@link #builder()}. Thread-safe; one cycle runs at a time.
 */
public final class Actuator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Actuator.class);
    private final ActuatorOptions options;
    private final JobSource jobs;
    private final Clock clock;
    private final Leadership leadership;
    private final ActuatorMetrics metrics;
    private final DecisionLog log;
    private final DecisionListener listener;
    private final GroupEvaluator evaluator;
    private final Actions actions;
    private final PolicyStore policies;
    private final StateStore state;
    private final ForkJoinPool pool;
    private final CalendarSource calendars;
    private final Map<GroupRef, GroupResult> last = new ConcurrentHashMap<>();
    private volatile CycleReport lastReport;

    private Actuator(Builder b) {
        this.options = b.options;
        this.jobs = Objects.requireNonNull(b.jobs, "jobs");
        this.clock = b.clock;
        this.leadership = b.leadership;
        this.metrics = b.metrics;
        this.log = b.log;
        this.listener = Objects.requireNonNull(b.listener, "listener");
        this.policies = b.policies;
        this.state = b.state;
        this.calendars = Objects.requireNonNull(b.calendars, "calendars");
        this.evaluator = new GroupEvaluator(options, Objects.requireNonNull(b.loads, "loads"), policies, state);
        this.actions = new Actions(b.client, jobs, state, leadership, metrics);
        this.pool = new ForkJoinPool(options.parallelism());
    }

    public static Builder builder() {
        return new Builder();
    }

    public ActuatorMetrics metrics() {
        return metrics;
    }

    public Leadership leadership() {
        return leadership;
    }

    public PolicyStore policies() {
        return policies;
    }

    /** The last result of every group seen, in group order. */
    public List<GroupResult> groups() {
        List<GroupResult> out = new ArrayList<>(last.values());
        out.sort(Comparator.comparing(GroupResult::ref));
        return out;
    }

    /** The last cycle's report, or null before the first. */
    public CycleReport lastReport() {
        return lastReport;
    }

    /** One evaluation cycle at the clock's now. Never throws for remote failures: they are in the report. */
    public synchronized CycleReport runCycle() {
        long t0 = System.nanoTime();
        Instant now = clock.instant();
        Faults faults = new Faults(metrics);
        boolean leader = leadership.tick();
        metrics.leader(leader);
        if (!leader) {
            return finish(now, List.of(), t0, faults, null, false, null);
        }
        List<Job> found;
        try {
            found = jobs.jobs();
        } catch (NomadApiException e) {
            faults.count(e);
            return finish(now, List.of(), t0, faults, e.getMessage(), true, null);
        }
        policies.invalidate();
        CalendarSource.Snapshot calendar = calendars.current();
        if (calendar.error() != null) {
            faults.count(ErrorKind.EVENTS_ERROR);
        }
        evaluator.startCycle(calendar);
        actions.startCycle();
        List<Object[]> work = new ArrayList<>();
        for (Job job : found) {
            for (Annotated a : Annotations.read(job, options.annotationDefaults())) {
                work.add(new Object[] {a, job});
            }
        }
        List<GroupResult> results;
        try {
            results = pool.submit(() -> work.parallelStream()
                            .map(w -> one((Annotated) w[0], (Job) w[1], now, faults))
                            .toList())
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during a cycle", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a group evaluation failed unexpectedly", e.getCause());
        }
        List<GroupResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparing(GroupResult::ref));
        last.keySet().retainAll(sorted.stream().map(GroupResult::ref).toList());
        CycleReport report = finish(now, sorted, t0, faults, null, true, calendar);
        announce(sorted, now);
        return report;
    }

    /**
     * Every decision of this cycle that changes a group, to the listener (a group whose own interval has not passed
     * repeats its last result and is not announced again); its failures are logged, never propagated.
     */
    private void announce(List<GroupResult> results, Instant now) {
        for (GroupResult r : results) {
            if (r.decision() == null || r.decision().action() == Decision.Action.HOLD || !now.equals(r.evaluatedAt())) {
                continue;
            }
            try {
                listener.decided(r);
            } catch (RuntimeException e) {
                LOG.warn("decision listener failed for {}: {}", r.ref(), e.toString());
            }
        }
    }

    private GroupResult one(Annotated a, Job job, Instant now, Faults faults) {
        if (a.valid() && a.spec().interval() != null) {
            GroupResult previous = last.get(a.ref());
            if (previous != null
                    && previous.evaluatedAt() != null
                    && !now.isBefore(previous.evaluatedAt())
                    && now.isBefore(previous.evaluatedAt().plus(a.spec().interval()))) {
                return previous; // not due: its prescale.interval has not passed since its last evaluation
            }
        }
        GroupResult r;
        try {
            Mode mode = a.spec() == null
                    ? null
                    : options.dryRun() || !jobs.live()
                            ? Mode.FORECAST_ONLY
                            : a.spec().mode();
            GroupEvaluator.Outcome o = evaluator.evaluate(a, job, now, mode, faults);
            r = o.decision() == null ? o.result() : actions.act(o, a, faults);
        } catch (RuntimeException e) {
            faults.count(ErrorKind.FORECAST_ERROR);
            r = new GroupResult(
                    a.ref(), null, "error", "unexpected: " + e, a.currentCount(), null, null, null, null, now);
        }
        if (r.decision() != null) {
            metrics.decision(
                    r.decision().action().name().toLowerCase(java.util.Locale.ROOT),
                    r.mode().wire());
            metrics.group(
                    r.ref(),
                    r.currentCount(),
                    r.decision().targetCount(),
                    r.numbers().getOrDefault("currentLoad", Double.NaN),
                    r.forecastPeaks(),
                    r.status());
        } else {
            metrics.status(r.ref(), r.status());
        }
        log.log(r);
        last.put(r.ref(), r);
        return r;
    }

    private CycleReport finish(
            Instant now,
            List<GroupResult> groups,
            long t0,
            Faults faults,
            String discoveryError,
            boolean leader,
            CalendarSource.Snapshot calendar) {
        double seconds = (System.nanoTime() - t0) / 1e9;
        metrics.cycle(seconds, groups.size(), clock.instant().toEpochMilli() / 1000.0);
        CycleReport report = new CycleReport(
                now,
                groups,
                seconds,
                faults.snapshot(),
                discoveryError,
                leader,
                calendar == null || calendar.source() == null ? null : CycleReport.Calendar.of(calendar));
        lastReport = report;
        return report;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** Builder of {@link Actuator}; jobs and loads are required. */
    public static final class Builder {
        private ActuatorOptions options = ActuatorOptions.defaults();
        private JobSource jobs;
        private LoadSource loads;
        private NomadClient client;
        private Clock clock = Clock.systemUTC();
        private Leadership leadership = Leadership.standalone();
        private ActuatorMetrics metrics = new ActuatorMetrics();
        private DecisionLog log = DecisionLog.slf4j();
        private DecisionListener listener = DecisionListener.NONE;
        private PolicyStore policies = PolicyStore.inMemory();
        private StateStore state = StateStore.inMemory();
        private CalendarSource calendars = CalendarSource.none();

        public Builder options(ActuatorOptions v) {
            this.options = v;
            return this;
        }

        public Builder jobs(JobSource v) {
            this.jobs = v;
            return this;
        }

        public Builder loads(LoadSource v) {
            this.loads = v;
            return this;
        }

        /** The client actions go through; null makes every mode a dry run. */
        public Builder client(NomadClient v) {
            this.client = v;
            return this;
        }

        public Builder clock(Clock v) {
            this.clock = v;
            return this;
        }

        public Builder leadership(Leadership v) {
            this.leadership = v;
            return this;
        }

        public Builder metrics(ActuatorMetrics v) {
            this.metrics = v;
            return this;
        }

        public Builder log(DecisionLog v) {
            this.log = v;
            return this;
        }

        /** Told of each decision that changes a group (default: none). */
        public Builder listener(DecisionListener v) {
            this.listener = v;
            return this;
        }

        public Builder policies(PolicyStore v) {
            this.policies = v;
            return this;
        }

        public Builder state(StateStore v) {
            this.state = v;
            return this;
        }

        /** The calendar of scheduled events, read once per cycle (groups opt in with prescale.events). */
        public Builder calendars(CalendarSource v) {
            this.calendars = v;
            return this;
        }

        public Actuator build() {
            return new Actuator(this);
        }
    }
}
