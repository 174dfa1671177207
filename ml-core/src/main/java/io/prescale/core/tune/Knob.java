package io.prescale.core.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One tunable knob of a {@link ConfigSpace}: its values {@code min, min + step, …, max}, how it is applied to a
 * Nomad task group, and what it means to the capacity model.
 *
 * @param name the key in a configuration and in the policy's band config ({@code count} for the instance count)
 * @param type integer or real values
 * @param min smallest value
 * @param max largest value, ≥ min
 * @param step spacing of the values, &gt; 0
 * @param apply where the value goes in a Nomad job
 * @param key the env variable or meta key for {@link Apply#ENV} and {@link Apply#META}, else null
 * @param flag the reference-service flag a local target passes the value as (e.g. {@code --threads}), or null
 * @param role what the knob is to the capacity model's physics
 * @param restart whether changing it restarts the instances
 */
public record Knob(
        String name,
        Type type,
        double min,
        double max,
        double step,
        Apply apply,
        String key,
        String flag,
        Role role,
        boolean restart) {
    /** Integer or real values. */
    public enum Type {
        INT,
        DOUBLE
    }

    /** Where a knob's value is applied in a Nomad job. */
    public enum Apply {
        /** the group's {@code count} */
        COUNT("count"),
        /** the task's {@code resources.cpu} (MHz; the value is in cores × 1000) */
        CPU("resources.cpu"),
        /** the task's {@code resources.memory} (MiB) */
        MEMORY("resources.memory"),
        /** an environment variable of the task ({@code key}) */
        ENV("env"),
        /** a meta value of the group ({@code key}) */
        META("meta");

        private final String text;

        Apply(String text) {
            this.text = text;
        }

        /** The spelling in a space file. */
        public String text() {
            return text;
        }

        /** Parses a space file's spelling. */
        public static Apply parse(String text) {
            for (Apply apply : values()) {
                if (apply.text.equals(text)) {
                    return apply;
                }
            }
            throw new IllegalArgumentException(
                    "unknown apply mode '" + text + "'; expected count, resources.cpu, resources.memory, env or meta");
        }
    }

    /** What the knob is to the capacity model. */
    public enum Role {
        INSTANCES,
        CPUS,
        THREADS,
        QUEUE,
        CACHE_MB,
        MEMORY_MB,
        OTHER;

        /** Parses {@code instances|cpus|threads|queue|cache-mb|memory-mb|other}. */
        public static Role parse(String text) {
            for (Role role : values()) {
                if (role.text().equals(text)) {
                    return role;
                }
            }
            throw new IllegalArgumentException("unknown role '" + text
                    + "'; expected instances, cpus, threads, queue, cache-mb, memory-mb or other");
        }

        public String text() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public Knob {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("knob name must not be blank");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(apply, "apply");
        Objects.requireNonNull(role, "role");
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException(
                    "knob '" + name + "' range must be finite, got [" + min + ", " + max + "]");
        }
        if (max < min) {
            throw new IllegalArgumentException(
                    "knob '" + name + "' range is inverted: min " + fmt(min) + " > max " + fmt(max));
        }
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("knob '" + name + "' step must be > 0, got " + step);
        }
        if (type == Type.INT && (min != Math.rint(min) || max != Math.rint(max) || step != Math.rint(step))) {
            throw new IllegalArgumentException("knob '" + name + "' is int but its min, max or step is not whole");
        }
        if ((apply == Apply.ENV || apply == Apply.META) && (key == null || key.isBlank())) {
            throw new IllegalArgumentException("knob '" + name + "' applies to " + apply.text() + " and needs a key");
        }
        if (apply == Apply.COUNT && role != Role.INSTANCES) {
            throw new IllegalArgumentException("knob '" + name + "' applies to count, its role must be instances");
        }
        if (role == Role.INSTANCES && min < 1) {
            throw new IllegalArgumentException("knob '" + name + "' (instances) must have min ≥ 1, got " + fmt(min));
        }
    }

    /** All values from min to max by step (max included when the range is a whole number of steps). */
    public List<Double> levels() {
        List<Double> levels = new ArrayList<>();
        long n = Math.round(Math.floor((max - min) / step + 1e-9));
        for (long i = 0; i <= n; i++) {
            levels.add(snap(min + i * step));
        }
        return levels;
    }

    /** The level nearest to {@code u·(max − min) + min} for u in [0, 1]. */
    public double at(double u) {
        List<Double> levels = levels();
        int index = (int) Math.min(levels.size() - 1, Math.floor(Math.max(0, Math.min(1, u)) * levels.size()));
        return levels.get(index);
    }

    /** Where {@code value} lies in [0, 1] over the range (0 for a one-value knob). */
    public double unit(double value) {
        return max == min ? 0 : (value - min) / (max - min);
    }

    private double snap(double value) {
        return type == Type.INT ? Math.rint(value) : Math.rint(value * 1e9) / 1e9;
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
