package io.prescale.core.store;

import java.util.Arrays;
import java.util.Objects;

/**
 * Samples of one series to append: pairs of a time in milliseconds since the epoch (Prometheus' resolution) and
 * a value, in any order. A NaN value (including Prometheus' staleness marker, which is a NaN) is a gap and is not
 * stored. The arrays are copied in and out.
 *
 * @param epochMillis sample times, milliseconds since 1970-01-01T00:00:00Z
 * @param values      sample values, one per time
 */
public record SampleBatch(long[] epochMillis, double[] values) {
    public SampleBatch {
        Objects.requireNonNull(epochMillis, "epochMillis");
        Objects.requireNonNull(values, "values");
        if (epochMillis.length != values.length) {
            throw new IllegalArgumentException("epochMillis and values must have the same length, got "
                    + epochMillis.length + " and " + values.length);
        }
        epochMillis = epochMillis.clone();
        values = values.clone();
    }

    /** The first {@code size} pairs of the two arrays. */
    public static SampleBatch of(long[] epochMillis, double[] values, int size) {
        if (size < 0 || size > epochMillis.length || size > values.length) {
            throw new IllegalArgumentException(
                    "size must be in [0, " + Math.min(epochMillis.length, values.length) + "], got " + size);
        }
        return new SampleBatch(Arrays.copyOf(epochMillis, size), Arrays.copyOf(values, size));
    }

    /** Number of samples. */
    public int size() {
        return epochMillis.length;
    }

    @Override
    public long[] epochMillis() {
        return epochMillis.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** Time of sample {@code i}, without copying. */
    public long epochMillisAt(int i) {
        return epochMillis[i];
    }

    /** Value of sample {@code i}, without copying. */
    public double valueAt(int i) {
        return values[i];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SampleBatch that
                && Arrays.equals(epochMillis, that.epochMillis)
                && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(epochMillis) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "SampleBatch[size=" + size() + "]";
    }
}
