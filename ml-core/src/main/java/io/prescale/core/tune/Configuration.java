package io.prescale.core.tune;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One point of a {@link ConfigSpace}: a value for every knob, in the space's knob order. Immutable.
 *
 * @param values knob name → value
 */
public record Configuration(Map<String, Double> values) {
    public Configuration {
        Map<String, Double> copy = new LinkedHashMap<>();
        Objects.requireNonNull(values, "values").forEach((name, value) -> {
            if (value == null || !Double.isFinite(value)) {
                throw new IllegalArgumentException("configuration value '" + name + "' must be finite, got " + value);
            }
            copy.put(name, value);
        });
        values = Collections.unmodifiableMap(copy);
    }

    /** The value of {@code knob}. */
    public double get(String knob) {
        Double value = values.get(knob);
        if (value == null) {
            throw new IllegalArgumentException("configuration has no knob '" + knob + "', it has " + values.keySet());
        }
        return value;
    }

    /** A copy with {@code knob} set to {@code value}. */
    public Configuration with(String knob, double value) {
        Map<String, Double> copy = new LinkedHashMap<>(values);
        copy.put(knob, value);
        return new Configuration(copy);
    }

    /** Short text, e.g. {@code count=2 cpus=1 threads=8}. */
    @Override
    public String toString() {
        return values.entrySet().stream()
                .map(e -> e.getKey() + "="
                        + (e.getValue() == Math.rint(e.getValue())
                                ? String.valueOf(e.getValue().longValue())
                                : String.valueOf(e.getValue())))
                .collect(Collectors.joining(" "));
    }
}
