package io.prescale.core.tune;

/**
 * No configuration of the space holds the SLO at the load the policy must serve. Carries the measured load test
 * that came closest (lowest p99), so that the message can name it.
 */
public final class UnreachableSloException extends IllegalArgumentException {
    private final transient Measurement closest;

    public UnreachableSloException(String message, Measurement closest) {
        super(message);
        this.closest = closest;
    }

    /** The measured load test with the lowest p99. */
    public Measurement closest() {
        return closest;
    }
}
