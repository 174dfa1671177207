package io.prescale.core.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import io.prescale.core.nn.DeepLearning;
import io.prescale.core.nn.ModelArchive;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A trained {@link TimeGan}: generator → supervisor → recovery on Gaussian noise under a condition. */
final class GanModel extends LatentLoadModel {
    private static final List<String> NAMES =
            List.of("embedder", "recovery", "generator", "supervisor", "discriminator");
    private final GanOptions options;
    private final GanNets nets;

    GanModel(GanOptions options, MinMaxScaler scaler, ConditionSet conditions, NDManager manager, GanNets nets) {
        super(scaler, conditions, manager);
        this.options = options;
        this.nets = nets;
    }

    @Override
    public String kind() {
        return "gan";
    }

    @Override
    int latentSize() {
        return window() / GanNets.fold(window()) * options.noiseDims();
    }

    @Override
    double[][][] decode(float[] z, float[] c, int n) {
        ParameterStore store = new ParameterStore(manager, false);
        int steps = window() / GanNets.fold(window());
        try (NDManager step = manager.newSubManager()) {
            NDArray noise = step.create(z, new Shape(n, steps, options.noiseDims()));
            NDArray condition = GanNets.perStep(step.create(c, new Shape(n, ConditionSet.SIZE)), steps);
            NDArray e = GanNets.run(nets.generator(), store, noise.concat(condition, 2), false);
            NDArray hHat = GanNets.run(nets.supervisor(), store, e, false);
            return Tensors.windows(
                    GanNets.run(nets.recovery(), store, hHat, false).reshape(n, window(), features()));
        }
    }

    @Override
    public void save(Path file, String prescaleVersion, Clock clock, Map<String, Object> extra) throws IOException {
        Map<String, Object> provenance = saveProvenance(extra);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(ModelFiles.META, ModelFiles.meta(options, scaler, conditions));
        List<Block> blocks = nets.all();
        for (int i = 0; i < blocks.size(); i++) {
            entries.put(NAMES.get(i) + ".params", ModelArchive.parameters(blocks.get(i)));
        }
        ModelFiles.write(file, TimeGan.KIND, prescaleVersion, clock, provenance, entries);
    }

    static GanModel load(ModelArchive archive) throws IOException {
        JsonNode meta = ModelFiles.readMeta(archive);
        GanOptions options = ModelFiles.JSON.treeToValue(meta.get("options"), GanOptions.class);
        MinMaxScaler scaler = ModelFiles.scaler(meta);
        ConditionSet conditions = ModelFiles.conditions(meta);
        NDManager manager = DeepLearning.newManager();
        GanNets nets = GanNets.create(manager, options, conditions.window(), scaler.features());
        List<Block> blocks = nets.all();
        for (int i = 0; i < blocks.size(); i++) {
            ModelArchive.loadParameters(blocks.get(i), manager, archive.entry(NAMES.get(i) + ".params"));
        }
        GanModel model = new GanModel(options, scaler, conditions, manager, nets);
        model.provenance = archive.manifest().provenance();
        return model;
    }
}
