package io.prescale.nomad.annotations;

import io.prescale.core.scale.Bounds;
import io.prescale.nomad.client.GoDuration;
import io.prescale.nomad.client.Job;
import io.prescale.nomad.client.ScalingBlock;
import io.prescale.nomad.client.TaskGroup;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code prescale.*} meta of task groups. A group's own meta wins over its job's. Keys:
 *
 * <table>
 *   <caption>annotations</caption>
 *   <tr><th>key</th><th>value</th><th>default</th></tr>
 *   <tr><td>{@code prescale.enabled}</td><td>{@code true} to take part</td><td>off</td></tr>
 *   <tr><td>{@code prescale.query}</td><td>PromQL, or {@code store:SERIES}</td><td>required</td></tr>
 *   <tr><td>{@code prescale.lead}</td><td>duration ({@code 10m}, {@code 90s}, {@code PT10M})</td><td>10m</td></tr>
 *   <tr><td>{@code prescale.mode}</td><td>{@code forecast-and-scale}, {@code autoscaler}, {@code forecast-only}</td><td>the actuator's</td></tr>
 *   <tr><td>{@code prescale.policy}</td><td>name of a published policy</td><td>—</td></tr>
 *   <tr><td>{@code prescale.quantile}</td><td>in (0, 1)</td><td>0.9</td></tr>
 *   <tr><td>{@code prescale.cooldown}</td><td>duration</td><td>5m</td></tr>
 *   <tr><td>{@code prescale.capacity}</td><td>requests/s per instance when no policy</td><td>—</td></tr>
 *   <tr><td>{@code prescale.events}</td><td>event kinds of the actuator's calendar that move this load, comma-separated, or
 *   {@code *} for all</td><td>none</td></tr>
 *   <tr><td>{@code prescale.max-unserved}</td><td>risk budget in (0, 1): the quantile is chosen at each refit as the
 *   lowest whose replayed unserved share stays within it (replaces {@code prescale.quantile})</td><td>—</td></tr>
 *   <tr><td>{@code prescale.interval}</td><td>evaluate this group at most this often (duration ≥ the actuator's
 *   interval to matter, ≤ 24h)</td><td>every cycle</td></tr>
 * </table>
 * Bounds come from the group's {@code scaling} block ({@code min}, {@code max}, {@code enabled}); a group without
 * one is invalid, a disabled one is {@code disabled}. Unknown {@code prescale.*} keys are invalid (a typo must be
 * seen, not ignored).
 */
public final class Annotations {
    public static final String PREFIX = "prescale.";
    public static final String ENABLED = "prescale.enabled";
    public static final String QUERY = "prescale.query";
    public static final String LEAD = "prescale.lead";
    public static final String MODE = "prescale.mode";
    public static final String POLICY = "prescale.policy";
    public static final String QUANTILE = "prescale.quantile";
    public static final String COOLDOWN = "prescale.cooldown";
    public static final String CAPACITY = "prescale.capacity";
    public static final String EVENTS = "prescale.events";
    public static final String MAX_UNSERVED = "prescale.max-unserved";
    public static final String INTERVAL = "prescale.interval";
    private static final Set<String> KEYS =
            Set.of(ENABLED, QUERY, LEAD, MODE, POLICY, QUANTILE, COOLDOWN, CAPACITY, EVENTS, MAX_UNSERVED, INTERVAL);
    private static final Pattern KIND = Pattern.compile("[^,]{1,128}");
    private static final Pattern POLICY_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** Defaults for keys a group leaves out. */
    public record Defaults(Mode mode, Duration lead, Duration cooldown, double quantile) {
        public Defaults {
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(lead, "lead");
            Objects.requireNonNull(cooldown, "cooldown");
        }

        /** forecast-only, lead 10m, cooldown 5m, p90. */
        public static Defaults defaults() {
            return new Defaults(Mode.FORECAST_ONLY, Duration.ofMinutes(10), Duration.ofMinutes(5), 0.9);
        }

