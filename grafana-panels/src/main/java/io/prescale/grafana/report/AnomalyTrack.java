package io.prescale.grafana.report;

import io.prescale.core.series.TimeSeries;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A series with its anomaly scores (same steps) and the threshold above which a step is flagged, and the
 * flagged spans (e.g. NAB windows or merged flagged steps); values in {@code unit}.
 */
public record AnomalyTrack(
        String name, TimeSeries values, TimeSeries scores, double threshold, List<Span> flagged, String unit) {
    /** A flagged span, {@code [from, to)}. */
    public record Span(Instant from, Instant to) {
        public Span {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("span ends before it starts: " + from + " .. " + to);
            }
        }
    }

    public AnomalyTrack {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(scores, "scores");
        flagged = flagged == null ? List.of() : List.copyOf(flagged);
        name = name == null || name.isBlank() ? "series" : name;
        unit = unit == null || unit.isBlank() ? "requests/s" : unit;
    }
}
