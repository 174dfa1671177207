package io.prescale.core.tune;

/**
 * The service-level objective a configuration must hold at a load: p99 latency and error rate.
 *
 * @param p99Ms p99 latency limit, ms, &gt; 0
 * @param errorRate share of failed requests allowed, in [0, 1)
 */
public record Slo(double p99Ms, double errorRate) {
    public Slo {
        if (!(p99Ms > 0) || !Double.isFinite(p99Ms)) {
            throw new IllegalArgumentException("slo p99Ms must be a finite number > 0, got " + p99Ms);
        }
        if (!(errorRate >= 0 && errorRate < 1)) {
            throw new IllegalArgumentException("slo errorRate must be in [0, 1), got " + errorRate);
        }
    }

    /** Whether a measured or predicted p99 and error rate hold the objective (NaN never does). */
    public boolean holds(double p99, double errors) {
        return p99 <= p99Ms && errors <= errorRate;
    }
}
