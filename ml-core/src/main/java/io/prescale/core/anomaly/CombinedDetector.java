package io.prescale.core.anomaly;

import io.prescale.core.series.TimeSeries;
import java.util.Objects;

/**
 * {@code combined}: the isolation forest and the autoencoder side by side. Each row scores the larger of the two
 * detectors' calibrated scores (either can raise the alarm: the forest sees unusual values and local statistics,
 * the autoencoder unusual shapes); in streaming form the maximum is taken after each detector's likelihood and
 * before one shared debounce.
 */
public final class CombinedDetector implements AnomalyDetector {
    private final IsolationForestDetector forest;
    private final AutoencoderDetector autoencoder;
    private final StreamCalibration calibration;

    public CombinedDetector(
            IsolationForestDetector forest, AutoencoderDetector autoencoder, StreamCalibration calibration) {
        this.forest = Objects.requireNonNull(forest, "forest");
        this.autoencoder = Objects.requireNonNull(autoencoder, "autoencoder");
        this.calibration = Objects.requireNonNull(calibration, "calibration");
    }

    @Override
    public String name() {
        return "combined";
    }

    @Override
    public AnomalyModel fit(TimeSeries reference) {
        AnomalyModel f = forest.fit(reference);
        AnomalyModel a = autoencoder.fit(reference);
        return series -> max(f.score(series), a.score(series));
    }

    @Override
    public double[] scoreStreaming(double[] rows) {
        StreamCalibration likelihoodOnly =
                new StreamCalibration(calibration.likelihood(), calibration.shortWindow(), calibration.longWindow(), 0);
        double[] f = likelihoodOnly.apply(forest.rawStreaming(rows), forest.warmup());
        double[] a = likelihoodOnly.apply(
                autoencoder.rawStreaming(rows), autoencoder.options().warmup());
        return AlarmDebounce.apply(max(f, a), calibration.debounce());
    }

    private static double[] max(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = Double.isNaN(a[i]) || Double.isNaN(b[i]) ? Double.NaN : Math.max(a[i], b[i]);
        }
        return out;
    }
}
