package io.prescale.core.tune;

import java.util.SplittableRandom;

/**
 * A maximin Latin hypercube design (McKay, Beckman, Conover, Technometrics 1979; the maximin criterion of Johnson,
 * Moore, Ylvisaker, J. Stat. Planning and Inference 1990): n points in [0, 1]^d, each coordinate's n strata hit
 * once, the best of {@code candidates} random hypercubes by their smallest pairwise distance. Seeded.
 */
public final class LatinHypercube {
    private LatinHypercube() {}

    /** {@code n} points of dimension {@code d}, the best of 50 candidate designs. */
    public static double[][] sample(int n, int d, long seed) {
        if (n < 1 || d < 1) {
            throw new IllegalArgumentException("a design needs n ≥ 1 and d ≥ 1, got n=" + n + " d=" + d);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[][] best = null;
        double bestDistance = -1;
        for (int c = 0; c < 50; c++) {
            double[][] design = one(n, d, random);
            double distance = minDistance(design);
            if (distance > bestDistance) {
                best = design;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static double[][] one(int n, int d, SplittableRandom random) {
        double[][] points = new double[n][d];
        for (int j = 0; j < d; j++) {
            int[] perm = new int[n];
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int k = random.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[k];
                perm[k] = t;
            }
            for (int i = 0; i < n; i++) {
                points[i][j] = (perm[i] + random.nextDouble()) / n;
            }
        }
        return points;
    }

    private static double minDistance(double[][] points) {
        double min = Double.POSITIVE_INFINITY;
        for (int a = 0; a < points.length; a++) {
            for (int b = a + 1; b < points.length; b++) {
                double sum = 0;
                for (int j = 0; j < points[a].length; j++) {
                    double diff = points[a][j] - points[b][j];
                    sum += diff * diff;
                }
                min = Math.min(min, sum);
            }
        }
        return min;
    }
}
