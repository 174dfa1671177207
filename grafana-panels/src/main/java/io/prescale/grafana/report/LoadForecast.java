package io.prescale.grafana.report;

import io.prescale.core.series.TimeSeries;
import java.util.Objects;

/**
 * Observed load and its forecast quantiles (p10, p50, p90) over the same steps, in {@code unit}
 * (e.g. "requests/s").
 */
public record LoadForecast(TimeSeries load, TimeSeries p10, TimeSeries p50, TimeSeries p90, String unit) {
    public LoadForecast {
        Objects.requireNonNull(load, "load");
        Objects.requireNonNull(p10, "p10");
        Objects.requireNonNull(p50, "p50");
        Objects.requireNonNull(p90, "p90");
        if (p10.size() != p50.size() || p50.size() != p90.size() || !p10.start().equals(p90.start())) {
            throw new IllegalArgumentException("p10, p50 and p90 must cover the same steps, got sizes " + p10.size()
                    + ", " + p50.size() + ", " + p90.size());
        }
        unit = unit == null || unit.isBlank() ? "requests/s" : unit;
    }
}
