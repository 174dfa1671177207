package io.prescale.grafana.report;

import io.prescale.core.series.TimeSeries;
import java.util.Objects;

/** A time series with the name its legend shows. */
public record NamedSeries(String name, TimeSeries series) {
    public NamedSeries {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("series name must not be blank");
        }
        Objects.requireNonNull(series, "series");
    }
}
