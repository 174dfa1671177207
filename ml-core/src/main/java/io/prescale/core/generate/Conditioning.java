package io.prescale.core.generate;

import java.util.Objects;

/**
 * What a conditional model is asked for: the phase (step within the period at which windows start; −1 = drawn
 * from the training windows) and the shape controls (unset ones drawn from the training windows too).
 *
 * @param phase start step within the period, or −1
 * @param controls requested shape measures
 */
public record Conditioning(int phase, ProfileControls controls) {
    /** Phase and shape drawn from the training windows: the model's own distribution. */
    public static final Conditioning FROM_TRAINING = new Conditioning(-1, ProfileControls.NONE);

    public Conditioning {
        Objects.requireNonNull(controls, "controls");
        if (phase < -1) {
            throw new IllegalArgumentException("phase must be >= 0 or -1 (drawn), got " + phase);
        }
    }
}
