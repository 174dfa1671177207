package io.prescale.core.anomaly;

import io.prescale.core.series.TimeSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Learns what normal looks like from a reference series. Labels and thresholds are never used inside a
 * detector: it only scores.
 */
public interface AnomalyDetector {
    /** The detector's name as the CLI spells it ({@code iforest}, {@code autoencoder}, {@code combined}…). */
    String name();

    /** Fits on {@code reference} (gaps allowed) and returns an immutable model. */
    AnomalyModel fit(TimeSeries reference);

    /**
     * The streaming form: one score in [0, 1] per row of {@code rows}, taken in order, where score i is computed
     * from rows ≤ i only (the detector may refit on past rows as it goes). Rows need not be evenly spaced; NaN
     * rows score NaN. The default refits {@link #fit} on the rows seen so far at rows 64, 128, 256, … (doubling)
     * and scores each row with the latest model (it rescores the prefix for every row, so it is quadratic in
     * the rows); the detectors here override it with something linear.
     */
    default double[] scoreStreaming(double[] rows) {
        double[] scores = new double[rows.length];
        AnomalyModel model = null;
        int nextFit = 64;
        for (int i = 0; i < rows.length; i++) {
            if (i + 1 >= nextFit) {
                model = fit(rowsAsSeries(Arrays.copyOf(rows, i + 1)));
                nextFit *= 2;
            }
            if (Double.isNaN(rows[i])) {
                scores[i] = Double.NaN;
            } else if (model != null) {
                double[] prefix = model.score(rowsAsSeries(Arrays.copyOf(rows, i + 1)));
                scores[i] = prefix[i];
            }
        }
        return scores;
    }

    /** Rows as a series of unit steps (only their order matters to a detector's streaming form). */
    static TimeSeries rowsAsSeries(double[] rows) {
        return TimeSeries.of(Instant.EPOCH, Duration.ofSeconds(1), rows);
    }
}
