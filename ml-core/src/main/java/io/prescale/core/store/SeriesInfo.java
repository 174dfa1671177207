package io.prescale.core.store;

import io.prescale.core.series.LoadProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a store holds of one series.
 *
 * @param name    the series name
 * @param start   time of the first sample
 * @param end     time of the last sample plus one step (exclusive)
 * @param step    the step the series was written with
 * @param count   samples stored (gaps are not stored)
 * @param gaps    steps between start and end without a sample
 * @param unit    what the values mean
 * @param source  where the values came from
 */
public record SeriesInfo(
        String name,
        Instant start,
        Instant end,
        Duration step,
        long count,
        long gaps,
        LoadProfile.Unit unit,
        String source) {
    public SeriesInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(source, "source");
        if (count < 0 || gaps < 0) {
            throw new IllegalArgumentException("count and gaps must be >= 0, got " + count + " and " + gaps);
        }
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end " + end + " is before start " + start);
        }
    }
}
