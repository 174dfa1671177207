package io.prescale.loadtest;

import java.util.Locale;

/** How request start times are spread within a step of the profile. */
public enum Arrivals {
    /** A Poisson process at the step's rate: exponential inter-arrival times (seeded). */
    POISSON,
    /** Evenly spaced at the step's rate, as wrk2 and k6's constant-arrival-rate do. */
    UNIFORM;

    /** Parses {@code poisson} or {@code uniform}, ignoring case. */
    public static Arrivals parse(String text) {
        for (Arrivals value : values()) {
            if (value.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return value;
            }
        }
        throw new IllegalArgumentException("arrivals '" + text + "' is not known; expected poisson or uniform");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
