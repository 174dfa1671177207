package io.prescale.core.scale;

import java.time.Duration;

/**
 * {@code seasonal-offset}: a Nomad Autoscaler policy with two target-value checks, one on d_{t−1} and one on the
 * demand a week earlier shifted by the lead, d at (t − 7 days + lead) — the {@code query_window_offset = "7d"}
 * seasonal-naive forecast HashiCorp suggests (nomad-autoscaler PR #850). As in Nomad, a scale-out from any
 * check wins, then "no change", then the largest scale-in.
 */
final class SeasonalOffsetStrategy implements ScalingStrategy {
    @Override
    public String name() {
        return "seasonal-offset";
    }

    @Override
    public int desiredInstances(SimulationView view) {
        int t = view.t();
        int count = view.totalInstances();
        if (t == 0 || TargetValue.inCooldown(view)) {
            return count;
        }
        SimulationSettings s = view.settings();
        int offset = t - s.stepsIn(Duration.ofDays(7)) + Math.max(1, s.stepsIn(s.lead()));
        int reactive = TargetValue.desired(
                view.observed(t - 1), count, s.capacity(), s.targetUtilization(), s.reactiveThreshold());
        int seasonal = offset >= 0 && offset < t
                ? TargetValue.desired(
                        view.observed(offset), count, s.capacity(), s.targetUtilization(), s.reactiveThreshold())
                : TargetValue.NO_METRIC;
        return combine(count, reactive, seasonal);
    }

    static int combine(int count, int... checks) {
        int out = -1;
        int in = -1;
        boolean none = false;
        for (int wanted : checks) {
            if (wanted == TargetValue.NO_METRIC) {
                continue;
            }
            if (wanted > count) {
                out = Math.max(out, wanted);
            } else if (wanted == count) {
                none = true;
            } else {
                in = Math.max(in, wanted);
            }
        }
        if (out >= 0) {
            return out;
        }
        return none || in < 0 ? count : in;
    }
}
