package io.prescale.core.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam (Kingma &amp; Ba, ICLR 2015; β₁ 0.9, β₂ 0.999, ε 1e-8) over the parameters of one block, for custom training
 * loops with a DJL {@code GradientCollector}: gradients accumulate in PyTorch, so {@link #step()} applies and
 * then zeroes them, and {@link #zero()} clears gradients that another network's loss left behind. Written with
 * in-place NDArray operations: DJL's own {@code Adam} optimiser was measured at about 1.5 ms per parameter per
 * step here, which dominated the training of these small networks.
 */
final class AdamStep {
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;
    private final List<NDArray> weights = new ArrayList<>();
    private final List<NDArray> firstMoments = new ArrayList<>();
    private final List<NDArray> secondMoments = new ArrayList<>();
    private final float learningRate;
    private int t;

    AdamStep(Block block, float learningRate) {
        this.learningRate = learningRate;
        for (Parameter parameter : block.getParameters().values()) {
            NDArray weight = parameter.getArray();
            weight.setRequiresGradient(true);
            weights.add(weight);
            firstMoments.add(weight.zerosLike());
            secondMoments.add(weight.zerosLike());
        }
    }

    void step() {
        t++;
        float correction1 = 1 - (float) Math.pow(BETA1, t);
        float correction2 = 1 - (float) Math.pow(BETA2, t);
        for (int i = 0; i < weights.size(); i++) {
            NDArray weight = weights.get(i);
            try (NDManager temp = weight.getManager().newSubManager()) {
                NDArray gradient = weight.getGradient();
                gradient.attach(temp);
                NDArray m = firstMoments.get(i);
                NDArray v = secondMoments.get(i);
                NDArray scaled = gradient.mul(1 - BETA1);
                m.muli(BETA1).addi(scaled);
                NDArray squared = gradient.square().muli(1 - BETA2);
                v.muli(BETA2).addi(squared);
                NDArray corrected = v.div(correction2);
                corrected.attach(temp);
                NDArray denominator = corrected.sqrt().addi(EPSILON);
                NDArray update = m.mul(learningRate / correction1);
                update.attach(temp);
                weight.subi(update.divi(denominator));
                gradient.muli(0);
            }
        }
    }

    void zero() {
        for (NDArray weight : weights) {
            try (NDArray gradient = weight.getGradient()) {
                gradient.muli(0);
            }
        }
    }
}
