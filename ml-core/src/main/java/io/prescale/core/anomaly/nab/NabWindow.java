package io.prescale.core.anomaly.nab;

import java.time.LocalDateTime;
import java.util.Objects;

/** One labelled anomaly window of NAB's {@code combined_windows.json}: both ends inclusive, as timestamps. */
public record NabWindow(LocalDateTime start, LocalDateTime end) {
    public NabWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("window end must not be before its start " + start + ", got " + end);
        }
    }
}
