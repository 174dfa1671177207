package io.prescale.core.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.prescale.core.nn.DeepLearning;
import java.util.SplittableRandom;

/**
 * A conditional variational autoencoder (Kingma &amp; Welling, ICLR 2014; conditional form after Sohn, Lee &amp;
 * Yan, NeurIPS 2015) over whole windows, with dense encoder and decoder as in TimeVAE's base model (Desai et al.,
 * 2021). Encoder {@code q(z | x, c)} and decoder {@code p(x | z, c)} both see the condition {@code c}: the
 * window's phase and its {@link ProfileShape} (seasonality, trend, noise, peak factor) — the profile controls —
 * so that sampling can ask for a phase and shape. Loss: {@code reconstructionWeight · Σ(x − x̂)² + KL(q ‖ N(0, I))}.
 * Dense layers over the flattened day rather than recurrent ones: a day is short and of fixed length, and a
 * dense VAE trains in seconds on two cores.
 */
public final class ConditionalVae {
    static final String KIND = "generate/vae";

    private ConditionalVae() {}

    /** A trainer with these options. */
    public static LoadModelTrainer trainer(VaeOptions options) {
        return (training, seed) -> train(training, options, seed);
    }

    static VaeModel train(WindowSet training, VaeOptions options, long seed) {
        if (training.size() == 0) {
            throw new IllegalArgumentException("no training windows: the series is shorter than one window");
        }
        int width = training.window() * training.features();
        ConditionSet conditions = ConditionSet.of(training);
        NDManager manager = DeepLearning.newManager();
        DeepLearning.seed(seed);
        SequentialBlock encoder = encoder(options);
        SequentialBlock decoder = decoder(options, width);
        encoder.initialize(manager, DataType.FLOAT32, new Shape(1, width + ConditionSet.SIZE));
        decoder.initialize(manager, DataType.FLOAT32, new Shape(1, options.latentDims() + ConditionSet.SIZE));
        AdamStep encoderStep = new AdamStep(encoder, (float) options.learningRate());
        AdamStep decoderStep = new AdamStep(decoder, (float) options.learningRate());
        ParameterStore store = new ParameterStore(manager, false);
        SplittableRandom random = new SplittableRandom(seed);
        int batch = Math.min(options.batchSize(), training.size());
        for (int it = 0; it < options.iterations(); it++) {
            int[] index = Tensors.draw(random, training.size(), batch);
            try (NDManager step = manager.newSubManager();
                    GradientCollector collector = DeepLearning.engine().newGradientCollector()) {
                NDArray x = Tensors.batch(step, training.windows(), index).reshape(batch, width);
                NDArray c = conditionBatch(step, conditions, index);
                NDArray[] muLogVar = encode(encoder, store, x, c, options.latentDims());
                NDArray eps = Tensors.normal(step, random, new Shape(batch, options.latentDims()));
                NDArray z = muLogVar[0].add(muLogVar[1].mul(0.5f).exp().mul(eps));
                NDArray xHat =
                        decoder.forward(store, new NDList(z.concat(c, 1)), true).singletonOrThrow();
                NDArray reconstruction = xHat.sub(x).square().sum(new int[] {1}).mean();
                NDArray kl = klPerDim(muLogVar).sum(new int[] {1}).mean();
                collector.backward(reconstruction
                        .mul((float) options.reconstructionWeight())
                        .add(kl));
            }
            encoderStep.step();
            decoderStep.step();
        }
        int active = activeDims(encoder, store, manager, training, conditions, options);
        return new VaeModel(options, training.scaler(), conditions, manager, encoder, decoder, active);
    }

    static SequentialBlock encoder(VaeOptions options) {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(options.hidden()).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(options.hidden()).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(2L * options.latentDims()).build());
    }

    static SequentialBlock decoder(VaeOptions options, int width) {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(options.hidden()).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(options.hidden()).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(width).build())
                .add(Activation.sigmoidBlock());
    }

    static NDArray[] encode(SequentialBlock encoder, ParameterStore store, NDArray x, NDArray c, int latent) {
        NDArray out = encoder.forward(store, new NDList(x.concat(c, 1)), true).singletonOrThrow();
        NDArray mu = out.get(new NDIndex(":, :" + latent));
        NDArray logVar = out.get(new NDIndex(":, " + latent + ":")).clip(-10, 10);
        return new NDArray[] {mu, logVar};
    }

    /** KL(N(μ, σ²) ‖ N(0, 1)) per latent dimension, nats: ½(μ² + σ² − log σ² − 1). */
    static NDArray klPerDim(NDArray[] muLogVar) {
        NDArray mu = muLogVar[0];
        NDArray logVar = muLogVar[1];
        return mu.square().add(logVar.exp()).sub(logVar).sub(1).mul(0.5f);
    }

    static NDArray conditionBatch(NDManager manager, ConditionSet conditions, int[] index) {
        float[] data = new float[index.length * ConditionSet.SIZE];
        for (int i = 0; i < index.length; i++) {
            System.arraycopy(conditions.of(index[i]), 0, data, i * ConditionSet.SIZE, ConditionSet.SIZE);
        }
        return manager.create(data, new Shape(index.length, ConditionSet.SIZE));
    }

    /** Latent dimensions whose KL, averaged over (up to 2,000) training windows, exceeds 0.01 nats. */
    private static int activeDims(
            SequentialBlock encoder,
            ParameterStore store,
            NDManager manager,
            WindowSet training,
            ConditionSet conditions,
            VaeOptions options) {
        int n = Math.min(2000, training.size());
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = (int) ((long) i * training.size() / n);
        }
        try (NDManager step = manager.newSubManager()) {
            NDArray x = Tensors.batch(step, training.windows(), index).reshape(n, -1);
            NDArray[] muLogVar =
                    encode(encoder, store, x, conditionBatch(step, conditions, index), options.latentDims());
            float[] kl = klPerDim(muLogVar).mean(new int[] {0}).toFloatArray();
            int active = 0;
            for (float k : kl) {
                active += k > 0.01 ? 1 : 0;
            }
            return active;
        }
    }
}