        public Defaults withMode(Mode m) {
            return new Defaults(m, lead, cooldown, quantile);
        }
    }

    private Annotations() {}

    /** Whether the group (or its job) asked for predictive scaling: {@code prescale.enabled = "true"}. */
    public static boolean enabled(Job job, TaskGroup group) {
        String v = merged(job, group).get(ENABLED);
        return v != null && v.strip().equalsIgnoreCase("true");
    }

    /** Every group of {@code job} that asked for predictive scaling, each parsed or with its reason. */
    public static List<Annotated> read(Job job, Defaults defaults) {
        List<Annotated> out = new ArrayList<>();
        for (TaskGroup g : job.taskGroups()) {
            if (enabled(job, g)) {
                out.add(read(job, g, defaults));
            }
        }
        return out;
    }

    /** One group, parsed; never throws for bad annotations. */
    public static Annotated read(Job job, TaskGroup group, Defaults defaults) {
        GroupRef ref = new GroupRef(job.namespace(), job.id(), group.name());
        Map<String, String> meta = merged(job, group);
        List<String> problems = new ArrayList<>();
        for (String key : meta.keySet()) {
            if (key.startsWith(PREFIX) && !KEYS.contains(key)) {
                problems.add("unknown annotation " + key + " (known: "
                        + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
        String query = meta.get(QUERY);
        if (query == null || query.isBlank()) {
            problems.add(QUERY + " is missing: give PromQL or store:SERIES");
        } else if (query.strip().startsWith(GroupSpec.STORE_PREFIX)
                && query.strip().substring(GroupSpec.STORE_PREFIX.length()).isBlank()) {
            problems.add(QUERY + " 'store:' needs a series name");
        }
        Duration lead = duration(meta, LEAD, defaults.lead(), problems, false);
        Duration cooldown = duration(meta, COOLDOWN, defaults.cooldown(), problems, true);
        Mode mode = defaults.mode();
        if (meta.containsKey(MODE)) {
            try {
                mode = Mode.parse(meta.get(MODE));
            } catch (IllegalArgumentException e) {
                problems.add(MODE + " " + e.getMessage());
            }
        }
        String policy = meta.get(POLICY);
        if (policy != null && !POLICY_NAME.matcher(policy.strip()).matches()) {
            problems.add(POLICY + " must match [A-Za-z0-9._-]{1,64}, got '" + policy + "'");
        }
        double quantile = number(meta, QUANTILE, defaults.quantile(), problems);
        if (!(quantile > 0 && quantile < 1)) {
            problems.add(QUANTILE + " must be in (0, 1), got " + meta.get(QUANTILE));
        }
        double capacity = number(meta, CAPACITY, Double.NaN, problems);
        if (meta.containsKey(CAPACITY) && !(capacity > 0 && Double.isFinite(capacity))) {
            problems.add(CAPACITY + " must be a positive number of requests/s per instance, got " + meta.get(CAPACITY));
        }
        double maxUnserved = number(meta, MAX_UNSERVED, Double.NaN, problems);
        if (meta.containsKey(MAX_UNSERVED) && !(maxUnserved > 0 && maxUnserved < 1)) {
            problems.add(MAX_UNSERVED + " must be a share in (0, 1) such as 0.01, got " + meta.get(MAX_UNSERVED));
        }
        Set<String> kinds = kinds(meta.get(EVENTS), problems);
        Duration interval = meta.containsKey(INTERVAL) ? duration(meta, INTERVAL, null, problems, false) : null;
        if (policy == null && !meta.containsKey(CAPACITY)) {
            problems.add("give " + POLICY + " (a published policy) or " + CAPACITY + " (requests/s per instance)");
        }
        Bounds bounds = null;
        ScalingBlock s = group.scaling();
        if (s == null) {
            problems.add("the group has no scaling block: add scaling { min = …, max = … } for the bounds");
        } else if (!s.enabled()) {
            return new Annotated(
                    ref,
                    null,
                    Annotated.DISABLED,
                    "the group's scaling block is disabled (enabled = false)",
                    group.count(),
                    job.jobModifyIndex());
        } else if (!"horizontal".equals(s.type())) {
            problems.add("the scaling block is of type " + s.type() + ", only horizontal is scaled");
        } else {
            long min = s.min() == null ? group.count() : s.min();
            if (s.max() < 0 || s.max() < min || min < 0) {
                problems.add("scaling bounds must satisfy 0 ≤ min ≤ max, got min " + min + ", max " + s.max());
            } else {
                bounds = Bounds.of((int) min, (int) Math.min(Integer.MAX_VALUE, s.max()));
            }
        }
        if (!problems.isEmpty()) {
            return new Annotated(
                    ref, null, Annotated.INVALID, String.join("; ", problems), group.count(), job.jobModifyIndex());
        }
        GroupSpec spec = new GroupSpec(
                ref,
                query.strip(),
                lead,
                mode,
                policy == null ? null : policy.strip(),
                capacity,
                quantile,
                cooldown,
                bounds,
                kinds,
                maxUnserved,
                interval);
        return new Annotated(ref, spec, Annotated.OK, "", group.count(), job.jobModifyIndex());
    }

    /** The event kinds a group names: empty for none, {@code [*]} for every kind of the calendar. */
    private static Set<String> kinds(String text, List<String> problems) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        for (String part : text.split(",")) {
            String kind = part.strip();
            if (kind.isEmpty() || !KIND.matcher(kind).matches()) {
                problems.add(EVENTS + " must list event kinds separated by commas (or *), got '" + text + "'");
                return Set.of();
            }
            out.add(kind);
        }
        if (out.contains(GroupSpec.ALL_EVENTS) && out.size() > 1) {
            problems.add(EVENTS + " is either * or a list of kinds, got '" + text + "'");
            return Set.of();
        }
        return Set.copyOf(out);
    }

    private static Map<String, String> merged(Job job, TaskGroup group) {
        Map<String, String> meta = new HashMap<>();
        job.meta().forEach((k, v) -> {
            if (k.startsWith(PREFIX)) {
                meta.put(k, v);
            }
        });
        group.meta().forEach((k, v) -> {
            if (k.startsWith(PREFIX)) {
                meta.put(k, v);
            }
        });
        return meta;
    }

    private static Duration duration(
            Map<String, String> meta, String key, Duration otherwise, List<String> problems, boolean zeroAllowed) {
        String text = meta.get(key);
        if (text == null) {
            return otherwise;
        }
        try {
            Duration d = parseDuration(text);
            if (d.isNegative() || (!zeroAllowed && d.isZero()) || d.compareTo(Duration.ofDays(1)) > 0) {
                problems.add(key + " must be " + (zeroAllowed ? "≥ 0" : "> 0") + " and ≤ 24h, got " + text);
            }
            return d;
        } catch (IllegalArgumentException e) {
            problems.add(key + " must be a duration such as 10m, 90s or PT10M, got '" + text + "'");
            return otherwise;
        }
    }

    /** {@code 90s}, {@code 10m}, {@code 1h30m}, {@code 2d}, or ISO-8601 ({@code PT10M}). */
    public static Duration parseDuration(String text) {
        String t = text.strip();
        if (t.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not a duration: " + text, e);
            }
        }
        if (t.endsWith("d")
                && t.length() > 1
                && t.substring(0, t.length() - 1).chars().allMatch(Character::isDigit)) {
            return Duration.ofDays(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        return GoDuration.parse(t);
    }

    private static double number(Map<String, String> meta, String key, double otherwise, List<String> problems) {
        String text = meta.get(key);
        if (text == null) {
            return otherwise;
        }
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            problems.add(key + " must be a number, got '" + text + "'");
            return otherwise;
        }
    }
}
