package io.prescale.nomad.loop;

import io.prescale.core.forecast.EventAwareForecaster;
import io.prescale.core.forecast.EventCalendar;
import io.prescale.core.forecast.QuantileForecast;
import io.prescale.core.scale.Decision;
import io.prescale.core.scale.RiskBudget;
import io.prescale.core.scale.ScalingController;
import io.prescale.core.scale.ScalingPolicy;
import io.prescale.core.scale.ScalingState;
import io.prescale.core.series.TimeSeries;
import io.prescale.core.store.MetricSourceException;
import io.prescale.nomad.annotations.Annotated;
import io.prescale.nomad.annotations.GroupSpec;
import io.prescale.nomad.annotations.Mode;
import io.prescale.nomad.client.Job;
import io.prescale.nomad.client.NomadApiException;
import io.prescale.nomad.events.CalendarSource;
import io.prescale.nomad.ha.GroupState;
import io.prescale.nomad.ha.PolicyStore;
import io.prescale.nomad.ha.StateStore;
import io.prescale.nomad.metrics.ErrorKind;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates one annotated group at {@code now}: policy, load history up to now, forecast from the cached model,
 * state, and the controller's decision. Every problem becomes a result with a status and a reason, and is counted.
 */
final class GroupEvaluator {
    /** Levels always forecast (exported on /metrics); the group's own quantile is added. */
    static final double[] BASE_LEVELS = {0.1, 0.5, 0.9};

    /** The group's evaluation so far: a finished result, or a decision still to act on. */
    record Outcome(
            GroupResult result,
            GroupSpec spec,
            Decision decision,
            Map<String, Object> currentConfig,
            GroupState state) {}

    private final ActuatorOptions options;
    private final LoadSource loads;
    private final PolicyStore policies;
    private final StateStore state;
    private final ModelCache models;
    private final Map<Double, ScalingPolicy> capacityPolicies = new ConcurrentHashMap<>();
    private final Map<Set<String>, EventCalendar> calendarsByKinds = new ConcurrentHashMap<>();
    private volatile CalendarSource.Snapshot calendar;
    /** Part of the cache key of every model fitted with events. */
    private static final String EVENTS_MARKER = "\u0001events";
    /**
     * How much of the newest history a risk budget replays at each refit: two days (two daily peaks), cut to what
     * leaves three days before it to fit on, but never under one day (and at most half the history read). The
     * replay runs once per refit, not per cycle.
     */
    static final Duration BUDGET_WINDOW = Duration.ofDays(2);

    GroupEvaluator(ActuatorOptions options, LoadSource loads, PolicyStore policies, StateStore state) {
        this.options = options;
        this.loads = loads;
        this.policies = policies;
        this.state = state;
        this.models = new ModelCache(options.refitEvery());
    }

    /**
     * Takes this cycle's calendar (called once per cycle, before any {@link #evaluate}); a new calendar version
     * drops the models fitted with events, so they are refitted on it.
     */
    void startCycle(CalendarSource.Snapshot snapshot) {
        CalendarSource.Snapshot before = calendar;
        calendar = snapshot;
        if (before == null || before.version() != snapshot.version()) {
            calendarsByKinds.clear();
            models.forget(EVENTS_MARKER);
        }
    }

    /** The events of {@code kinds} in this cycle's calendar ({@code *} for all). */
    private EventCalendar calendarFor(Set<String> kinds) {
        CalendarSource.Snapshot snap = calendar;
        if (kinds.isEmpty() || snap == null || snap.calendar().isEmpty()) {
            return EventCalendar.empty();
        }
        if (kinds.contains(GroupSpec.ALL_EVENTS)) {
            return snap.calendar();
        }
        return calendarsByKinds.computeIfAbsent(
                kinds,
                k -> EventCalendar.of(snap.calendar().events().stream()
                        .filter(e -> k.contains(e.kind()))
                        .toList()));
    }

