package io.prescale.core.forecast;

import java.util.function.ToDoubleFunction;

/** The Nelder–Mead simplex minimiser (Nelder & Mead 1965, "A simplex method for function minimization"). */
final class NelderMead {
    private NelderMead() {}

    /** Minimises {@code f} from {@code start} with initial steps {@code delta}, for at most {@code maxEvals} calls. */
    static double[] minimise(ToDoubleFunction<double[]> f, double[] start, double delta, int maxEvals) {
        int d = start.length;
        double[][] simplex = new double[d + 1][];
        double[] values = new double[d + 1];
        for (int i = 0; i <= d; i++) {
            simplex[i] = start.clone();
            if (i > 0) {
                simplex[i][i - 1] += delta;
            }
            values[i] = f.applyAsDouble(simplex[i]);
        }
        int evals = d + 1;
        while (evals < maxEvals) {
            sort(simplex, values);
            if (Math.abs(values[d] - values[0]) <= 1e-10 * (Math.abs(values[0]) + 1e-12)) {
                break;
            }
            double[] centroid = new double[d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    centroid[j] += simplex[i][j] / d;
                }
            }
            double[] reflected = move(centroid, simplex[d], -1);
            double fr = f.applyAsDouble(reflected);
            evals++;
            if (fr < values[0]) {
                double[] expanded = move(centroid, simplex[d], -2);
                double fe = f.applyAsDouble(expanded);
                evals++;
                replace(simplex, values, d, fe < fr ? expanded : reflected, Math.min(fe, fr));
            } else if (fr < values[d - 1]) {
                replace(simplex, values, d, reflected, fr);
            } else {
                double[] contracted = move(centroid, simplex[d], 0.5);
                double fc = f.applyAsDouble(contracted);
                evals++;
                if (fc < values[d]) {
                    replace(simplex, values, d, contracted, fc);
                } else {
                    for (int i = 1; i <= d; i++) {
                        simplex[i] = move(simplex[0], simplex[i], 0.5);
                        values[i] = f.applyAsDouble(simplex[i]);
                        evals++;
                    }
                }
            }
        }
        sort(simplex, values);
        return simplex[0];
    }

    /** {@code from + t·(towards − from)}. */
    private static double[] move(double[] from, double[] towards, double t) {
        double[] out = new double[from.length];
        for (int j = 0; j < from.length; j++) {
            out[j] = from[j] + t * (towards[j] - from[j]);
        }
        return out;
    }

    private static void replace(double[][] simplex, double[] values, int i, double[] point, double value) {
        simplex[i] = point;
        values[i] = value;
    }

    private static void sort(double[][] simplex, double[] values) {
        for (int i = 1; i < values.length; i++) {
            for (int j = i; j > 0 && values[j] < values[j - 1]; j--) {
                double v = values[j];
                values[j] = values[j - 1];
                values[j - 1] = v;
                double[] p = simplex[j];
                simplex[j] = simplex[j - 1];
                simplex[j - 1] = p;
            }
        }
    }
}
