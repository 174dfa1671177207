package io.prescale.core.scale;

/**
 * {@code oracle}: knows the future. need_t = ceil(d_t / c) within the bounds must be ready at every step, so each
 * instance is launched k steps before it is needed, with no cooldown or step limit; an instance is kept through
 * an idle gap of at most k steps (keeping it costs no more than relaunching). Built layer by layer (layer j is
 * the set of steps with need ≥ j), this is the cheapest schedule without a violation.
 */
final class OracleStrategy implements ScalingStrategy {
    private final int[] schedule;

    OracleStrategy(double[] demand, SimulationSettings settings) {
        int n = demand.length;
        int k = settings.startupSteps();
        int[] need = new int[n];
        int top = 0;
        for (int t = 0; t < n; t++) {
            double units = Double.isNaN(demand[t]) ? 0 : Math.ceil(demand[t] / settings.capacity());
            need[t] = settings.bounds().clamp((int) Math.min(Integer.MAX_VALUE, units));
            top = Math.max(top, need[t]);
        }
        schedule = new int[n];
        for (int layer = 1; layer <= top; layer++) {
            addLayer(need, layer, k);
        }
    }

    private void addLayer(int[] need, int layer, int k) {
        int n = need.length;
        int t = 0;
        while (t < n) {
            while (t < n && need[t] < layer) {
                t++;
            }
            if (t == n) {
                return;
            }
            int start = t;
            int end = t; // last step of the merged run
            while (t < n) {
                if (need[t] >= layer) {
                    end = t;
                    t++;
                } else {
                    int gapEnd = t;
                    while (gapEnd < n && need[gapEnd] < layer) {
                        gapEnd++;
                    }
                    if (gapEnd == n || gapEnd - t > k) {
                        t = gapEnd;
                        break;
                    }
                    t = gapEnd;
                }
            }
            for (int s = Math.max(0, start - k); s <= end; s++) {
                schedule[s]++;
            }
        }
    }

    @Override
    public String name() {
        return "oracle";
    }

    @Override
    public int desiredInstances(SimulationView view) {
        return schedule[view.t()];
    }
}
