package io.prescale.core.generate;

import io.prescale.core.anomaly.AnomalyDetector;
import io.prescale.core.anomaly.AnomalyModel;
import io.prescale.core.series.TimeSeries;
import java.util.Arrays;

/**
 * A small, honest scorer for ranking generated edge cases until a stronger {@link AnomalyDetector} (the isolation
 * forest of the anomaly package) is wired in: for each step, the robust z-scores (Iglewicz &amp; Hoaglin 1993:
 * {@code 0.6745 · (x − median) / MAD}) of its value and of its change from the previous step against the
 * reference, and a score {@code z / (z + 3)} of the larger, in [0, 1). It ignores time of day, so it finds
 * unusual levels and jumps, not unusual timing.
 */
public final class RobustZScoreDetector implements AnomalyDetector {
    @Override
    public String name() {
        return "robust-zscore";
    }

    @Override
    public AnomalyModel fit(TimeSeries reference) {
        double[] values = finite(reference.values());
        if (values.length < 3) {
            throw new IllegalArgumentException("reference needs at least 3 finite steps, got " + values.length);
        }
        double[] changes = new double[values.length - 1];
        for (int i = 1; i < values.length; i++) {
            changes[i - 1] = values[i] - values[i - 1];
        }
        Robust level = Robust.of(values);
        Robust change = Robust.of(changes);
        return series -> {
            double[] x = series.values();
            double[] scores = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                if (Double.isNaN(x[i])) {
                    scores[i] = Double.NaN;
                    continue;
                }
                double z = level.z(x[i]);
                if (i > 0 && !Double.isNaN(x[i - 1])) {
                    z = Math.max(z, change.z(x[i] - x[i - 1]));
                }
                scores[i] = z / (z + 3);
            }
            return scores;
        };
    }

    private static double[] finite(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).toArray();
    }

    private record Robust(double median, double mad) {
        static Robust of(double[] x) {
            double median = median(x);
            double[] deviations = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                deviations[i] = Math.abs(x[i] - median);
            }
            return new Robust(median, Math.max(median(deviations), 1e-9 * (1 + Math.abs(median))));
        }

        double z(double v) {
            return Math.abs(0.6745 * (v - median) / mad);
        }

        private static double median(double[] x) {
            double[] sorted = x.clone();
            Arrays.sort(sorted);
            int mid = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }
    }
}
