package io.prescale.core.generate;

import java.util.random.RandomGenerator;

/**
 * The condition vectors of the conditional models: for each training window its phase (as sin, cos over the
 * period = window length) and its {@link ProfileShape} measured on the load feature in data units. At sampling
 * time a training window's vector is drawn and the requested phase or controls replace its parts, then the shape
 * part is standardised with the training mean and standard deviation (clipped to ±5).
 */
final class ConditionSet {
    static final int SIZE = 6;
    private final int window;
    private final int[] phases;
    private final double[][] shapes;
    private final double[] mean = new double[4];
    private final double[] std = new double[4];

    ConditionSet(int window, int[] phases, double[][] shapes) {
        this.window = window;
        this.phases = phases;
        this.shapes = shapes;
        for (double[] s : shapes) {
            for (int k = 0; k < 4; k++) {
                mean[k] += s[k] / shapes.length;
            }
        }
        for (double[] s : shapes) {
            for (int k = 0; k < 4; k++) {
                std[k] += (s[k] - mean[k]) * (s[k] - mean[k]) / shapes.length;
            }
        }
        for (int k = 0; k < 4; k++) {
            std[k] = Math.max(Math.sqrt(std[k]), 1e-6);
        }
    }

    /** Measures every window of {@code set}. */
    static ConditionSet of(WindowSet set) {
        int n = set.size();
        int[] phases = new int[n];
        double[][] shapes = new double[n][];
        int load = set.features() - 1;
        double[] values = new double[set.window()];
        for (int i = 0; i < n; i++) {
            phases[i] = set.phase(i);
            double[][] w = set.windows()[i];
            for (int t = 0; t < values.length; t++) {
                values[t] = Math.max(0, set.scaler().unscale(load, w[t][load]));
            }
            shapes[i] = ProfileShape.measure(values).toArray();
        }
        return new ConditionSet(set.window(), phases, shapes);
    }

    int size() {
        return phases.length;
    }

    int window() {
        return window;
    }

    int[] phases() {
        return phases;
    }

    double[][] shapes() {
        return shapes;
    }

    /** The standardised condition of training window {@code i}. */
    float[] of(int i) {
        return vector(phases[i], shapes[i]);
    }

    /** A condition drawn from the training windows with the requested parts replaced. */
    float[] draw(RandomGenerator random, Conditioning conditioning) {
        int i = random.nextInt(phases.length);
        int phase = conditioning.phase() >= 0 ? conditioning.phase() % window : phases[i];
        double[] shape = shapes[i].clone();
        double[] targets = conditioning.controls().targets();
        for (int k = 0; k < 4; k++) {
            if (!Double.isNaN(targets[k])) {
                shape[k] = targets[k];
            }
        }
        return vector(phase, shape);
    }

    private float[] vector(int phase, double[] shape) {
        float[] c = new float[SIZE];
        double angle = 2 * Math.PI * phase / window;
        c[0] = (float) Math.sin(angle);
        c[1] = (float) Math.cos(angle);
        for (int k = 0; k < 4; k++) {
            c[2 + k] = (float) Math.max(-5, Math.min(5, (shape[k] - mean[k]) / std[k]));
        }
        return c;
    }
}
