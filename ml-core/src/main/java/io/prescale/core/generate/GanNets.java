package io.prescale.core.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
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
 */
record GanNets(SequentialBlock embedder, SequentialBlock recovery, SequentialBlock generator,
               SequentialBlock supervisor, SequentialBlock discriminator) {

    static GanNets create(NDManager manager, GanOptions options, int steps, int features) {
        int h = options.hidden();
        GanNets nets = new GanNets(net(h, h, true), net(h, features, true), net(h, h, true), net(h, h, true),
                net(h, 1, false));
        nets.embedder.initialize(manager, DataType.FLOAT32, new Shape(1, steps, features));
        nets.recovery.initialize(manager, DataType.FLOAT32, new Shape(1, steps, h));
        nets.generator.initialize(manager, DataType.FLOAT32,
                new Shape(1, steps, options.noiseDims() + ConditionSet.SIZE));
        nets.supervisor.initialize(manager, DataType.FLOAT32, new Shape(1, steps, h));
        nets.discriminator.initialize(manager, DataType.FLOAT32, new Shape(1, steps, h + ConditionSet.SIZE));
        return nets;
    }

    private static SequentialBlock net(int hidden, int out, boolean sigmoid) {
        SequentialBlock block = new SequentialBlock()
                .add(GRU.builder().setStateSize(hidden).setNumLayers(1).optBatchFirst(true).build())
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
