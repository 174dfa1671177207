package io.prescale.grafana.report;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Day profiles on one time-of-day axis: real days (drawn thin and grey) and generated profiles, each named and
 * marked as typical or edge case. Every profile has the same number of steps of length {@code step}, from
 * midnight; values in {@code unit}.
 */
public record ProfileLibrary(List<double[]> real, List<Profile> generated, Duration step, String unit) {
    /** One generated profile. */
    public record Profile(String name, boolean edgeCase, double[] values) {
        public Profile {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("profile name must not be blank");
            }
            values = values.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }
    }

    public ProfileLibrary {
        Objects.requireNonNull(step, "step");
        real = real.stream().map(double[]::clone).toList();
        generated = List.copyOf(generated);
        if (real.isEmpty() && generated.isEmpty()) {
            throw new IllegalArgumentException("a profile library needs at least one profile");
        }
        unit = unit == null || unit.isBlank() ? "requests/s" : unit;
    }

    @Override
    public List<double[]> real() {
        return real.stream().map(double[]::clone).toList();
    }
}
