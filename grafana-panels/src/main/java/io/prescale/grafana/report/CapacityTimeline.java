package io.prescale.grafana.report;

import io.prescale.core.series.TimeSeries;
import java.util.List;
import java.util.Objects;

/**
 * A scaling backtest over time: demand per step and each strategy's ready capacity (ready instances × what
 * one instance serves), in {@code unit}; {@code scoredFrom} is the first scored step.
 */
public record CapacityTimeline(
        String trace, TimeSeries demand, List<NamedSeries> capacity, int scoredFrom, String unit) {
    public CapacityTimeline {
        Objects.requireNonNull(demand, "demand");
        capacity = List.copyOf(capacity);
        if (scoredFrom < 0 || scoredFrom >= demand.size()) {
            throw new IllegalArgumentException("scoredFrom must be a step of demand, got " + scoredFrom);
        }
        trace = trace == null || trace.isBlank() ? "trace" : trace;
        unit = unit == null || unit.isBlank() ? "requests per step" : unit;
    }
}
