package io.prescale.core.scale;

/**
 * The Nomad Autoscaler {@code target-value} strategy (hashicorp/nomad-autoscaler,
 * {@code plugins/builtin/strategy/target-value}): with metric m = load / (count · c), the utilisation of the
 * current count, {@code new = ceil(count · m / target)}; no action while |m / target − 1| ≤ threshold.
 */
final class TargetValue {
    /** Returned when the check's metric is missing (Nomad's {@code on_check_error = "ignore"}). */
    static final int NO_METRIC = -1;

    private TargetValue() {}

    static int desired(double load, int count, double capacity, double target, double threshold) {
        if (!Double.isFinite(load)) {
            return NO_METRIC;
        }
        double units = load / capacity; // count · m
        if (count > 0 && Math.abs(units / count / target - 1) <= threshold) {
            return count;
        }
        double wanted = Math.ceil(units / target);
        return wanted >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) wanted;
    }

    /** Nomad's cooldown: no action until {@code cooldown} has passed since the last scaling action. */
    static boolean inCooldown(SimulationView view) {
        int last = view.lastActionStep();
        if (last < 0) {
            return false;
        }
        SimulationSettings s = view.settings();
        return (long) (view.t() - last) * s.step().toNanos()
                < s.reactiveCooldown().toNanos();
    }
}
