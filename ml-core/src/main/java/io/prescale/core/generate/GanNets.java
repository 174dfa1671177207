package io.prescale.core.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.GRU;
import ai.djl.training.ParameterStore;
import java.util.List;

/**
 * TimeGAN's five networks, each a one-layer GRU and a per-step linear layer: embedder X→H, recovery H→X,
 * generator [Z, c]→E, supervisor H→H (one step ahead) and discriminator [H, c]→logit per step.
 *
 * <p>The GRUs run over folded windows: {@link #fold(int)} consecutive steps become one GRU step of
 * {@code fold × features} values, so a 48-step day is 12 GRU steps of 4 values. Profiled on DJL 0.36 / PyTorch
 * 2.7.1 CPU with one thread: a GRU under autograd costs per operation, not per window (batch 64, 128 and 256 took
 * the same CPU time per joint iteration), so the cost is proportional to the GRU steps: 24 → 12 steps halved a
 * joint iteration (0.37 → 0.18 s CPU at batch 128). The window is unfolded exactly after recovery
 * ({@code reshape}, no information lost).
 */
record GanNets(
        SequentialBlock embedder,
        SequentialBlock recovery,
        SequentialBlock generator,
        SequentialBlock supervisor,
        SequentialBlock discriminator) {
    /** GRU steps per window at most, when the window has a divisor that allows it. */
    static final int MAX_STEPS = 12;

    /**
     * The smallest divisor d of {@code window} that leaves between {@value #MAX_STEPS}/2 and {@value #MAX_STEPS}
     * GRU steps, else 1 (no folding).
     */
    static int fold(int window) {
        for (int d = 1; d <= window; d++) {
            if (window % d == 0 && window / d <= MAX_STEPS && window / d >= MAX_STEPS / 2) {
                return d;
            }
        }
        return 1;
    }

    /** Networks for windows of {@code window} steps and {@code features} features (folded inside). */
    static GanNets create(NDManager manager, GanOptions options, int window, int features) {
        int fold = fold(window);
        int steps = window / fold;
        features = features * fold;
        int h = options.hidden();
        GanNets nets = new GanNets(
                net(h, h, true), net(h, features, true), net(h, h, true), net(h, h, true), net(h, 1, false));
        nets.embedder.initialize(manager, DataType.FLOAT32, new Shape(1, steps, features));
        nets.recovery.initialize(manager, DataType.FLOAT32, new Shape(1, steps, h));
        nets.generator.initialize(
                manager, DataType.FLOAT32, new Shape(1, steps, options.noiseDims() + ConditionSet.SIZE));
        nets.supervisor.initialize(manager, DataType.FLOAT32, new Shape(1, steps, h));
        nets.discriminator.initialize(manager, DataType.FLOAT32, new Shape(1, steps, h + ConditionSet.SIZE));
        return nets;
    }

    private static SequentialBlock net(int hidden, int out, boolean sigmoid) {
        SequentialBlock block = new SequentialBlock()
                .add(GRU.builder()
                        .setStateSize(hidden)
                        .setNumLayers(1)
                        .optBatchFirst(true)
                        .build())
                .add(Linear.builder().setUnits(out).build());
        return sigmoid ? block.add(Activation.sigmoidBlock()) : block;
    }

    List<Block> all() {
        return List.of(embedder, recovery, generator, supervisor, discriminator);
    }

    static NDArray run(Block block, ParameterStore store, NDArray input, boolean training) {
        return Chunked.forward(block, store, input, training);
    }

    /** The condition repeated along the steps: (batch, 6) → (batch, steps, 6). */
    static NDArray perStep(NDArray condition, int steps) {
        return condition.expandDims(1).repeat(1, steps);
    }
}
