package io.prescale.nomad.loop;

/**
 * Told of every decision that changes a group (scale out, scale in or reconfigure, in any mode: in
 * {@code forecast-only} it is what the actuator would have done; holds are not announced), once, after the cycle
 * that made it, on the cycle's thread and in group order, after the cycle's duration was measured. Used to send each
 * decision elsewhere, e.g. as a Grafana annotation. An implementation must return quickly (slow work belongs on its
 * own thread); an exception it throws is logged at WARN and neither stops the cycle nor skips the next decisions.
 */
@FunctionalInterface
public interface DecisionListener {
    /** Announces nothing. */
    DecisionListener NONE = result -> {};

    /** {@code result} carries a non-null {@link GroupResult#decision()} whose action is not {@code HOLD}. */
    void decided(GroupResult result);
}
