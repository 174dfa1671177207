package io.prescale.core.store;

import java.util.Objects;

/**
 * What one append did with the samples it was given. Every sample is counted once:
 * {@code received = stored + duplicates + tooOld + gaps}.
 *
 * @param series     the series name
 * @param received   samples given
 * @param stored     samples written
 * @param duplicates samples whose time was already stored (or repeated in the batch; the last one counts), not written
 * @param tooOld     samples older than the newest stored one by more than the out-of-order window, or before
 *                   1970, not written
 * @param gaps       NaN or infinite samples (gaps, Prometheus staleness markers), not written
 * @param newestMillis the newest stored sample after the append, ms since the epoch; {@link Long#MIN_VALUE} when
 *                   the series holds none
 */
public record AppendResult(
        String series, int received, int stored, int duplicates, int tooOld, int gaps, long newestMillis) {
    public AppendResult {
        Objects.requireNonNull(series, "series");
        if (received < 0 || stored < 0 || duplicates < 0 || tooOld < 0 || gaps < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
        if (received != stored + duplicates + tooOld + gaps) {
            throw new IllegalArgumentException("received " + received + " != stored " + stored + " + duplicates "
                    + duplicates + " + tooOld " + tooOld + " + gaps " + gaps);
        }
    }
}
