package io.prescale.core.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.recurrent.GRU;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Recurrent inference must compute what the equations say: PyTorch's own no-grad CPU kernel does not on some
 * CPUs, which is why inference goes through {@link DeepLearning#recurrentForward}. Each layer's last output is
 * checked against a hand computation in PyTorch's gate order from the block's own weights.
 */
class RecurrentInferenceTest {
    private static final int BATCH = 3;
    private static final int STEPS = 7;
    private static final int INPUTS = 5;
    private static final int HIDDEN = 8;

    @Test
    void lstmInferenceMatchesTheEquations() {
        check(
                LSTM.builder()
                        .setStateSize(HIDDEN)
                        .setNumLayers(1)
                        .optBatchFirst(true)
                        .optReturnState(false)
                        .build(),
                RecurrentInferenceTest::lstm);
    }

    @Test
    void gruInferenceMatchesTheEquations() {
        check(
                GRU.builder()
                        .setStateSize(HIDDEN)
                        .setNumLayers(1)
                        .optBatchFirst(true)
                        .optReturnState(false)
                        .build(),
                RecurrentInferenceTest::gru);
    }

    private interface Reference {
        double[] lastState(Map<String, float[]> weights, float[] x, int sample);
    }

    private static void check(Block block, Reference reference) {
        DeepLearning.seed(3);
        try (NDManager manager = DeepLearning.newManager()) {
            block.initialize(manager, DataType.FLOAT32, new Shape(BATCH, STEPS, INPUTS));
            NDArray x = manager.randomNormal(new Shape(BATCH, STEPS, INPUTS));
            NDArray out = DeepLearning.recurrentForward(block, new ParameterStore(manager, false), x, false);
            float[] got = out.get(":, -1, :").toFloatArray();
            Map<String, float[]> weights = new HashMap<>();
            block.getParameters()
                    .forEach(p -> weights.put(
                            kind(p.getKey()), p.getValue().getArray().toFloatArray()));
            float[] xs = x.toFloatArray();
            for (int b = 0; b < BATCH; b++) {
                double[] expected = reference.lastState(weights, xs, b);
                for (int j = 0; j < HIDDEN; j++) {
                    assertThat((double) got[b * HIDDEN + j])
                            .as("sample %d unit %d", b, j)
                            .isCloseTo(expected[j], within(1e-4));
                }
            }
        }
    }

    private static String kind(String key) {
        String k = key.toLowerCase();
        return (k.contains("i2h") ? "i" : "h") + (k.contains("weight") ? "w" : "b");
    }

    /** z = W_i x + b_i + W_h h + b_h for {@code gates} stacked gates. */
    private static double[] preActivation(Map<String, float[]> w, float[] x, int offset, double[] h, int gates) {
        double[] z = new double[gates * HIDDEN];
        for (int j = 0; j < z.length; j++) {
            double s = w.get("ib")[j] + w.get("hb")[j];
            for (int q = 0; q < INPUTS; q++) {
                s += w.get("iw")[j * INPUTS + q] * x[offset + q];
            }
            for (int q = 0; q < HIDDEN; q++) {
                s += w.get("hw")[j * HIDDEN + q] * h[q];
            }
            z[j] = s;
        }
        return z;
    }

    private static double[] lstm(Map<String, float[]> w, float[] x, int sample) {
        double[] h = new double[HIDDEN];
        double[] c = new double[HIDDEN];
        for (int t = 0; t < STEPS; t++) {
            double[] z = preActivation(w, x, (sample * STEPS + t) * INPUTS, h, 4);
            for (int j = 0; j < HIDDEN; j++) {
                double in = sigmoid(z[j]);
                double forget = sigmoid(z[HIDDEN + j]);
                double cell = Math.tanh(z[2 * HIDDEN + j]);
                double out = sigmoid(z[3 * HIDDEN + j]);
                c[j] = forget * c[j] + in * cell;
                h[j] = out * Math.tanh(c[j]);
            }
        }
        return h;
    }

    private static double[] gru(Map<String, float[]> w, float[] x, int sample) {
        double[] h = new double[HIDDEN];
        for (int t = 0; t < STEPS; t++) {
            int offset = (sample * STEPS + t) * INPUTS;
            double[] next = new double[HIDDEN];
            for (int j = 0; j < HIDDEN; j++) {
                double[] gi = new double[3];
                double[] gh = new double[3];
                for (int g = 0; g < 3; g++) {
                    int row = g * HIDDEN + j;
                    gi[g] = w.get("ib")[row];
                    gh[g] = w.get("hb")[row];
                    for (int q = 0; q < INPUTS; q++) {
                        gi[g] += w.get("iw")[row * INPUTS + q] * x[offset + q];
                    }
                    for (int q = 0; q < HIDDEN; q++) {
                        gh[g] += w.get("hw")[row * HIDDEN + q] * h[q];
                    }
                }
                double reset = sigmoid(gi[0] + gh[0]);
                double update = sigmoid(gi[1] + gh[1]);
                double candidate = Math.tanh(gi[2] + reset * gh[2]);
                next[j] = (1 - update) * candidate + update * h[j];
            }
            h = next;
        }
        return h;
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }
}
