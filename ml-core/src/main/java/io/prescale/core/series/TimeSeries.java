package io.prescale.core.series;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable, regularly stepped series: value {@code i} covers {@code [start + i·step, start + (i+1)·step)}.
 * Gaps are NaN and every consumer handles them explicitly. Values may be any finite number or NaN; infinities
 * are rejected. Thread-safe.
 */
public final class TimeSeries {
    private final Instant start;
    private final Duration step;
    private final double[] values;

    private TimeSeries(Instant start, Duration step, double[] values) {
        this.start = Objects.requireNonNull(start, "start");
        this.step = Objects.requireNonNull(step, "step");
        if (step.isZero() || step.isNegative()) {
            throw new IllegalArgumentException("step must be positive, got " + step);
        }
        this.values = values;
        for (int i = 0; i < values.length; i++) {
            if (Double.isInfinite(values[i])) {
                throw new IllegalArgumentException("value " + i + " is infinite; use NaN for a gap");
            }
        }
    }

    /** A series from a copy of {@code values}. */
    public static TimeSeries of(Instant start, Duration step, double[] values) {
        return new TimeSeries(
                start, step, Objects.requireNonNull(values, "values").clone());
    }

    /** Start of the first step (inclusive). */
    public Instant start() {
        return start;
    }

    /** Length of every step. */
    public Duration step() {
        return step;
    }

    /** End of the last step (exclusive). */
    public Instant end() {
        return timeAt(values.length);
    }

    public int size() {
        return values.length;
    }

    public boolean isEmpty() {
        return values.length == 0;
    }

    /** Start of step {@code i}; {@code i} may equal {@link #size()}. */
    public Instant timeAt(int i) {
        return start.plus(step.multipliedBy(i));
    }

    public double valueAt(int i) {
        return values[i];
    }

    /** A copy of the values. */
    public double[] values() {
        return values.clone();
    }

    /** Index of the step that contains {@code time}: may be negative or ≥ size when outside. */
    public long indexOf(Instant time) {
        Duration offset = Duration.between(start, time);
        return Math.floorDiv(offset.toNanos(), step.toNanos());
    }

    /** Number of NaN steps. */
    public int gapCount() {
        int gaps = 0;
        for (double v : values) {
            if (Double.isNaN(v)) {
                gaps++;
            }
        }
        return gaps;
    }

    /** Steps {@code [from, to)} as a new series. */
    public TimeSeries slice(int from, int to) {
        if (from < 0 || to > values.length || from > to) {
            throw new IllegalArgumentException(
                    "slice [" + from + ", " + to + ") is outside [0, " + values.length + ")");
        }
        return new TimeSeries(timeAt(from), step, Arrays.copyOfRange(values, from, to));
    }

    /** The steps whose start lies in {@code [from, to)}, clipped to this series. */
    public TimeSeries between(Instant from, Instant to) {
        int first = (int) Math.min(values.length, Math.max(0, ceilIndex(from)));
        int last = (int) Math.min(values.length, Math.max(first, ceilIndex(to)));
        return slice(first, last);
    }

    private long ceilIndex(Instant time) {
        long stepNanos = step.toNanos();
        long offset = Duration.between(start, time).toNanos();
        return Math.floorDiv(offset + stepNanos - 1, stepNanos);
    }

    /** The same steps with other values (same length). */
    public TimeSeries withValues(double[] newValues) {
        if (newValues.length != values.length) {
            throw new IllegalArgumentException("expected " + values.length + " values, got " + newValues.length);
        }
        return of(start, step, newValues);
    }

    /**
     * Down-samples to {@code newStep}, which must be a whole multiple of {@link #step()}. Buckets are aligned to
     * {@code start}; a trailing partial bucket is aggregated from what it has.
     */
    public TimeSeries resample(Duration newStep, Aggregation aggregation) {
        Objects.requireNonNull(aggregation, "aggregation");
        if (newStep.isZero() || newStep.isNegative()) {
            throw new IllegalArgumentException("step must be positive, got " + newStep);
        }
        long factorNanos = newStep.toNanos() / step.toNanos();
        if (factorNanos < 1 || newStep.toNanos() % step.toNanos() != 0) {
            throw new IllegalArgumentException(
                    "step " + newStep + " is not a whole multiple of the series step " + step);
        }
        int factor = Math.toIntExact(factorNanos);
        int buckets = (values.length + factor - 1) / factor;
        double[] out = new double[buckets];
        for (int b = 0; b < buckets; b++) {
            out[b] = aggregation.apply(values, b * factor, Math.min(values.length, (b + 1) * factor));
        }
        return new TimeSeries(start, newStep, out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeSeries other
                && start.equals(other.start)
                && step.equals(other.step)
                && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, step, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "TimeSeries[start=" + start + ", step=" + step + ", size=" + values.length + ", gaps=" + gapCount()
                + "]";
    }
}
