package io.prescale.core.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The two black-box baselines at the same real-test budget each: random search and Bayesian optimisation over the
 * grid, every evaluation a real load test at the sizing load. The objective is cost ÷ the dearest cost when the
 * test holds the SLO, and 1 + that + how far it missed (log p99 ratio, capped at 1, plus the error rate) when not,
 * so any configuration that holds beats any that does not.
 */
record Searches(
        TuneResult.MethodResult random,
        TuneResult.MethodResult bayes,
        List<Double> randomCurve,
        List<Double> bayesCurve) {
    private static final int MAX_CANDIDATES = 4000;

    static Searches run(
            ConfigSpace space, List<Configuration> grid, Trials trials, double load, int budget, long seed) {
        List<Configuration> candidates = grid;
        if (grid.size() > MAX_CANDIDATES) {
            SplittableRandom random = new SplittableRandom(seed ^ 0x5EA4C4L);
            List<Configuration> sample = new ArrayList<>();
            for (int i = 0; i < MAX_CANDIDATES; i++) {
                sample.add(grid.get(random.nextInt(grid.size())));
            }
            candidates = sample;
        }
        double maxCost =
                candidates.stream().mapToDouble(space::costPerHour).max().orElse(1);
        List<Configuration> pool = candidates;
        Search random = new Search(space, pool, trials, load, maxCost, "random");
        BayesianOptimisation.random(pool.size(), random::objective, budget, seed + 1);
        Search bayes = new Search(space, pool, trials, load, maxCost, "bayes");
        double[][] unit = pool.stream().map(space::unit).toArray(double[][]::new);
        BayesianOptimisation.minimise(unit, bayes::objective, budget, Math.max(2, budget / 4), seed + 2);
        return new Searches(random.result(), bayes.result(), random.curve, bayes.curve);
    }

    /** One search's bookkeeping: the best configuration that held, and its cost after each trial. */
    private static final class Search {
        private final ConfigSpace space;
        private final List<Configuration> pool;
        private final Trials trials;
        private final double load;
        private final double maxCost;
        private final String phase;
        private final List<Double> curve = new ArrayList<>();
        private Configuration best;
        private double bestCost = Double.NaN;
        private int tests;

        Search(ConfigSpace space, List<Configuration> pool, Trials trials, double load, double maxCost, String phase) {
            this.space = space;
            this.pool = pool;
            this.trials = trials;
            this.load = load;
            this.maxCost = maxCost;
            this.phase = phase;
        }

        double objective(int candidate) {
            Configuration config = pool.get(candidate);
            Measurement m = trials.run(phase, config, load);
            tests++;
            double cost = space.costPerHour(config);
            if (m.holds(space.slo())) {
                if (best == null || cost < bestCost) {
                    best = config;
                    bestCost = cost;
                }
                curve.add(bestCost);
                return cost / maxCost;
            }
            curve.add(bestCost);
            double miss = Double.isFinite(m.p99Ms())
                    ? Math.max(0, Math.log(m.p99Ms() / space.slo().p99Ms()))
                    : 1;
            return 1 + cost / maxCost + Math.min(1, miss) + m.errorRate();
        }

        TuneResult.MethodResult result() {
            return new TuneResult.MethodResult(best, bestCost, best == null ? 1 : 0, tests);
        }
    }
}
