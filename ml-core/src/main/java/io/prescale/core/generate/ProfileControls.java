package io.prescale.core.generate;

import java.util.List;

/**
 * What a user asks of generated profiles: the four {@link ProfileShape} measures (each {@code null} = keep what
 * the model produced) and events injected afterwards, in order. Validated here so that out-of-range controls are
 * refused before any work.
 *
 * @param seasonality amplitude of the smooth shape relative to the mean, ≥ 0, or null
 * @param trend relative change over the profile, in (−1, 10], or null
 * @param noise step-to-step roughness relative to the mean, ≥ 0, or null
 * @param peakFactor peak ÷ mean, ≥ 1, or null
 * @param events events to inject, in order (copied)
 */
public record ProfileControls(
        Double seasonality, Double trend, Double noise, Double peakFactor, List<LoadEvent> events) {
    /** Keep everything the model produced. */
    public static final ProfileControls NONE = new ProfileControls(null, null, null, null, List.of());

    public ProfileControls {
        check("seasonality", seasonality, 0, 10);
        check("trend", trend, -0.99, 10);
        check("noise", noise, 0, 10);
        check("peak", peakFactor, 1, 100);
        events = events == null ? List.of() : List.copyOf(events);
    }

    private static void check(String name, Double value, double low, double high) {
        if (value != null && !(value >= low && value <= high)) {
            throw new IllegalArgumentException(
                    "control " + name + " must be in [" + low + ", " + high + "], got " + value);
        }
    }

    /** True when no shape measure is set (events may still be). */
    public boolean keepsShape() {
        return seasonality == null && trend == null && noise == null && peakFactor == null;
    }

    /** The shape measures as an array (NaN where unset), in {@link ProfileShape} order. */
    double[] targets() {
        return new double[] {nan(seasonality), nan(trend), nan(noise), nan(peakFactor)};
    }

    private static double nan(Double value) {
        return value == null ? Double.NaN : value;
    }
}
