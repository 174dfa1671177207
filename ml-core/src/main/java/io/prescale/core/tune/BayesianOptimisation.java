package io.prescale.core.tune;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import smile.math.kernel.GaussianKernel;
import smile.regression.GaussianProcessRegression;
import smile.stat.distribution.GaussianDistribution;

/**
 * Bayesian optimisation over a finite candidate set in the unit cube, as CherryPick (Alipourfard et al., NSDI 2017)
 * runs it over cloud configurations: a few random evaluations, then each next candidate maximises the expected
 * improvement (Jones, Schonlau, Welch, J. Global Optimization 1998) under a Gaussian process fitted to the values so
 * far. The GP is SMILE 2.6's {@link GaussianProcessRegression} (Gaussian kernel, values standardised); SMILE has no
 * acquisition function or optimisation loop, so expected improvement and the loop are written here. Seeded.
 */
public final class BayesianOptimisation {
    private BayesianOptimisation() {}

    /**
     * Minimises {@code objective} (candidate index → value, each call may be a real load test) in {@code budget}
     * evaluations, the first {@code initial} of them random.
     */
    public static SearchTrace minimise(
            double[][] candidates, IntToDoubleFunction objective, int budget, int initial, long seed) {
        if (budget < 1 || candidates.length == 0) {
            throw new IllegalArgumentException(
                    "search needs a budget ≥ 1 and candidates, got " + budget + ", " + candidates.length);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> evaluated = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Double> best = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        int dims = candidates[0].length;
        GaussianKernel kernel = new GaussianKernel(0.25 * Math.sqrt(dims));
        for (int k = 0; k < Math.min(budget, candidates.length); k++) {
            int next = k < initial || evaluated.size() < 2
                    ? randomUnseen(candidates.length, seen, random)
                    : expectedImprovement(candidates, evaluated, values, seen, kernel);
            double value = objective.applyAsDouble(next);
            seen.add(next);
            evaluated.add(next);
            values.add(value);
            best.add(best.isEmpty() ? value : Math.min(best.get(best.size() - 1), value));
        }
        return new SearchTrace(evaluated, values, best);
    }

    /** Random search: {@code budget} distinct candidates drawn uniformly. */
    public static SearchTrace random(int candidates, IntToDoubleFunction objective, int budget, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> evaluated = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Double> best = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int k = 0; k < Math.min(budget, candidates); k++) {
            int next = randomUnseen(candidates, seen, random);
            seen.add(next);
            double value = objective.applyAsDouble(next);
            evaluated.add(next);
            values.add(value);
            best.add(best.isEmpty() ? value : Math.min(best.get(best.size() - 1), value));
        }
        return new SearchTrace(evaluated, values, best);
    }

    private static int expectedImprovement(
            double[][] candidates,
            List<Integer> evaluated,
            List<Double> values,
            Set<Integer> seen,
            GaussianKernel kernel) {
        double[][] x = new double[evaluated.size()][];
        double[] y = new double[evaluated.size()];
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            x[i] = candidates[evaluated.get(i)];
            y[i] = values.get(i);
            best = Math.min(best, y[i]);
        }
        GaussianProcessRegression<double[]> gp = GaussianProcessRegression.fit(x, y, kernel, 1e-3, true, 1e-5, 0);
        GaussianDistribution normal = GaussianDistribution.getInstance();
        int chosen = -1;
        double bestEi = -1;
        double[] estimate = new double[2];
        for (int c = 0; c < candidates.length; c++) {
            if (seen.contains(c)) {
                continue;
            }
            double mean = gp.predict(candidates[c], estimate);
            double sd = Math.max(1e-9, estimate[1]);
            double gain = best - mean;
            double z = gain / sd;
            double ei = gain * normal.cdf(z) + sd * normal.p(z);
            if (ei > bestEi) {
                bestEi = ei;
                chosen = c;
            }
        }
        return chosen;
    }

    private static int randomUnseen(int n, Set<Integer> seen, SplittableRandom random) {
        if (seen.size() >= n) {
            throw new IllegalStateException("every candidate was evaluated");
        }
        while (true) {
            int c = random.nextInt(n);
            if (!seen.contains(c)) {
                return c;
            }
        }
    }
}
