package io.prescale.core.series;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Puts timestamped rows on a regular grid for {@link TraceReader}: applies the disorder and duplicate rules,
 * infers the step and buckets the samples. See {@link TraceReader} for the rules in words. Not thread-safe.
 */
final class TraceGrid {
    /** Above this many points a trace is surely a mistake (a wrong step or time column). */
    static final long MAX_POINTS = 50_000_000L;

    private static final long SECOND = 1_000_000_000L;

    private final String source;
    private final TraceReadOptions options;
    long[] times;
    double[] values;
    int[] lines;
    int size;
    int reordered;
    int duplicatesMerged;
    int bucketed;
    boolean stepInferred;

    TraceGrid(String source, TraceReadOptions options, long[] times, double[] values, int[] lines, int size) {
        this.source = source;
        this.options = options;
        this.times = times;
        this.values = values;
        this.lines = lines;
        this.size = size;
    }

    /** Runs every rule and returns the series. */
    TimeSeries build() {
        order();
        mergeDuplicates();
        long[] stepAndStart = stepAndStart();
        return bucket(stepAndStart[0], stepAndStart[1]);
    }

    private void order() {
        for (int i = 1; i < size; i++) {
            if (times[i] < times[i - 1]) {
                if (options.onDisorder() == TraceReadOptions.OnDisorder.ERROR) {
                    throw new IllegalArgumentException(source + " line " + lines[i] + ": timestamp "
                            + instant(times[i]) + " goes backwards (line " + lines[i - 1] + " has "
                            + instant(times[i - 1]) + "); use --on-disorder sort to sort the rows");
                }
                reordered++;
            }
        }
        if (reordered == 0) {
            return;
        }
        long[] t = times;
        Integer[] order = IntStream.range(0, size).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingLong(i -> t[i])); // stable: equal times keep file order
        long[] newTimes = new long[size];
        double[] newValues = new double[size];
        int[] newLines = new int[size];
        for (int k = 0; k < size; k++) {
            newTimes[k] = times[order[k]];
            newValues[k] = values[order[k]];
            newLines[k] = lines[order[k]];
        }
        times = newTimes;
        values = newValues;
        lines = newLines;
    }

    private void mergeDuplicates() {
        int out = 0;
        int i = 0;
        while (i < size) {
            int j = i + 1;
            while (j < size && times[j] == times[i]) {
                j++;
            }
            if (j - i > 1 && options.onDuplicate() == TraceReadOptions.OnDuplicate.ERROR) {
                throw new IllegalArgumentException(source + ": duplicate timestamp " + instant(times[i]) + " on lines "
                        + lines[i] + " and " + lines[i + 1] + "; use --on-duplicate mean, sum or last to merge them");
            }
            double merged = j - i == 1
                    ? values[i]
                    : switch (options.onDuplicate()) {
                        case MEAN -> Aggregation.MEAN.apply(values, i, j);
                        case SUM -> Aggregation.SUM.apply(values, i, j);
                        case LAST, ERROR -> values[j - 1];
                    };
            times[out] = times[i];
            values[out] = merged;
            lines[out] = lines[i];
            out++;
            duplicatesMerged += j - i - 1;
            i = j;
        }
        size = out;
    }

    /** {step, start} in nanoseconds. */
    private long[] stepAndStart() {
        if (options.step() != null) {
            return new long[] {options.step().toNanos(), times[0]};
        }
        if (size < 2) {
            return new long[] {SECOND, times[0]};
        }
        stepInferred = true;
        long[] diffs = new long[size - 1];
        for (int i = 1; i < size; i++) {
            diffs[i - 1] = times[i] - times[i - 1];
        }
        Arrays.sort(diffs);
        long mode = diffs[0];
        int modeCount = 0;
        for (int i = 0; i < diffs.length; ) {
            int j = i;
            while (j < diffs.length && diffs[j] == diffs[i]) {
                j++;
            }
            if (j - i > modeCount) {
                mode = diffs[i];
                modeCount = j - i;
            }
            i = j;
        }
        if ((long) modeCount * 4 >= diffs.length) {
            return new long[] {mode, times[0]};
        }
        long median = diffs[diffs.length / 2];
        long step = Math.max(SECOND, (median + SECOND - 1) / SECOND * SECOND);
        return new long[] {step, Math.floorDiv(times[0], step) * step};
    }

    private TimeSeries bucket(long step, long start) {
        long points = (times[size - 1] - start) / step + 1;
        if (points > MAX_POINTS) {
            throw new IllegalArgumentException(source + ": a step of " + Duration.ofNanos(step) + " from "
                    + instant(start) + " to " + instant(times[size - 1]) + " makes " + points
                    + " points (at most " + MAX_POINTS + "); give a larger --step");
        }
        double[] grid = new double[(int) points];
        Arrays.fill(grid, Double.NaN);
        int[] counts = new int[grid.length];
        int previous = -1;
        for (int i = 0; i < size; i++) {
            long offset = times[i] - start;
            int index = (int) (offset / step);
            if (offset % step != 0 || index == previous) {
                bucketed++;
            }
            previous = index;
            if (Double.isNaN(values[i])) {
                continue;
            }
            grid[index] = counts[index] == 0 ? values[i] : grid[index] + values[i];
            counts[index]++;
        }
        if (options.unit() == LoadProfile.Unit.RATE) {
            for (int k = 0; k < grid.length; k++) {
                if (counts[k] > 1) {
                    grid[k] /= counts[k];
                }
            }
        }
        return TimeSeries.of(instant(start), Duration.ofNanos(step), grid);
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, SECOND), Math.floorMod(nanos, SECOND));
    }
}
