package io.prescale.core.tune;

import java.util.Objects;

/**
 * What one real load test of one configuration at one constant load measured.
 *
 * @param trial number of the trial in the run, from 0
 * @param phase what the trial was for: {@code design}, {@code random}, {@code bayes}, {@code validation}
 * @param config the configuration under test
 * @param loadRps offered load, requests/s (open model)
 * @param p99Ms measured p99 latency, ms (NaN when no response completed)
 * @param errorRate share of failed requests, in [0, 1]
 * @param throughputRps successful responses per second
 * @param seconds measured duration of the load test
 */
public record Measurement(
        int trial,
        String phase,
        Configuration config,
        double loadRps,
        double p99Ms,
        double errorRate,
        double throughputRps,
        double seconds) {
    public Measurement {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(config, "config");
        if (!(loadRps > 0) || !Double.isFinite(loadRps)) {
            throw new IllegalArgumentException("measurement loadRps must be > 0, got " + loadRps);
        }
        if (!(errorRate >= 0 && errorRate <= 1)) {
            throw new IllegalArgumentException("measurement errorRate must be in [0, 1], got " + errorRate);
        }
    }

    /** Whether the measurement holds {@code slo} (no response at all never does). */
    public boolean holds(Slo slo) {
        return Double.isFinite(p99Ms) && slo.holds(p99Ms, errorRate);
    }
}