    Outcome evaluate(Annotated a, Job job, Instant now, Mode mode, Faults faults) {
        if (!a.valid()) {
            if (Annotated.INVALID.equals(a.status())) {
                faults.count(ErrorKind.INVALID_ANNOTATION);
            }
            return done(new GroupResult(
                    a.ref(), null, a.status(), a.reason(), a.currentCount(), null, null, null, null, now));
        }
        GroupSpec spec = a.spec();
        ScalingPolicy policy;
        try {
            policy = policy(spec);
        } catch (RuntimeException e) {
            faults.count(e instanceof NomadApiException n ? Faults.kindOf(n) : ErrorKind.POLICY_MISSING);
            return error(a, mode, now, "cannot read policy " + spec.policyName() + ": " + e.getMessage());
        }
        if (policy == null) {
            faults.count(ErrorKind.POLICY_MISSING);
            return error(a, mode, now, "policy " + spec.policyName() + " is not published (prescale policy publish)");
        }
        long stepMs = options.step().toMillis();
        Instant end = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), stepMs) * stepMs);
        TimeSeries history;
        try {
            history = loads.read(spec.query(), end.minus(options.history()), end, options.step());
        } catch (MetricSourceException e) {
            faults.count(ErrorKind.METRIC_ERROR);
            return error(a, mode, now, "cannot read the load (" + spec.query() + "): " + e.getMessage());
        } catch (IllegalArgumentException e) {
            faults.count(ErrorKind.METRIC_QUERY);
            return error(a, mode, now, "the load query was refused (" + spec.query() + "): " + e.getMessage());
        }
        int last = lastFinite(history);
        if (last < 0) {
            faults.count(ErrorKind.METRIC_NAN);
            return hold(
                    a,
                    mode,
                    now,
                    "hold at " + a.currentCount() + ": no load data in the " + options.history() + " up to " + now);
        }
        double load = history.valueAt(last);
        Instant observedAt = history.timeAt(last);
        // a step's value is known only when the step ends: never call the newest complete step stale
        Duration staleAfter =
                options.controller().staleAfter().compareTo(options.step().multipliedBy(2)) >= 0
                        ? options.controller().staleAfter()
                        : options.step().multipliedBy(2);
        if (Duration.between(observedAt, now).compareTo(staleAfter) > 0) {
            faults.count(ErrorKind.METRIC_STALE);
        }
        EventCalendar events = calendarFor(spec.eventKinds());
        String key = spec.query();
        if (!events.isEmpty()) {
            key += EVENTS_MARKER + "\u0000" + String.join(",", new TreeSet<>(spec.eventKinds()));
        }
        int leadSteps = (int) Math.max(1, ceilDiv(spec.lead(), options.step()));
        ModelCache.Budget budget = null;
        if (spec.hasRiskBudget()) {
            double capacity = spec.policyName() == null ? spec.capacity() : capacityAt(policy, load);
            long fitAtLeast = Duration.ofDays(3).toMillis() / stepMs;
            long window = Math.min(
                    BUDGET_WINDOW.toMillis() / stepMs,
                    Math.max(Duration.ofDays(1).toMillis() / stepMs, history.size() - fitAtLeast));
            window = Math.max(2L * leadSteps, window);
            budget = new ModelCache.Budget(RiskBudget.of(spec.maxUnserved(), (int) window), leadSteps, capacity);
            key += "\u0000budget=" + spec.maxUnserved() + "/" + leadSteps + "/"
                    + (spec.policyName() == null ? "c" + spec.capacity() : "p" + spec.policyName());
        }
        QuantileForecast forecast;
        ModelCache.Fitted fitted;
        int horizon = (int) Math.min(4096, ceilDiv(spec.lead().plus(spec.cooldown()), options.step()) + 2);
        try {
            fitted = models.model(key, EventAwareForecaster.wrap(options.forecaster(), events), history, now, budget);
        } catch (RuntimeException e) {
            faults.count(ErrorKind.FORECAST_ERROR);
            return hold(a, mode, now, "hold at " + a.currentCount() + ": cannot forecast yet: " + e.getMessage());
        }
        RiskBudget.Choice choice = fitted.choice();
        double quantile = choice != null ? choice.quantile() : spec.quantile();
        double[] levels = levels(quantile);
        try {
            forecast = fitted.model().forecast(history, horizon, levels);
        } catch (RuntimeException e) {
            faults.count(ErrorKind.FORECAST_ERROR);
            return hold(a, mode, now, "hold at " + a.currentCount() + ": cannot forecast yet: " + e.getMessage());
        }
        GroupState st;
        try {
            st = state.get(a.ref());
        } catch (NomadApiException e) {
            faults.count(ErrorKind.STATE_ERROR);
            return error(a, mode, now, "cannot read the group's state, holding to avoid flapping: " + e.getMessage());
        }
        if (st.lastJobModifyIndex() > 0
                && a.jobModifyIndex() != st.lastJobModifyIndex()
                && a.currentCount() != st.lastTarget()) {
            faults.count(ErrorKind.MANUAL_CHANGE);
            st = st.afterOperatorChange(a.currentCount(), now, a.jobModifyIndex());
            try {
                state.put(a.ref(), st);
            } catch (NomadApiException e) {
                faults.count(ErrorKind.STATE_ERROR);
            }
        }
        Map<String, Object> config = JobConfig.current(job, a.ref().group(), knobs(policy));
        ScalingState scalingState = new ScalingState(
                now, a.currentCount(), config, load, observedAt, st.lastScaleOutAt(), st.lastScaleInAt());
        ScalingController controller = new ScalingController(new ScalingController.Options(
                spec.lead(),
                spec.cooldown(),
                quantile,
                options.controller().hysteresis(),
                staleAfter,
                options.controller().lowLoadFrom(),
                options.controller().lowLoadTo()));
        Decision decision = controller.decide(scalingState, forecast, policy, spec.bounds());
        if (spec.hasRiskBudget() || !events.isEmpty()) {
            decision = new Decision(
                    decision.action(),
                    decision.targetCount(),
                    decision.config(),
                    decision.restart(),
                    decision.reason() + context(spec, choice, events, now),
                    decision.numbers());
        }
        Map<Double, Double> peaks = peaks(forecast, levels, spec.lead(), options.step());
        Map<String, Double> numbers = new LinkedHashMap<>(decision.numbers());
        numbers.put("currentLoad", load);
        numbers.put("quantile", quantile);
        numbers.putIfAbsent("forecastPeak", peaks.get(quantile));
        numbers.put("min", (double) spec.bounds().min());
        numbers.put("max", (double) spec.bounds().max());
        if (spec.hasRiskBudget()) {
            numbers.put("maxUnserved", spec.maxUnserved());
            numbers.put(
                    "budgetUnserved",
                    choice == null
                            ? Double.NaN
                            : choice.unserved()[
                                    indexOf(RiskBudget.of(spec.maxUnserved(), 2).candidates(), quantile)]);
        }
        if (!events.isEmpty()) {
            numbers.put(
                    "eventsAhead", (double) eventsAhead(events, now, spec.lead().plus(spec.cooldown())));
        }
        if (st.operatorChangeAt() != null
                && now.isBefore(st.operatorChangeAt().plus(spec.cooldown()))
                && decision.changesCount(a.currentCount())) {
            String reason = "hold at " + a.currentCount() + ": an operator changed the group at "
                    + st.operatorChangeAt()
                    + "; their change wins until " + st.operatorChangeAt().plus(spec.cooldown())
                    + " (controller wanted " + decision.targetCount() + ")";
            Decision held =
                    new Decision(Decision.Action.HOLD, a.currentCount(), config, false, reason, decision.numbers());
            return done(new GroupResult(
                    a.ref(), mode, "manual-change", reason, a.currentCount(), held, null, numbers, peaks, now));
        }
        String status = decision.action() == Decision.Action.HOLD ? "hold" : "ok";
        GroupResult result = new GroupResult(
                a.ref(), mode, status, decision.reason(), a.currentCount(), decision, null, numbers, peaks, now);
        return new Outcome(result, spec, decision, config, st);
    }

    /** The decision's note on where its quantile came from and which events lie ahead. */
    private static String context(GroupSpec spec, RiskBudget.Choice choice, EventCalendar events, Instant now) {
        StringBuilder sb = new StringBuilder();
        if (spec.hasRiskBudget()) {
            if (choice == null) {
                sb.append("; risk budget ")
                        .append(spec.maxUnserved())
                        .append(": too little history to replay, p")
                        .append(percent(spec.quantile()))
                        .append(" from prescale.quantile");
            } else {
                int i = indexOf(RiskBudget.of(spec.maxUnserved(), 2).candidates(), choice.quantile());
                double share = choice.unserved()[i];
                sb.append("; p")
                        .append(percent(choice.quantile()))
                        .append(
                                choice.withinBudget()
                                        ? " is the lowest quantile whose replay keeps unserved load within "
                                        : " is the highest candidate, and its replay still exceeds ")
                        .append(spec.maxUnserved())
                        .append(" (replayed ")
                        .append(Double.isFinite(share) ? String.format(java.util.Locale.ROOT, "%.4f", share) : "n/a")
                        .append(")");
            }
        }
        if (!events.isEmpty()) {
            long ahead = eventsAhead(events, now, spec.lead().plus(spec.cooldown()));
            sb.append("; ")
                    .append(ahead)
                    .append(ahead == 1 ? " event" : " events")
                    .append(" of ")
                    .append(String.join(",", new TreeSet<>(spec.eventKinds())))
                    .append(" within lead + cooldown");
        }
        return sb.toString();
    }

    private static String percent(double q) {
        double p = q * 100;
        return p == Math.rint(p) ? Long.toString(Math.round(p)) : String.format(java.util.Locale.ROOT, "%.1f", p);
    }

    private static int indexOf(double[] values, double v) {
        for (int i = 0; i < values.length; i++) {
            if (Math.abs(values[i] - v) < 1e-9) {
                return i;
            }
        }
        return values.length - 1;
    }

    private static long eventsAhead(EventCalendar events, Instant now, Duration span) {
        Instant to = now.plus(span);
        return events.events().stream()
                .filter(e -> e.end().isAfter(now) && e.start().isBefore(to))
                .count();
    }

    /** One instance's capacity under {@code policy} at {@code load}: the load over the instances it needs. */
    private static double capacityAt(ScalingPolicy policy, double load) {
        int n = policy.instancesFor(Math.max(load, 1e-9));
        return n <= 0 ? Math.max(load, 1) : Math.max(load, 1e-9) / n;
    }

    private ScalingPolicy policy(GroupSpec spec) {
        if (spec.policyName() != null) {
            return policies.get(spec.policyName()).orElse(null);
        }
        return capacityPolicies.computeIfAbsent(
                spec.capacity(), c -> ScalingPolicy.capacityOnly("capacity-" + c, c, "requests/s", null));
    }

    private static Set<String> knobs(ScalingPolicy policy) {
        Set<String> out = new HashSet<>();
        policy.bands().forEach(b -> out.addAll(b.knobs().keySet()));
        return out;
    }

    static double[] levels(double quantile) {
        TreeSet<Double> set = new TreeSet<>();
        for (double l : BASE_LEVELS) {
            set.add(l);
        }
        boolean present = set.stream().anyMatch(l -> Math.abs(l - quantile) < 1e-9);
        if (!present) {
            set.add(quantile);
        }
        return set.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static Map<Double, Double> peaks(QuantileForecast f, double[] levels, Duration lead, Duration step) {
        int leadSteps = (int) Math.max(1, Math.min(f.horizon(), ceilDiv(lead, step)));
        Map<Double, Double> out = new LinkedHashMap<>();
        for (int q = 0; q < levels.length; q++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int h = 0; h < leadSteps; h++) {
                max = Math.max(max, f.value(h, q));
            }
            out.put(levels[q], max);
        }
        return out;
    }

    private static long ceilDiv(Duration a, Duration b) {
        return (a.toMillis() + b.toMillis() - 1) / b.toMillis();
    }

    private static int lastFinite(TimeSeries s) {
        for (int i = s.size() - 1; i >= 0; i--) {
            if (Double.isFinite(s.valueAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static Outcome done(GroupResult r) {
        return new Outcome(r, null, null, null, null);
    }

    private static Outcome error(Annotated a, Mode mode, Instant now, String reason) {
        return done(new GroupResult(a.ref(), mode, "error", reason, a.currentCount(), null, null, null, null, now));
    }

    private static Outcome hold(Annotated a, Mode mode, Instant now, String reason) {
        return done(new GroupResult(a.ref(), mode, "hold", reason, a.currentCount(), null, null, null, null, now));
    }
}
