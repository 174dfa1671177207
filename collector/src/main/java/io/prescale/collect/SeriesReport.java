package io.prescale.collect;

import java.util.Objects;

/**
 * What the collector did for one configured series since it started.
 *
 * @param name          the store's series name
 * @param mode          {@code push} (remote write) or {@code pull}
 * @param source        the selector or the PromQL query
 * @param received      samples received or read
 * @param stored        samples written
 * @param duplicates    samples already stored
 * @param tooOld        samples older than the out-of-order window allows
 * @param gaps          NaN samples and staleness markers
 * @param ambiguous     samples of a second series matching the selector
 * @param storeErrors   samples lost to store failures (the sender retries them on 5xx)
 * @param pullFailures  failed pull rounds
 * @param newestMillis  newest stored sample, ms since the epoch, or null when there is none
 * @param lagSeconds    age of the newest stored sample at report time, or null when there is none
 * @param lastError     the last failure's message, or null
 */
public record SeriesReport(
        String name,
        String mode,
        String source,
        long received,
        long stored,
        long duplicates,
        long tooOld,
        long gaps,
        long ambiguous,
        long storeErrors,
        long pullFailures,
        Long newestMillis,
        Double lagSeconds,
        String lastError) {
    public SeriesReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(source, "source");
    }
}
