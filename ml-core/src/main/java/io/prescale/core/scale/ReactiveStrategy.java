package io.prescale.core.scale;

/**
 * {@code reactive}: the Nomad Autoscaler target-value policy on the latest data point d_{t−1}, evaluated every
 * step, with its cooldown (see {@link TargetValue}).
 */
final class ReactiveStrategy implements ScalingStrategy {
    private final double targetUtilization;

    ReactiveStrategy(double targetUtilization) {
        this.targetUtilization = targetUtilization;
    }

    @Override
    public String name() {
        return "reactive";
    }

    @Override
    public int desiredInstances(SimulationView view) {
        int count = view.totalInstances();
        if (view.t() == 0 || TargetValue.inCooldown(view)) {
            return count;
        }
        SimulationSettings s = view.settings();
        int wanted = TargetValue.desired(
                view.observed(view.t() - 1), count, s.capacity(), targetUtilization, s.reactiveThreshold());
        return wanted == TargetValue.NO_METRIC ? count : wanted;
    }
}
