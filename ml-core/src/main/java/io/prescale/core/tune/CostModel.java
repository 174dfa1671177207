package io.prescale.core.tune;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Cost per hour of a configuration: {@code count × (perInstanceHour + perCoreHour × cores + perGbHour × memoryGb)},
 * where cores is the knob with role {@code cpus} (1 without one) and memory is {@code baseMemoryMb} plus the
 * knob with role {@code memory-mb} plus {@code memoryMbPer[knob] × value} for each listed knob (threads' stacks, a
 * cache's size).
 *
 * @param perInstanceHour cost of one instance per hour, ≥ 0
 * @param perCoreHour cost of one core per hour, ≥ 0
 * @param perGbHour cost of one GiB of memory per hour, ≥ 0
 * @param baseMemoryMb memory of an instance before its knobs, MiB, ≥ 0
 * @param memoryMbPer knob name → MiB per unit of its value
 */
public record CostModel(
        double perInstanceHour,
        double perCoreHour,
        double perGbHour,
        double baseMemoryMb,
        Map<String, Double> memoryMbPer) {
    public CostModel {
        check(perInstanceHour, "perInstanceHour");
        check(perCoreHour, "perCoreHour");
        check(perGbHour, "perGbHour");
        check(baseMemoryMb, "baseMemoryMb");
        Map<String, Double> copy = new LinkedHashMap<>();
        Objects.requireNonNull(memoryMbPer, "memoryMbPer").forEach((knob, mb) -> {
            check(mb, "memoryMbPer." + knob);
            copy.put(knob, mb);
        });
        memoryMbPer = Collections.unmodifiableMap(copy);
        if (perInstanceHour + perCoreHour + perGbHour <= 0) {
            throw new IllegalArgumentException(
                    "cost model must price something: perInstanceHour, perCoreHour and perGbHour are all 0");
        }
    }

    /** Cost per hour of running {@code count} instances of {@code config} (the count knob itself is ignored). */
    public double perHour(ConfigSpace space, Configuration config, double count) {
        double cores = space.roleValue(config, Knob.Role.CPUS, 1);
        double memoryMb = baseMemoryMb + space.roleValue(config, Knob.Role.MEMORY_MB, 0);
        for (Map.Entry<String, Double> entry : memoryMbPer.entrySet()) {
            memoryMb += entry.getValue() * config.get(entry.getKey());
        }
        return count * (perInstanceHour + perCoreHour * cores + perGbHour * memoryMb / 1024);
    }

    private static void check(double value, String field) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("cost " + field + " must be a finite number ≥ 0, got " + value);
        }
    }
}
