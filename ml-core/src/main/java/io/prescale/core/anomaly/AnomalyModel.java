package io.prescale.core.anomaly;

import io.prescale.core.series.LoadProfile;
import io.prescale.core.series.TimeSeries;

/** A fitted detector: scores how unusual each step of a series is, in [0, 1] (1 = most unusual). */
public interface AnomalyModel {
    /** One score per step of {@code series}, in [0, 1]; NaN where the step is a gap. */
    double[] score(TimeSeries series);

    /** One score for a whole profile (its most unusual stretch), in [0, 1]. Used to rank generated edge cases. */
    default double scoreProfile(LoadProfile profile) {
        double max = 0;
        for (double s : score(profile.toSeries())) {
            if (!Double.isNaN(s)) {
                max = Math.max(max, s);
            }
        }
        return max;
    }
}
