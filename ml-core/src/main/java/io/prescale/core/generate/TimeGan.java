package io.prescale.core.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.prescale.core.nn.DeepLearning;
import java.util.SplittableRandom;

/**
 * A conditional TimeGAN (Yoon, Jarrett &amp; van der Schaar, "Time-series Generative Adversarial Networks",
 * NeurIPS 2019), trained in its three phases: (1) embedder and recovery as an autoencoder, (2) the supervisor
 * on one-step-ahead latent dynamics, (3) joint training with the unsupervised adversarial loss, the supervised
 * loss {@code ‖H[t+1] − S(H)[t]‖²} and the moment loss, with the discriminator updated only while its loss
 * exceeds 0.15. The generator and discriminator also see the condition (phase and shape measures).
 *
 * <p>Why TimeGAN and not WGAN-GP: the gradient penalty needs second-order gradients through the critic, which
 * DJL's {@code GradientCollector} does not expose (its backward never creates a graph); and TimeGAN is the
 * reference our benchmark figures come from, so its supervised loss gives the stepwise dynamics our
 * predictive score rewards. Noise is Gaussian rather than TimeGAN's uniform, so that latent tails exist.
 *
 * <p>Cost on two cores: the GRUs run over folded windows ({@link GanNets#fold}), and the moment loss compares
 * folded steps, which are the same values as TimeGAN's per-step moments.
 */
public final class TimeGan {
    static final String KIND = "generate/gan";
    private static final float GAMMA = 1f;

    private TimeGan() {}

    public static LoadModelTrainer trainer(GanOptions options) {
        return (training, seed) -> train(training, options, seed);
    }

    static GanModel train(WindowSet training, GanOptions options, long seed) {
        if (training.size() == 0) {
            throw new IllegalArgumentException("no training windows: the series is shorter than one window");
        }
        ConditionSet conditions = ConditionSet.of(training);
        NDManager manager = DeepLearning.newManager();
        DeepLearning.seed(seed);
        GanNets nets = GanNets.create(manager, options, training.window(), training.features());
        new Loop(training, conditions, nets, options, manager, seed).run();
        return new GanModel(options, training.scaler(), conditions, manager, nets);
    }

    /** The training loop state: one Adam per network, the batch sampler, the parameter store. */
    private static final class Loop {
        private final WindowSet training;
        private final ConditionSet conditions;
        private final GanNets nets;
        private final GanOptions options;
        private final NDManager manager;
        private final SplittableRandom random;
        private final ParameterStore store;
        private final AdamStep embedder;
        private final AdamStep recovery;
        private final AdamStep generator;
        private final AdamStep supervisor;
        private final AdamStep discriminator;
        private final int steps;
        private final int folded;

        Loop(
                WindowSet training,
                ConditionSet conditions,
                GanNets nets,
                GanOptions options,
                NDManager manager,
                long seed) {
            this.training = training;
            this.conditions = conditions;
            this.nets = nets;
            this.options = options;
            this.manager = manager;
            this.random = new SplittableRandom(seed);
            this.store = new ParameterStore(manager, false);
            float lr = (float) options.learningRate();
            this.embedder = new AdamStep(nets.embedder(), lr);
            this.recovery = new AdamStep(nets.recovery(), lr);
            this.generator = new AdamStep(nets.generator(), lr);
            this.supervisor = new AdamStep(nets.supervisor(), lr);
            this.discriminator = new AdamStep(nets.discriminator(), lr);
            int fold = GanNets.fold(training.window());
            this.steps = training.window() / fold;
            this.folded = training.features() * fold;
        }

        void run() {
            for (int it = 0; it < options.embeddingIterations(); it++) {
                try (NDManager step = manager.newSubManager();
                        GradientCollector collector = DeepLearning.engine().newGradientCollector()) {
                    NDArray x = batch(step, draw());
                    NDArray xTilde =
                            GanNets.run(nets.recovery(), store, GanNets.run(nets.embedder(), store, x, true), true);
                    collector.backward(xTilde.sub(x).square().mean().sqrt().mul(10));
                }
                embedder.step();
                recovery.step();
            }
            for (int it = 0; it < options.supervisedIterations(); it++) {
                try (NDManager step = manager.newSubManager();
                        GradientCollector collector = DeepLearning.engine().newGradientCollector()) {
                    NDArray h = GanNets.run(nets.embedder(), store, batch(step, draw()), true)
                            .stopGradient();
                    collector.backward(supervisedLoss(h));
                }
                supervisor.step();
            }
            for (int it = 0; it < options.jointIterations(); it++) {
                generatorStep();
                generatorStep();
                embedderStep();
                discriminatorStep();
            }
        }

