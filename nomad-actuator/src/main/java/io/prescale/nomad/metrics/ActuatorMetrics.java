package io.prescale.nomad.metrics;

import io.prescale.nomad.annotations.GroupRef;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The metric families of {@code docs/actuator.md}, registered in their own {@link PrometheusRegistry} (not the
 * global default, so several actuators can live in one JVM in tests). Thread-safe.
 */
public final class ActuatorMetrics {
    private static final String[] GROUP = {"namespace", "job", "group"};
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Gauge desired;
    private final Gauge current;
    private final Gauge load;
    private final Gauge forecast;
    private final Gauge status;
    private final Counter decisions;
    private final Counter actions;
    private final Counter errors;
    private final Histogram cycle;
    private final Counter cycles;
    private final Gauge groups;
    private final Gauge leader;
    private final Gauge lastCycle;
    private final Map<GroupRef, String> statuses = new ConcurrentHashMap<>();

    public ActuatorMetrics() {
        desired = Gauge.builder()
                .name("prescale_desired_count")
                .help("Count the controller wants now (instances).")
                .labelNames(GROUP)
                .register(registry);
        current = Gauge.builder()
                .name("prescale_current_count")
                .help("Count Nomad runs at the last evaluation.")
                .labelNames(GROUP)
                .register(registry);
        load = Gauge.builder()
                .name("prescale_current_load")
                .help("Newest observed load (requests/s).")
                .labelNames(GROUP)
                .register(registry);
        forecast = Gauge.builder()
                .name("prescale_forecast_load")
                .help("Forecast peak load over [now, now + lead] per quantile (requests/s).")
                .labelNames("namespace", "job", "group", "quantile")
                .register(registry);
        status = Gauge.builder()
                .name("prescale_group_status")
                .help("1 for the group's current status.")
                .labelNames("namespace", "job", "group", "status")
                .register(registry);
        decisions = Counter.builder()
                .name("prescale_decisions_total")
                .help("Decisions by action and mode.")
                .labelNames("action", "mode")
                .register(registry);
        actions = Counter.builder()
                .name("prescale_actions_total")
                .help("Changing calls to Nomad by outcome.")
                .labelNames("action", "result")
                .register(registry);
        errors = Counter.builder()
                .name("prescale_errors_total")
                .help("Faults by kind, each counted once.")
                .labelNames("kind")
                .register(registry);
        for (ErrorKind kind : ErrorKind.values()) {
            errors.labelValues(kind.label());
        }
        cycle = Histogram.builder()
                .name("prescale_cycle_duration_seconds")
                .unit(Unit.SECONDS)
                .help("Wall time of one evaluation cycle.")
                .classicUpperBounds(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)
                .register(registry);
        cycles = Counter.builder()
                .name("prescale_cycles_total")
                .help("Evaluation cycles run.")
                .register(registry);
        groups = Gauge.builder()
                .name("prescale_groups")
                .help("Task groups with prescale.enabled = true.")
                .register(registry);
        leader = Gauge.builder()
                .name("prescale_leader")
                .help("1 while this replica holds the leader lock.")
                .register(registry);
        lastCycle = Gauge.builder()
                .name("prescale_last_cycle_timestamp_seconds")
                .help("Unix time of the end of the last cycle.")
                .register(registry);
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    public void group(
            GroupRef ref,
            int currentCount,
            int desiredCount,
            double currentLoad,
            Map<Double, Double> peaks,
            String groupStatus) {
        String[] l = {ref.namespace(), ref.job(), ref.group()};
        current.labelValues(l).set(currentCount);
        desired.labelValues(l).set(desiredCount);
        load.labelValues(l).set(currentLoad);
        peaks.forEach((q, v) -> forecast.labelValues(ref.namespace(), ref.job(), ref.group(), trim(q))
                .set(v));
        status(ref, groupStatus);
    }

    /** Sets the group's one status series, removing the previous one. */
    public void status(GroupRef ref, String groupStatus) {
        String previous = statuses.put(ref, groupStatus);
        if (previous != null && !previous.equals(groupStatus)) {
            status.remove(ref.namespace(), ref.job(), ref.group(), previous);
        }
        status.labelValues(ref.namespace(), ref.job(), ref.group(), groupStatus).set(1);
    }

    public void decision(String action, String mode) {
        decisions.labelValues(action, mode).inc();
    }

    public void action(String action, String result) {
        actions.labelValues(action, result).inc();
    }

    public void error(ErrorKind kind) {
        errors.labelValues(kind.label()).inc();
    }

    /** The count of one error kind so far (for tests and the fault run). */
    public double errors(ErrorKind kind) {
        return errors.labelValues(kind.label()).get();
    }

    public double decisions(String action, String mode) {
        return decisions.labelValues(action, mode).get();
    }

    public void cycle(double seconds, int groupCount, double endEpochSeconds) {
        cycle.observe(seconds);
        cycles.inc();
        groups.set(groupCount);
        lastCycle.set(endEpochSeconds);
    }

    public void leader(boolean isLeader) {
        leader.set(isLeader ? 1 : 0);
    }

    private static String trim(double q) {
        String s = Double.toString(q);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
