package io.prescale.nomad.loop;

import io.prescale.core.series.Aggregation;
import io.prescale.core.series.TimeSeries;
import io.prescale.core.store.MetricSource;
import io.prescale.nomad.annotations.GroupSpec;
import java.time.Duration;
import java.time.Instant;

/** Reads a group's load history: {@code [start, end)} at {@code step}, NaN where no data. Thread-safe. */
@FunctionalInterface
public interface LoadSource {
    /**
     * @throws IllegalArgumentException for a query the source rejects or cannot serve
     * @throws io.prescale.core.store.MetricSourceException when the source cannot be reached
     */
    TimeSeries read(String query, Instant start, Instant end, Duration step);

    /**
     * PromQL queries from {@code prometheus} and {@code store:SERIES} from {@code store} (mean per step); either may
     * be null, and a group asking for a missing one gets an {@link IllegalArgumentException} saying which flag to set.
     */
    static LoadSource of(MetricSource prometheus, MetricSource store) {
        return (query, start, end, step) -> {
            if (query.startsWith(GroupSpec.STORE_PREFIX)) {
                if (store == null) {
                    throw new IllegalArgumentException(
                            "query " + query + " reads the embedded store, but no --store" + " is given");
                }
                return store.read(query.substring(GroupSpec.STORE_PREFIX.length()), start, end, step, Aggregation.MEAN);
            }
            if (prometheus == null) {
                throw new IllegalArgumentException("query " + query + " is PromQL, but no --prometheus is given");
            }
            return prometheus.read(query, start, end, step, Aggregation.MEAN);
        };
    }
}
