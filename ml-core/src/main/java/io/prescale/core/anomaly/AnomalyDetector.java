package io.prescale.core.anomaly;

import io.prescale.core.series.TimeSeries;

/**
 * Learns what normal looks like from a reference series. Labels and thresholds are never used inside a
 * detector: it only scores.
 */
public interface AnomalyDetector {
    /** The detector's name as the CLI spells it ({@code iforest}, {@code autoencoder}, {@code combined}…). */
    String name();

    /** Fits on {@code reference} (gaps allowed) and returns an immutable model. */
    AnomalyModel fit(TimeSeries reference);
}
