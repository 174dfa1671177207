package io.prescale.core.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prescale.core.nn.ModelArchive;
import io.prescale.core.nn.ModelManifest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deep-model test: at most 1,000 points, a few hundred training steps. */
class AutoencoderDetectorTest {
    private static final AutoencoderDetector DETECTOR =
            new AutoencoderDetector(AutoencoderDetector.Options.defaults(5).withSteps(120));

    @Test
    void reconstructionErrorFlagsABrokenShapeAndTheModelSurvivesSaveAndLoad(@TempDir Path temp) throws Exception {
        double[] reference = IsolationForestTest.seasonal(600, 21);
        AutoencoderModel model = DETECTOR.fit(AnomalyDetector.rowsAsSeries(reference));
        double[] probe = IsolationForestTest.seasonal(300, 22);
        for (int i = 150; i < 160; i++) {
            probe[i] = 100;
        }
        double[] scores = model.score(AnomalyDetector.rowsAsSeries(probe));
        double[] normal = Arrays.copyOfRange(scores, 30, 140);
        Arrays.sort(normal);
        assertThat(normal[normal.length / 2]).as("median normal window").isLessThan(0.8);
        assertThat(Arrays.stream(scores, 155, 175).max().orElseThrow()).isGreaterThan(0.99);
        assertThat(Arrays.stream(scores).allMatch(s -> s >= 0 && s <= 1)).isTrue();

        Path file = temp.resolve("ae.zip");
        model.save(file, "test", Instant.EPOCH, Map.of("seed", 5));
        double[] again = AutoencoderModel.load(file).score(AnomalyDetector.rowsAsSeries(probe));
        assertThat(again).containsExactly(scores);
    }

    @Test
    void otherFormatVersionIsRefusedNamingBoth(@TempDir Path temp) throws Exception {
        Path file = temp.resolve("old.zip");
        ModelArchive.write(
                file, new ModelManifest(AutoencoderModel.KIND, 9, "test", Instant.EPOCH, Map.of()), Map.of());
        assertThatThrownBy(() -> AutoencoderModel.load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 9")
                .hasMessageContaining("version 1");
    }
}
