package io.prescale.core.store;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * A {@link MetricStore} that also keeps series current: samples are appended idempotently (a time already stored
 * is not stored again; late samples within a window are merged in time order), raw samples are rolled up into
 * {@link RetentionPolicy#ROLLUP_STEP} buckets and removed after a retention, and reads use the finest data that
 * covers each step (raw samples where they are kept, rollups before that). An append never disturbs the
 * all-or-nothing rule of {@link #write}: a write still replaces a series whole (and drops its rollups).
 */
public interface AppendableStore extends MetricStore {
    /**
     * Appends samples to a series, creating it with {@code options}' step, unit and source when it is new. The
     * samples land together (one commit) or, when this throws, not at all.
     *
     * @throws IllegalArgumentException for a bad series name
     * @throws MetricSourceException    when the store fails (full disk, I/O error)
     */
    AppendResult append(String series, AppendOptions options, SampleBatch samples);

    /** The time of the newest stored sample of a series in ms since the epoch, or empty when there is none. */
    OptionalLong newestMillis(String series);

    /**
     * Rolls up the buckets of {@code series} that closed before {@code now - policy.lateness()} and removes raw
     * samples and rollups older than the policy keeps them. Idempotent: a second call at the same {@code now}
     * does nothing.
     *
     * @throws IllegalArgumentException for an unknown series
     */
    MaintenanceResult maintain(String series, RetentionPolicy policy, Instant now);
}
