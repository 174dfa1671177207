package io.prescale.core.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelArchiveTest {
    @Test
    void pyTorchLoadsOfflineAndSeedingMakesInitialisationReproducible() {
        float[] first = initialisedWeights(7);
        float[] second = initialisedWeights(7);
        float[] other = initialisedWeights(8);
        assertThat(second).containsExactly(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(DeepLearning.engine().getEngineName()).isEqualTo("PyTorch");
    }

    @Test
    void savedParametersComeBackAndTheOutputIsTheSame(@TempDir Path temp) throws Exception {
        Path file = temp.resolve("model.zip");
        try (NDManager manager = DeepLearning.newManager()) {
            DeepLearning.seed(3);
            Block block = Linear.builder().setUnits(2).build();
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 3));
            NDArray input = manager.create(new float[] {1, 2, 3}, new Shape(1, 3));
            float[] expected = block.forward(new ParameterStore(manager, false), new NDList(input), false)
                    .singletonOrThrow()
                    .toFloatArray();
            ModelManifest manifest = new ModelManifest("test/linear", 1, "test", Instant.EPOCH, Map.of("seed", 3));
            ModelArchive.write(file, manifest, Map.of("params", ModelArchive.parameters(block)));

            DeepLearning.seed(99);
            Block restored = Linear.builder().setUnits(2).build();
            restored.initialize(manager, DataType.FLOAT32, new Shape(1, 3));
            ModelArchive archive = ModelArchive.read(file, "test/linear", 1);
            ModelArchive.loadParameters(restored, manager, archive.entry("params"));
            float[] actual = restored.forward(new ParameterStore(manager, false), new NDList(input), false)
                    .singletonOrThrow()
                    .toFloatArray();
            assertThat(actual).containsExactly(expected);
            assertThat(archive.manifest().provenance()).containsEntry("seed", 3);
        }
        assertThat(Files.list(temp)).containsExactly(file);
    }

    @Test
    void wrongFormatVersionNamesBothVersions(@TempDir Path temp) throws Exception {
        Path file = temp.resolve("model.zip");
        ModelArchive.write(file, new ModelManifest("forecast/lstm", 3, "test", Instant.EPOCH, Map.of()), Map.of());
        assertThatThrownBy(() -> ModelArchive.read(file, "forecast/lstm", 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("format version 3")
                .hasMessageContaining("reads version 2");
        assertThatThrownBy(() -> ModelArchive.read(file, "generate/vae", 3))
                .hasMessageContaining("forecast/lstm model, expected generate/vae");
    }

    private static float[] initialisedWeights(long seed) {
        try (NDManager manager = DeepLearning.newManager()) {
            DeepLearning.seed(seed);
            Block block = Linear.builder().setUnits(4).build();
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 5));
            return block.getParameters().get("weight").getArray().toFloatArray();
        }
    }
}
