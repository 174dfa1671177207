package io.prescale.grafana.report;

import io.prescale.core.series.TimeSeries;
import java.util.List;
import java.util.Objects;

/** Desired and running instance counts over time, with the decisions that changed the desired count. */
public record Counts(TimeSeries desired, TimeSeries running, List<Decision> decisions) {
    public Counts {
        Objects.requireNonNull(desired, "desired");
        Objects.requireNonNull(running, "running");
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
    }
}
