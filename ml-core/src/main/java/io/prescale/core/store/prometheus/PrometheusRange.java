package io.prescale.core.store.prometheus;

import io.prescale.core.series.TimeSeries;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one range read: the series on the requested grid and what the caller should know about it.
 *
 * @param series          the values on {@code [start, end)} at the step; NaN where Prometheus returned no sample,
 *                        returned {@code NaN}, or returned {@code ±Inf}
 * @param labels          the label set of the one series Prometheus returned (empty when it returned none, and
 *                        also for aggregations such as {@code sum(…)}, whose result has no labels)
 * @param matched         whether Prometheus returned a series in any request; false means every value is a gap
 * @param requests        HTTP requests made (the range is split to respect the per-request point limit)
 * @param infiniteValues  samples that were {@code +Inf} or {@code -Inf} and are therefore gaps in {@code series}
 * @param notes           human-readable remarks (no series matched, infinities dropped, Prometheus warnings)
 */
public record PrometheusRange(
        TimeSeries series,
        Map<String, String> labels,
        boolean matched,
        int requests,
        int infiniteValues,
        List<String> notes) {
    public PrometheusRange {
        Objects.requireNonNull(series, "series");
        labels = Map.copyOf(labels);
        notes = List.copyOf(notes);
        if (requests < 0 || infiniteValues < 0) {
            throw new IllegalArgumentException(
                    "requests and infiniteValues must be ≥ 0, got " + requests + " and " + infiniteValues);
        }
    }
}
