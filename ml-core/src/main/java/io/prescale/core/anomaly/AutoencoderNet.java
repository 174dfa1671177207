package io.prescale.core.anomaly;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.prescale.core.nn.DeepLearning;
import io.prescale.core.nn.ModelArchive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The dense autoencoder window → hidden → code → hidden → window, trained with DJL on PyTorch (CPU, offline,
 * seeded through {@link DeepLearning}) on mean-squared reconstruction error with Adam. After training, the
 * weights are copied into plain arrays, so scoring many rows is a cheap forward pass in Java and the model holds
 * no native memory. {@link #parameters()} are DJL's parameter bytes for a {@link ModelArchive}.
 */
final class AutoencoderNet {
    private final int window;
    private final int hidden;
    private final int code;
    private final List<float[][]> weights;
    private final List<float[]> biases;
    private final byte[] parameters;

    private AutoencoderNet(
            int window, int hidden, int code, List<float[][]> weights, List<float[]> biases, byte[] parameters) {
        this.window = window;
        this.hidden = hidden;
        this.code = code;
        this.weights = weights;
        this.biases = biases;
        this.parameters = parameters;
    }

    static Block block(int window, int hidden, int code) {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(hidden).build())
                .add(Activation::tanh)
                .add(Linear.builder().setUnits(code).build())
                .add(Activation::tanh)
                .add(Linear.builder().setUnits(hidden).build())
                .add(Activation::tanh)
                .add(Linear.builder().setUnits(window).build());
    }

    /** Trains on {@code windows} (each of length {@code window}, already normalised) for {@code steps} steps. */
    static AutoencoderNet train(float[][] windows, int hidden, int code, int steps, int batch, long seed) {
        int window = windows[0].length;
        DeepLearning.seed(seed);
        SplittableRandom random = new SplittableRandom(seed);
        try (Model model =
                Model.newInstance("anomaly-autoencoder", DeepLearning.engine().getEngineName())) {
            model.setBlock(block(window, hidden, code));
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                    .optOptimizer(Optimizer.adam()
                            .optLearningRateTracker(Tracker.fixed(0.01f))
                            .build());
            try (Trainer trainer = model.newTrainer(config)) {
                int size = Math.min(batch, windows.length);
                trainer.initialize(new Shape(size, window));
                for (int step = 0; step < steps; step++) {
                    try (NDManager batchManager = trainer.getManager().newSubManager()) {
                        float[] flat = new float[size * window];
                        for (int b = 0; b < size; b++) {
                            System.arraycopy(windows[random.nextInt(windows.length)], 0, flat, b * window, window);
                        }
                        NDArray x = batchManager.create(flat, new Shape(size, window));
                        try (GradientCollector collector = trainer.newGradientCollector()) {
                            NDArray out = trainer.forward(new NDList(x)).singletonOrThrow();
                            NDArray loss = trainer.getLoss().evaluate(new NDList(x), new NDList(out));
                            collector.backward(loss);
                        }
                        if (!stepped(trainer)) {
                            break;
                        }
                    }
                }
            }
            return fromBlock(model.getBlock(), window, hidden, code);
        }
    }

    /** One optimiser step; false when every gradient is zero (the windows are reconstructed exactly). */
    private static boolean stepped(Trainer trainer) {
        try {
            trainer.step();
            return true;
        } catch (IllegalStateException allGradientsZero) {
            return false;
        }
    }

    /** Rebuilds a net from DJL parameter bytes written by {@link #parameters()}. */
    static AutoencoderNet load(byte[] parameters, int window, int hidden, int code) {
        try (NDManager manager = DeepLearning.newManager()) {
            Block block = block(window, hidden, code);
            block.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, window));
            ModelArchive.loadParameters(block, manager, parameters);
            return fromBlock(block, window, hidden, code);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AutoencoderNet fromBlock(Block block, int window, int hidden, int code) {
        List<float[][]> weights = new ArrayList<>();
        List<float[]> biases = new ArrayList<>();
        for (var child : block.getChildren().values()) {
            if (child instanceof Linear linear) {
                NDArray w = linear.getParameters().get("weight").getArray();
                long[] shape = w.getShape().getShape();
                float[] flat = w.toFloatArray();
                float[][] matrix = new float[(int) shape[0]][(int) shape[1]];
                for (int r = 0; r < shape[0]; r++) {
                    System.arraycopy(flat, (int) (r * shape[1]), matrix[r], 0, (int) shape[1]);
                }
                weights.add(matrix);
                biases.add(linear.getParameters().get("bias").getArray().toFloatArray());
            }
        }
        try {
            return new AutoencoderNet(window, hidden, code, weights, biases, ModelArchive.parameters(block));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Mean squared reconstruction error of one normalised window. */
    double reconstructionError(float[] input) {
        float[] activation = input;
        for (int layer = 0; layer < weights.size(); layer++) {
            float[][] w = weights.get(layer);
            float[] b = biases.get(layer);
            float[] next = new float[w.length];
            for (int o = 0; o < w.length; o++) {
                float sum = b[o];
                float[] row = w[o];
                for (int k = 0; k < row.length; k++) {
                    sum += row[k] * activation[k];
                }
                next[o] = layer < weights.size() - 1 ? (float) Math.tanh(sum) : sum;
            }
            activation = next;
        }
        double error = 0;
        for (int k = 0; k < window; k++) {
            double d = activation[k] - input[k];
            error += d * d;
        }
        return error / window;
    }

    int window() {
        return window;
    }

    int hidden() {
        return hidden;
    }

    int code() {
        return code;
    }

    byte[] parameters() {
        return parameters.clone();
    }
}
