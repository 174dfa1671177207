package io.prescale.core.scale;

import io.prescale.core.series.TimeSeries;
import java.util.Arrays;
import java.util.Objects;

/**
 * The backtest world, defined as follows: steps of length Δ with mean demand d_t; a strategy decides
 * at the start of step t from d_0 … d_{t−1}; an instance launched at t is ready from t + k; removals take effect
 * at once (the youngest instances go first); the simulator clamps every count into the bounds. Step t violates
 * when d_t > ready_t·c. Only steps from {@code warmUpSteps} on are scored (gaps are not scored). Every strategy
 * starts with {@code bounds.min} ready instances.
 */
public final class ScalingSimulator {
    private ScalingSimulator() {}

    /** Runs {@code strategy} over the whole of {@code demand}. */
    public static StrategyResult run(TimeSeries demand, SimulationSettings settings, ScalingStrategy strategy) {
        Objects.requireNonNull(strategy, "strategy");
        int n = demand.size();
        int k = settings.startupSteps();
        int w = settings.warmUpSteps();
        SimulationView view = new SimulationView(demand, settings);
        int[] launched = new int[Math.max(4, settings.bounds().max())];
        int count = settings.bounds().min();
        Arrays.fill(launched, 0, count, -k);
        int[] readyLine = new int[n];
        int[] totalLine = new int[n];
        Score score = new Score(settings);
        for (int t = 0; t < n; t++) {
            view.t = t;
            view.total = count;
            view.ready = readyCount(launched, count, t - k);
            int desired = settings.bounds().clamp(strategy.desiredInstances(view));
            if (desired != count) {
                view.lastActionStep = t;
                if (t >= w) {
                    score.actions++;
                }
                if (desired > launched.length) {
                    launched = Arrays.copyOf(launched, Math.max(desired, launched.length * 2));
                }
                Arrays.fill(
                        launched, Math.min(count, desired), desired, t); // launches at t; removals drop the youngest
                count = desired;
            }
            readyLine[t] = readyCount(launched, count, t - k);
            totalLine[t] = count;
            if (t >= w) {
                score.add(demand.valueAt(t), readyLine[t], count);
            }
        }
        return score.result(strategy.name(), readyLine, totalLine);
    }

    /** Instances launched at or before {@code step} (launch steps are sorted ascending). */
    private static int readyCount(int[] launched, int count, int step) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (launched[mid] <= step) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static final class Score {
        private final SimulationSettings settings;
        int actions;
        int violations;
        int maxInstances;
        double unserved;
        double demand;
        long instanceSteps;

        Score(SimulationSettings settings) {
            this.settings = settings;
        }

        void add(double d, int ready, int total) {
            instanceSteps += total;
            maxInstances = Math.max(maxInstances, total);
            if (Double.isNaN(d)) {
                return;
            }
            demand += d;
            double served = ready * settings.capacity();
            if (d > served) {
                violations++;
                unserved += d - served;
            }
        }

        StrategyResult result(String name, int[] ready, int[] total) {
            double stepMinutes = settings.step().toNanos() / 60e9;
            return new StrategyResult(
                    name,
                    violations * stepMinutes,
                    violations,
                    demand > 0 ? unserved / demand : Double.NaN,
                    instanceSteps * stepMinutes / 60.0,
                    actions,
                    maxInstances,
                    ready,
                    total);
        }
    }
}
