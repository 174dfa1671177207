package io.prescale.core.store;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a collected series keeps its raw samples and its {@link #ROLLUP_STEP} rollups (mean, min, max and
 * count per bucket), and how long a bucket stays open for late samples before it is rolled up. Raw samples are
 * removed a partition at a time, once the whole partition is older than {@code raw} and rolled up. Build with
 * {@code defaults().withX(…)}.
 *
 * @param raw      raw samples older than this are removed; positive
 * @param rollups  rollups older than this are removed; at least {@code raw}
 * @param lateness a bucket is rolled up once its end is this far in the past; zero or positive
 */
public record RetentionPolicy(Duration raw, Duration rollups, Duration lateness) {
    /** The width of one rollup bucket. */
    public static final Duration ROLLUP_STEP = Duration.ofMinutes(5);

    public RetentionPolicy {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(rollups, "rollups");
        Objects.requireNonNull(lateness, "lateness");
        if (raw.isZero() || raw.isNegative()) {
            throw new IllegalArgumentException("raw retention must be positive, got " + raw);
        }
        if (rollups.compareTo(raw) < 0) {
            throw new IllegalArgumentException(
                    "rollup retention " + rollups + " must be at least the raw retention " + raw);
        }
        if (lateness.isNegative()) {
            throw new IllegalArgumentException("lateness must be zero or positive, got " + lateness);
        }
    }

    /** Raw 35 days, rollups 730 days (two years), lateness one hour (the default out-of-order window). */
    public static RetentionPolicy defaults() {
        return new RetentionPolicy(Duration.ofDays(35), Duration.ofDays(730), AppendOptions.DEFAULT_WINDOW);
    }

    public RetentionPolicy withRaw(Duration value) {
        return new RetentionPolicy(value, rollups, lateness);
    }

    public RetentionPolicy withRollups(Duration value) {
        return new RetentionPolicy(raw, value, lateness);
    }

    public RetentionPolicy withLateness(Duration value) {
        return new RetentionPolicy(raw, rollups, value);
    }
}
