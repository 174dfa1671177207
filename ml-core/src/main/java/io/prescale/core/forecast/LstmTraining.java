package io.prescale.core.forecast;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.prescale.core.nn.DeepLearning;
import io.prescale.core.nn.ModelArchive;
import io.prescale.core.series.TimeSeries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One training run of the LSTM: windows, seeded shuffling, Adam, early stopping on the newest windows. */
final class LstmTraining {
    private static final Logger LOG = LoggerFactory.getLogger(LstmTraining.class);
    private final LstmForecaster.Spec spec;
    private final LstmOptions options;
    private final long seed;

    record Outcome(byte[] parameters, double trainLoss, double valLoss, int epochs) {}

    LstmTraining(LstmForecaster.Spec spec, LstmOptions options, long seed) {
        this.spec = spec;
        this.options = options;
        this.seed = seed;
    }

    Outcome train(TimeSeries history, byte[] warmStart) {
        double[] raw = history.values();
        double[] y = Gaps.fill(raw, spec.period());
        for (int i = 0; i < y.length; i++) {
            y[i] /= spec.scale();
        }
        int w = spec.window();
        int out = spec.outSteps();
        int first = Math.max(w, spec.period());
        int last = y.length - out;
        int count = Math.min(options.maxWindows(), last - first + 1);
        int[] origins = new int[count];
        for (int i = 0; i < count; i++) {
            origins[i] = last - count + 1 + i;
        }
        int valCount = Math.max(1, (int) Math.round(count * options.validationFraction()));
        int trainCount = Math.max(1, count - valCount - out);
        float[][] xs = new float[count][w * LstmNetwork.CHANNELS];
        float[][] ys = new float[count][out];
        long stepSeconds = spec.step().toSeconds();
        for (int i = 0; i < count; i++) {
            LstmNetwork.window(
                    y, origins[i], w, out, spec.period(), history.start().getEpochSecond(), stepSeconds, xs[i], 0);
            for (int k = 0; k < out; k++) {
                ys[i][k] = (float) y[origins[i] + k];
            }
        }
        DeepLearning.seed(seed);
        try (Model model =
                Model.newInstance("prescale-lstm-train", DeepLearning.engine().getEngineName())) {
            Block block = LstmNetwork.block(spec.hidden(), out);
            model.setBlock(block);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l1Loss())
                    .optOptimizer(Optimizer.adam()
                            .optLearningRateTracker(Tracker.fixed((float) options.learningRate()))
                            .build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(LstmNetwork.inputShape(options.batchSize(), w));
                if (warmStart != null) {
                    warmStart(block, model.getNDManager(), warmStart, w);
                }
                return loop(trainer, block, model.getNDManager(), xs, ys, trainCount, count);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies saved weights into the trainer's own parameter tensors, in place: the trainer keeps references to
     * the tensors it initialised, so replacing them (as loading does) would leave it training the random ones.
     */
    private void warmStart(Block block, NDManager manager, byte[] parameters, int window) throws IOException {
        Block saved = LstmNetwork.block(spec.hidden(), spec.outSteps());
        try (NDManager temp = manager.newSubManager()) {
            saved.initialize(temp, ai.djl.ndarray.types.DataType.FLOAT32, LstmNetwork.inputShape(1, window));
            ModelArchive.loadParameters(saved, temp, parameters);
            var target = block.getParameters().values();
            var source = saved.getParameters().values();
            for (int i = 0; i < target.size(); i++) {
                target.get(i).getArray().set(source.get(i).getArray().toFloatArray());
            }
        }
    }

    private Outcome loop(
            Trainer trainer, Block block, NDManager root, float[][] xs, float[][] ys, int trainCount, int count)
            throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[trainCount];
        for (int i = 0; i < trainCount; i++) {
            order[i] = i;
        }
        double bestVal = Double.POSITIVE_INFINITY;
        double bestTrain = Double.NaN;
        byte[] best = ModelArchive.parameters(block);
        int epochs = 0;
        int sinceBest = 0;
        for (int epoch = 0; epoch < options.maxEpochs(); epoch++) {
            shuffle(order, random);
            double trainLoss = 0;
            int batches = 0;
            for (int b = 0; b < trainCount; b += options.batchSize()) {
                int size = Math.min(options.batchSize(), trainCount - b);
                try (NDManager batch = root.newSubManager()) {
                    NDArray x = batch.create(
                            gather(xs, order, b, size),
                            LstmNetwork.inputShape(size, xs[0].length / LstmNetwork.CHANNELS));
                    NDArray t = batch.create(gather(ys, order, b, size), new Shape(size, ys[0].length));
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDArray loss = LstmNetwork.quantileLoss(
                                trainer.forward(new NDList(x)).singletonOrThrow(), t, ys[0].length);
                        collector.backward(loss);
                        trainLoss += loss.getFloat();
                    }
                    trainer.step();
                }
                batches++;
            }
            epochs++;
            double val = validate(block, root, xs, ys, Math.min(count - 1, trainCount + ys[0].length), count);
            LOG.debug("lstm epoch {} train {} val {}", epochs, trainLoss / batches, val);
            if (val < bestVal - 1e-6) {
                bestVal = val;
                bestTrain = trainLoss / batches;
                best = ModelArchive.parameters(block);
                sinceBest = 0;
            } else if (++sinceBest >= options.patience()) {
                break;
            }
        }
        return new Outcome(best, bestTrain, bestVal, epochs);
    }

    private static double validate(Block block, NDManager root, float[][] xs, float[][] ys, int from, int to) {
        int size = to - from;
        int[] idx = new int[size];
        for (int i = 0; i < size; i++) {
            idx[i] = from + i;
        }
        try (NDManager manager = root.newSubManager()) {
            NDArray x = manager.create(
                    gather(xs, idx, 0, size), LstmNetwork.inputShape(size, xs[0].length / LstmNetwork.CHANNELS));
            NDArray t = manager.create(gather(ys, idx, 0, size), new Shape(size, ys[0].length));
            NDArray prediction = DeepLearning.recurrentForward(block, new ParameterStore(manager, false), x, false);
            return LstmNetwork.quantileLoss(prediction, t, ys[0].length).getFloat();
        }
    }

    private static float[] gather(float[][] rows, int[] order, int from, int size) {
        int width = rows[0].length;
        float[] flat = new float[size * width];
        for (int i = 0; i < size; i++) {
            System.arraycopy(rows[order[from + i]], 0, flat, i * width, width);
        }
        return flat;
    }

    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
