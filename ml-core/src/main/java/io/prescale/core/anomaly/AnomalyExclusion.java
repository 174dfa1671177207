package io.prescale.core.anomaly;

import io.prescale.core.series.TimeSeries;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * Anomaly-aware fitting: the rows a detector flags in a training history, and the {@code span} after each flag,
 * become gaps (NaN) before a forecaster fits, so that a holiday or an outage does not teach the model a false
 * pattern (the forecast package's {@code GapMaskedForecaster} fits on the masked copy). Only fitting sees the
 * gaps; forecasts are still made from, and scored against, the real history. The mask is causal (a row is masked only by flags at or before it, and the detector's streaming scores use past
 * rows only), so the mask of a prefix is the prefix of the mask: it is computed once per series.
 *
 * @param detector  the detector whose streaming scores flag rows
 * @param threshold a row is flagged when its score is at or above this, in (0, 1]
 * @param span      how long after a flagged row its span lasts (an anomaly's onset is flagged, not its length)
 */
public record AnomalyExclusion(AnomalyDetector detector, double threshold, Duration span) {
    public AnomalyExclusion {
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(span, "span");
        if (!(threshold > 0 && threshold <= 1) || span.isNegative()) {
            throw new IllegalArgumentException(
                    "need threshold in (0, 1] and span ≥ 0, got " + threshold + " and " + span);
        }
    }

    /** Rows of {@code series} to treat as gaps when fitting: flagged rows and the span after each. */
    public boolean[] mask(TimeSeries series) {
        double[] scores = detector.scoreStreaming(series.values());
        long stepNanos = series.step().toNanos();
        int spanRows = (int) Math.min(Integer.MAX_VALUE, span.toNanos() / Math.max(1, stepNanos));
        boolean[] mask = new boolean[scores.length];
        int until = -1;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] >= threshold) {
                until = Math.max(until, i + spanRows);
            }
            mask[i] = i <= until;
        }
        return mask;
    }

    /** {@code series} with the masked rows as gaps. */
    public static TimeSeries withGaps(TimeSeries series, boolean[] mask) {
        double[] values = series.values();
        for (int i = 0; i < values.length && i < mask.length; i++) {
            if (mask[i]) {
                values[i] = Double.NaN;
            }
        }
        return TimeSeries.of(series.start(), series.step(), values);
    }

    /**
     * {@code history} with its flagged spans as gaps, where {@code history} is a prefix (same start, step, and
     * the first rows) of the series {@code fullMask} was computed on; any other history is masked afresh.
     */
    public TimeSeries withGapsFor(TimeSeries history, TimeSeries full, boolean[] fullMask) {
        boolean prefix = history.start().equals(full.start())
                && history.step().equals(full.step())
                && history.size() <= full.size();
        return withGaps(history, prefix ? Arrays.copyOf(fullMask, history.size()) : mask(history));
    }

    /** How many rows of {@code mask} are set. */
    public static int count(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) {
            n += b ? 1 : 0;
        }
        return n;
    }
}
