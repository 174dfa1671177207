package io.prescale.core.tune;

import java.util.ArrayList;
import java.util.List;

/**
 * A trained PPO actor, copied out of the network into plain arrays: a tanh MLP whose greedy action is the argmax
 * of its logits. Immutable and thread-safe; holds no native memory.
 */
public final class PpoPolicy {
    /** Layers in order; weights[l] is out × in, row-major. */
    private final List<float[]> weights;

    private final List<float[]> biases;
    private final int[] widths;

    PpoPolicy(List<float[]> weights, List<float[]> biases, int[] widths) {
        this.weights = List.copyOf(weights);
        this.biases = List.copyOf(biases);
        this.widths = widths.clone();
    }

    /** The action with the largest probability for {@code observation}. */
    public int act(double[] observation) {
        double[] logits = logits(observation);
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Actions by decreasing probability. */
    public List<Integer> ranked(double[] observation) {
        double[] logits = logits(observation);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < logits.length; i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(logits[b], logits[a]));
        return order;
    }

    /** The network's raw outputs (logits of an actor, the value of a critic). */
    double[] logits(double[] observation) {
        if (observation.length != widths[0]) {
            throw new IllegalArgumentException(
                    "observation must have " + widths[0] + " values, got " + observation.length);
        }
        double[] x = observation.clone();
        for (int l = 0; l < weights.size(); l++) {
            int in = widths[l];
            int out = widths[l + 1];
            float[] w = weights.get(l);
            float[] b = biases.get(l);
            double[] y = new double[out];
            for (int o = 0; o < out; o++) {
                double sum = b[o];
                for (int i = 0; i < in; i++) {
                    sum += w[o * in + i] * x[i];
                }
                y[o] = l < weights.size() - 1 ? Math.tanh(sum) : sum;
            }
            x = y;
        }
        return x;
    }
}
