package io.prescale.collect;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the collector did since it started.
 *
 * @param started        when it started
 * @param at             when the report was taken
 * @param series         one entry per configured series, push rules first, in configuration order
 * @param requests       remote-write requests by HTTP status answered
 * @param ignoredSamples remote-written samples that matched no selector
 * @param storeErrors    appends and maintenance rounds the store failed
 * @param maintenance    rollup buckets written, raw and rollup rows removed, summed over the series
 */
public record CollectReport(
        Instant started,
        Instant at,
        List<SeriesReport> series,
        Map<Integer, Long> requests,
        long ignoredSamples,
        long storeErrors,
        Map<String, Long> maintenance) {
    public CollectReport {
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(at, "at");
        series = List.copyOf(series);
        requests = Map.copyOf(requests);
        maintenance = Map.copyOf(maintenance);
    }
}
