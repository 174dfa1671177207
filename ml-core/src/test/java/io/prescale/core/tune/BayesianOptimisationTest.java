package io.prescale.core.tune;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BayesianOptimisationTest {
    /** A 21 × 21 grid of the unit square; the objective is a bowl with its minimum at (0.3, 0.7). */
    static double[][] grid() {
        double[][] points = new double[21 * 21][];
        for (int i = 0; i <= 20; i++) {
            for (int j = 0; j <= 20; j++) {
                points[i * 21 + j] = new double[] {i / 20.0, j / 20.0};
            }
        }
        return points;
    }

    static double bowl(double[] x) {
        return (x[0] - 0.3) * (x[0] - 0.3) + (x[1] - 0.7) * (x[1] - 0.7);
    }

    @Test
    void findsTheMinimumOfAKnownFunctionInAFewDozenEvaluations() {
        double[][] candidates = grid();
        SearchTrace trace = BayesianOptimisation.minimise(candidates, c -> bowl(candidates[c]), 25, 5, 1);
        assertThat(trace.bestSoFar().get(trace.bestSoFar().size() - 1)).isLessThan(0.01);
        assertThat(trace.evaluated()).doesNotHaveDuplicates().hasSize(25);
    }

    @Test
    void beatsRandomSearchAtTheSameBudget() {
        double[][] candidates = grid();
        double bo = 0;
        double random = 0;
        for (long seed = 1; seed <= 5; seed++) {
            bo += last(BayesianOptimisation.minimise(candidates, c -> bowl(candidates[c]), 15, 4, seed));
            random += last(BayesianOptimisation.random(candidates.length, c -> bowl(candidates[c]), 15, seed));
        }
        assertThat(bo).isLessThan(random);
    }

    private static double last(SearchTrace trace) {
        return trace.bestSoFar().get(trace.bestSoFar().size() - 1);
    }
}
