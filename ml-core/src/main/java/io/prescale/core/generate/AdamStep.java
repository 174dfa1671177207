package io.prescale.core.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;

/**
 * Adam (Kingma &amp; Ba, ICLR 2015) over the parameters of one block, for custom training loops with a DJL
 * {@code GradientCollector}: gradients accumulate in PyTorch, so {@link #step()} applies and then zeroes them,
 * and {@link #zero()} clears gradients that another network's loss left behind.
 */
final class AdamStep {
    private final List<Parameter> parameters;
    private final Optimizer adam;

    AdamStep(Block block, float learningRate) {
        this.parameters = block.getParameters().values();
        for (Parameter parameter : parameters) {
            parameter.getArray().setRequiresGradient(true);
        }
        this.adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(learningRate)).build();
    }

    void step() {
        for (Parameter parameter : parameters) {
            NDArray weight = parameter.getArray();
            try (NDArray gradient = weight.getGradient()) {
                adam.update(parameter.getId(), weight, gradient);
                gradient.muli(0);
            }
        }
    }

    void zero() {
        for (Parameter parameter : parameters) {
            try (NDArray gradient = parameter.getArray().getGradient()) {
                gradient.muli(0);
            }
        }
    }
}
