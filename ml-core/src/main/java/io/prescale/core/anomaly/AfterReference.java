package io.prescale.core.anomaly;

import io.prescale.core.series.TimeSeries;
import java.util.Arrays;

/**
 * The batch form of a purely streaming detector: "fitting" keeps the last {@code history} rows of the reference,
 * and a series is scored by streaming the kept reference rows followed by the series' rows, so each step of the
 * series is judged against the reference and the series' own earlier steps.
 */
final class AfterReference {
    static final int HISTORY = 4_000;

    private AfterReference() {}

    static AnomalyModel model(AnomalyDetector detector, TimeSeries reference) {
        double[] values = reference.values();
        double[] kept = Arrays.copyOfRange(values, Math.max(0, values.length - HISTORY), values.length);
        return series -> {
            double[] x = series.values();
            double[] rows = new double[kept.length + x.length];
            System.arraycopy(kept, 0, rows, 0, kept.length);
            System.arraycopy(x, 0, rows, kept.length, x.length);
            return Arrays.copyOfRange(detector.scoreStreaming(rows), kept.length, rows.length);
        };
    }
}