        private void generatorStep() {
            try (NDManager step = manager.newSubManager();
                    GradientCollector collector = DeepLearning.engine().newGradientCollector()) {
                int[] index = draw();
                NDArray x = batch(step, index);
                NDArray c = ConditionalVae.conditionBatch(step, conditions, index);
                NDArray h = GanNets.run(nets.embedder(), store, x, true);
                NDArray e = generate(step, c, index.length);
                NDArray hHat = GanNets.run(nets.supervisor(), store, e, true);
                NDArray xHat = GanNets.run(nets.recovery(), store, hHat, true);
                NDArray adversarial = bce(discriminate(hHat, c), 1)
                        .add(bce(discriminate(e, c), 1).mul(GAMMA));
                NDArray moments = std(xHat)
                        .sub(std(x))
                        .abs()
                        .mean()
                        .add(xHat.mean(new int[] {0})
                                .sub(x.mean(new int[] {0}))
                                .abs()
                                .mean());
                NDArray supervised = supervisedLoss(h);
                collector.backward(
                        adversarial.add(supervised.add(1e-8f).sqrt().mul(100)).add(moments.mul(100)));
            }
            generator.step();
            supervisor.step();
            embedder.zero();
            recovery.zero();
            discriminator.zero();
        }

        private void embedderStep() {
            try (NDManager step = manager.newSubManager();
                    GradientCollector collector = DeepLearning.engine().newGradientCollector()) {
                NDArray x = batch(step, draw());
                NDArray h = GanNets.run(nets.embedder(), store, x, true);
                NDArray xTilde = GanNets.run(nets.recovery(), store, h, true);
                NDArray loss = xTilde.sub(x)
                        .square()
                        .mean()
                        .sqrt()
                        .mul(10)
                        .add(supervisedLoss(h).mul(0.1f));
                collector.backward(loss);
            }
            embedder.step();
            recovery.step();
            supervisor.zero();
        }

        private void discriminatorStep() {
            boolean update;
            try (NDManager step = manager.newSubManager();
                    GradientCollector collector = DeepLearning.engine().newGradientCollector()) {
                int[] index = draw();
                NDArray c = ConditionalVae.conditionBatch(step, conditions, index);
                NDArray h = GanNets.run(nets.embedder(), store, batch(step, index), false)
                        .stopGradient();
                NDArray e = generate(step, c, index.length).stopGradient();
                NDArray hHat = GanNets.run(nets.supervisor(), store, e, false).stopGradient();
                NDArray loss = bce(discriminate(h, c), 1)
                        .add(bce(discriminate(hHat, c), 0))
                        .add(bce(discriminate(e, c), 0).mul(GAMMA));
                update = loss.getFloat() > 0.15f;
                if (update) {
                    collector.backward(loss);
                }
            }
            if (update) {
                discriminator.step();
            }
        }

        private NDArray generate(NDManager step, NDArray c, int n) {
            NDArray z = Tensors.normal(step, random, new Shape(n, steps, options.noiseDims()));
            return GanNets.run(nets.generator(), store, z.concat(GanNets.perStep(c, steps), 2), true);
        }

        private NDArray discriminate(NDArray h, NDArray c) {
            return GanNets.run(nets.discriminator(), store, h.concat(GanNets.perStep(c, steps), 2), true);
        }

        private NDArray supervisedLoss(NDArray h) {
            NDArray next = GanNets.run(nets.supervisor(), store, h, true);
            return h.get(new NDIndex(":, 1:, :"))
                    .sub(next.get(new NDIndex(":, :-1, :")))
                    .square()
                    .mean();
        }

        private int[] draw() {
            return Tensors.draw(random, training.size(), Math.min(options.batchSize(), training.size()));
        }

        /** Windows {@code index}, folded to (batch, GRU steps, fold × features). */
        private NDArray batch(NDManager step, int[] index) {
            return Tensors.batch(step, training.windows(), index).reshape(index.length, steps, folded);
        }

        /** Standard deviation over the batch axis (TimeGAN's moment loss). */
        private static NDArray std(NDArray x) {
            NDArray centred = x.sub(x.mean(new int[] {0}, true));
            return centred.square().mean(new int[] {0}).add(1e-6f).sqrt();
        }

        /** Binary cross-entropy of logits against a constant label. */
        private static NDArray bce(NDArray logits, int label) {
            NDArray softplus = Activation.softPlus(logits);
            return (label == 1 ? softplus.sub(logits) : softplus).mean();
        }
    }
}
