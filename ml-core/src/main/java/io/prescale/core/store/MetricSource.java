package io.prescale.core.store;

import io.prescale.core.series.Aggregation;
import io.prescale.core.series.TimeSeries;
import java.time.Duration;
import java.time.Instant;

/**
 * Reads one series over a time range at a step. The query is a series name for the embedded store and PromQL
 * for Prometheus-compatible sources. Implementations say whether they are thread-safe.
 */
public interface MetricSource extends AutoCloseable {
    /**
     * Reads {@code [start, end)} aggregated to {@code step}. Steps without data are NaN; the result starts at
     * {@code start} and has {@code ceil((end - start) / step)} values.
     *
     * @param aggregation how samples inside one step are combined (sources that aggregate server-side, such as
     *                    Prometheus, evaluate the query at each step instead and ignore it)
     * @throws IllegalArgumentException for an unknown series or an invalid query or range
     * @throws MetricSourceException when the source cannot be reached or fails
     */
    TimeSeries read(String query, Instant start, Instant end, Duration step, Aggregation aggregation);

    @Override
    default void close() {}
}
