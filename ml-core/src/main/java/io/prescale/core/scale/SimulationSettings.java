package io.prescale.core.scale;

import java.time.Duration;
import java.util.Objects;

/**
 * The simulated world of a backtest, the same for every strategy.
 *
 * @param step Δ, the length of one step of the demand series
 * @param lead how far ahead the predictive strategies plan
 * @param startupSteps k: an instance launched at step t is ready from step t + k (k ≥ 1)
 * @param capacity c, requests per step one ready instance serves
 * @param bounds instance bounds, enforced by the simulator on every strategy
 * @param warmUpSteps the first steps, not scored
 * @param targetUtilization U of the reactive strategies
 * @param reactiveCooldown the Nomad Autoscaler cooldown of the reactive strategies
 * @param reactiveThreshold the target-value threshold (no action while |metric/target − 1| ≤ threshold)
 */
public record SimulationSettings(
        Duration step,
        Duration lead,
        int startupSteps,
        double capacity,
        Bounds bounds,
        int warmUpSteps,
        double targetUtilization,
        Duration reactiveCooldown,
        double reactiveThreshold) {
    public SimulationSettings {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(bounds, "bounds");
        Objects.requireNonNull(reactiveCooldown, "reactiveCooldown");
        if (startupSteps < 1) {
            throw new IllegalArgumentException("startupSteps must be ≥ 1, got " + startupSteps);
        }
        if (!(capacity > 0) || !Double.isFinite(capacity)) {
            throw new IllegalArgumentException("capacity must be a finite number > 0, got " + capacity);
        }
        if (warmUpSteps < 0) {
            throw new IllegalArgumentException("warmUpSteps must be ≥ 0, got " + warmUpSteps);
        }
        if (!(targetUtilization > 0 && targetUtilization <= 1)) {
            throw new IllegalArgumentException("targetUtilization must be in (0, 1], got " + targetUtilization);
        }
        if (!(reactiveThreshold >= 0)) {
            throw new IllegalArgumentException("reactiveThreshold must be ≥ 0, got " + reactiveThreshold);
        }
    }

    /** The same world with another reactive target utilisation (for the frontier). */
    public SimulationSettings withTargetUtilization(double u) {
        return new SimulationSettings(
                step, lead, startupSteps, capacity, bounds, warmUpSteps, u, reactiveCooldown, reactiveThreshold);
    }

    /** Whole steps in {@code duration}, rounded up. */
    public int stepsIn(Duration duration) {
        long stepNanos = step.toNanos();
        return (int) -Math.floorDiv(-duration.toNanos(), stepNanos);
    }
}
