package io.prescale.core.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.GRU;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.prescale.core.nn.DeepLearning;
import java.util.SplittableRandom;

/**
 * TimeGAN's post-hoc networks (Yoon et al., NeurIPS 2019, {@code metrics/discriminative_metrics.py} and
 * {@code predictive_metrics.py}): a one-layer GRU of hidden size max(1, ⌊dim/2⌋), a linear layer and a sigmoid,
 * trained with Adam (learning rate 0.001). The discriminator classifies real against synthetic windows from the
 * last hidden state; the predictor maps every step's features to the last feature one step ahead, with L1 loss.
 */
final class PostHocGru {
    private static final float LEARNING_RATE = 1e-3f;

    private PostHocGru() {}

    static int hiddenSize(int features) {
        return Math.max(1, features / 2);
    }

    /**
     * |accuracy − 0.5| of a GRU classifier trained on 80 % of each set and tested on the other 20 % (threshold
     * 0.5). Each training iteration uses {@code batch} real and {@code batch} synthetic windows.
     */
    static double discriminativeScore(double[][][] real, double[][][] synthetic, int iterations, int batch, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] realOrder = permutation(real.length, random);
        int[] synthOrder = permutation(synthetic.length, random);
        int realTrain = (int) (real.length * 0.8);
        int synthTrain = (int) (synthetic.length * 0.8);
        int steps = real[0].length;
        int features = real[0][0].length;
        try (NDManager manager = DeepLearning.newManager()) {
            DeepLearning.seed(seed);
            SequentialBlock net = new SequentialBlock()
                    .add(GRU.builder()
                            .setStateSize(hiddenSize(features))
                            .setNumLayers(1)
                            .optBatchFirst(true)
                            .build())
                    .addSingleton(h -> h.get(new NDIndex(":, -1, :")))
                    .add(Linear.builder().setUnits(1).build());
            net.initialize(manager, DataType.FLOAT32, new Shape(1, steps, features));
            AdamStep adam = new AdamStep(net, LEARNING_RATE);
            ParameterStore store = new ParameterStore(manager, false);
            for (int it = 0; it < iterations; it++) {
                int[] r = sub(realOrder, 0, realTrain, random, batch);
                int[] s = sub(synthOrder, 0, synthTrain, random, batch);
                try (NDManager step = manager.newSubManager();
                        GradientCollector collector = DeepLearning.engine().newGradientCollector()) {
                    NDArray x = Tensors.batch(step, real, r).concat(Tensors.batch(step, synthetic, s), 0);
                    NDArray y = step.ones(new Shape(r.length, 1)).concat(step.zeros(new Shape(s.length, 1)), 0);
                    NDArray logits = Chunked.forward(net, store, x, true);
                    // binary cross-entropy on logits: softplus(z) − z·y
                    collector.backward(
                            Activation.softPlus(logits).sub(logits.mul(y)).mean());
                }
                adam.step();
            }
            int correct = 0;
            int[] realTest = java.util.Arrays.copyOfRange(realOrder, realTrain, real.length);
            int[] synthTest = java.util.Arrays.copyOfRange(synthOrder, synthTrain, synthetic.length);
            correct += countAbove(net, store, manager, real, realTest, true);
            correct += countAbove(net, store, manager, synthetic, synthTest, false);
            double accuracy = correct / (double) (realTest.length + synthTest.length);
            return Math.abs(accuracy - 0.5);
        }
    }

    /**
     * Mean absolute one-step error on {@code test} of a GRU trained on {@code train}, target the last feature at
     * steps 2..W; input at steps 1..W−1 the first dim−1 features when {@code paperInputs} and there are several
     * (TimeGAN's code), else all features (the target's own lag included).
     */
    static double predictiveMae(
            double[][][] train, double[][][] test, int iterations, int batch, boolean paperInputs, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int steps = train[0].length;
        int all = train[0][0].length;
        int features = paperInputs && all > 1 ? all - 1 : all;
        try (NDManager manager = DeepLearning.newManager()) {
            DeepLearning.seed(seed);
            SequentialBlock net = new SequentialBlock()
                    .add(GRU.builder()
                            .setStateSize(hiddenSize(all))
                            .setNumLayers(1)
                            .optBatchFirst(true)
                            .build())
                    .add(Linear.builder().setUnits(1).build())
                    .addSingleton(Activation::sigmoid);
            net.initialize(manager, DataType.FLOAT32, new Shape(1, steps - 1, features));
            AdamStep adam = new AdamStep(net, LEARNING_RATE);
            ParameterStore store = new ParameterStore(manager, false);
            for (int it = 0; it < iterations; it++) {
                int[] index = Tensors.draw(random, train.length, Math.min(batch, train.length));
                try (NDManager step = manager.newSubManager();
                        GradientCollector collector = DeepLearning.engine().newGradientCollector()) {
                    NDArray x = Tensors.batch(step, train, index, 0, steps - 1, 0, features);
                    NDArray y = Tensors.batch(step, train, index, 1, steps, all - 1, all);
                    NDArray prediction = Chunked.forward(net, store, x, true);
                    collector.backward(prediction.sub(y).abs().mean());
                }
                adam.step();
            }
            double sum = 0;
            for (int from = 0; from < test.length; from += 512) {
                int[] index = range(from, Math.min(test.length, from + 512));
                try (NDManager step = manager.newSubManager()) {
                    NDArray x = Tensors.batch(step, test, index, 0, steps - 1, 0, features);
                    NDArray y = Tensors.batch(step, test, index, 1, steps, all - 1, all);
                    NDArray prediction = Chunked.forward(net, store, x, false);
                    sum += prediction.sub(y).abs().mean().getFloat() * index.length;
                }
            }
            return sum / test.length;
        }
    }

    private static int countAbove(
            SequentialBlock net,
            ParameterStore store,
            NDManager manager,
            double[][][] windows,
            int[] index,
            boolean wantAbove) {
        int correct = 0;
        for (int from = 0; from < index.length; from += 512) {
            int[] part = java.util.Arrays.copyOfRange(index, from, Math.min(index.length, from + 512));
            try (NDManager step = manager.newSubManager()) {
                float[] logits = Chunked.forward(net, store, Tensors.batch(step, windows, part), false)
                        .toFloatArray();
                for (float logit : logits) {
                    correct += (logit > 0) == wantAbove ? 1 : 0;
                }
            }
        }
        return correct;
    }

    private static int[] sub(int[] order, int from, int to, SplittableRandom random, int size) {
        int[] out = new int[Math.min(size, to - from)];
        for (int i = 0; i < out.length; i++) {
            out[i] = order[from + random.nextInt(to - from)];
        }
        return out;
    }

    static int[] permutation(int n, SplittableRandom random) {
        int[] order = range(0, n);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return order;
    }

    static int[] range(int from, int to) {
        int[] out = new int[to - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i;
        }
        return out;
    }
}
