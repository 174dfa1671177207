package io.prescale.core.store;

import io.prescale.core.series.LoadProfile;
import java.time.Duration;
import java.util.Objects;

/**
 * How samples are appended to a series: the step readers should assume (the scrape or evaluation interval; it
 * decides how gaps are counted), the unit and source kept with a new series, and how far behind the newest stored
 * sample a late sample may arrive and still be merged. Build with {@code defaults().withX(…)}.
 *
 * @param step             the nominal interval between samples; positive, whole microseconds
 * @param unit             what the values mean
 * @param source           where the samples come from (no credentials), for listings
 * @param outOfOrderWindow samples older than the newest stored one by more than this are rejected as too old;
 *                         zero or positive
 */
public record AppendOptions(Duration step, LoadProfile.Unit unit, String source, Duration outOfOrderWindow) {
    /** Step when none is given: Prometheus' default scrape interval. */
    public static final Duration DEFAULT_STEP = Duration.ofSeconds(15);
    /** Out-of-order window when none is given. */
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);

    public AppendOptions {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(outOfOrderWindow, "outOfOrderWindow");
        if (step.isZero() || step.isNegative() || step.toNanos() % 1000 != 0) {
            throw new IllegalArgumentException("step must be a positive whole number of microseconds, got " + step);
        }
        if (outOfOrderWindow.isNegative()) {
            throw new IllegalArgumentException("outOfOrderWindow must be zero or positive, got " + outOfOrderWindow);
        }
    }

    /** Step 15 s, unit rate, source "collect", window 1 h. */
    public static AppendOptions defaults() {
        return new AppendOptions(DEFAULT_STEP, LoadProfile.Unit.RATE, "collect", DEFAULT_WINDOW);
    }

    public AppendOptions withStep(Duration value) {
        return new AppendOptions(value, unit, source, outOfOrderWindow);
    }

    public AppendOptions withUnit(LoadProfile.Unit value) {
        return new AppendOptions(step, value, source, outOfOrderWindow);
    }

    public AppendOptions withSource(String value) {
        return new AppendOptions(step, unit, value, outOfOrderWindow);
    }

    public AppendOptions withOutOfOrderWindow(Duration value) {
        return new AppendOptions(step, unit, source, value);
    }
}
