package io.prescale.core.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import io.prescale.core.nn.DeepLearning;
import io.prescale.core.nn.ModelArchive;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/** A trained {@link ConditionalVae}: decodes prior (or tail) latent draws under a condition. */
final class VaeModel extends LatentLoadModel {
    private final VaeOptions options;
    private final SequentialBlock encoder;
    private final SequentialBlock decoder;
    private final int activeDims;

    VaeModel(
            VaeOptions options,
            MinMaxScaler scaler,
            ConditionSet conditions,
            NDManager manager,
            SequentialBlock encoder,
            SequentialBlock decoder,
            int activeDims) {
        super(scaler, conditions, manager);
        this.options = options;
        this.encoder = encoder;
        this.decoder = decoder;
        this.activeDims = activeDims;
    }

    @Override
    public String kind() {
        return "vae";
    }

    @Override
    public OptionalInt activeLatentDims() {
        return OptionalInt.of(activeDims);
    }

    @Override
    int latentSize() {
        return options.latentDims();
    }

    @Override
    double[][][] decode(float[] z, float[] c, int n) {
        ParameterStore store = new ParameterStore(manager, false);
        try (NDManager step = manager.newSubManager()) {
            NDArray input = step.create(z, new Shape(n, options.latentDims()))
                    .concat(step.create(c, new Shape(n, ConditionSet.SIZE)), 1);
            NDArray out = decoder.forward(store, new NDList(input), false).singletonOrThrow();
            return Tensors.windows(out.reshape(n, window(), features()));
        }
    }

    @Override
    public void save(Path file, String prescaleVersion, Clock clock, Map<String, Object> extra) throws IOException {
        Map<String, Object> provenance = saveProvenance(extra);
        provenance.put("activeLatentDims", activeDims);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(ModelFiles.META, ModelFiles.meta(options, scaler, conditions));
        entries.put("encoder.params", ModelArchive.parameters(encoder));
        entries.put("decoder.params", ModelArchive.parameters(decoder));
        ModelFiles.write(file, ConditionalVae.KIND, prescaleVersion, clock, provenance, entries);
    }

    static VaeModel load(ModelArchive archive) throws IOException {
        JsonNode meta = ModelFiles.readMeta(archive);
        VaeOptions options = ModelFiles.JSON.treeToValue(meta.get("options"), VaeOptions.class);
        MinMaxScaler scaler = ModelFiles.scaler(meta);
        ConditionSet conditions = ModelFiles.conditions(meta);
        int width = conditions.window() * scaler.features();
        NDManager manager = DeepLearning.newManager();
        SequentialBlock encoder = ConditionalVae.encoder(options);
        SequentialBlock decoder = ConditionalVae.decoder(options, width);
        encoder.initialize(manager, DataType.FLOAT32, new Shape(1, width + ConditionSet.SIZE));
        decoder.initialize(manager, DataType.FLOAT32, new Shape(1, options.latentDims() + ConditionSet.SIZE));
        ModelArchive.loadParameters(encoder, manager, archive.entry("encoder.params"));
        ModelArchive.loadParameters(decoder, manager, archive.entry("decoder.params"));
        int active = archive.manifest().provenance().get("activeLatentDims") instanceof Number number
                ? number.intValue()
                : 0;
        VaeModel model = new VaeModel(options, scaler, conditions, manager, encoder, decoder, active);
        model.provenance = archive.manifest().provenance();
        return model;
    }
}
