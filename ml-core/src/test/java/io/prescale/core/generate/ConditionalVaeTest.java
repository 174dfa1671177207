package io.prescale.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prescale.core.nn.ModelArchive;
import io.prescale.core.nn.ModelManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConditionalVaeTest {
    static final VaeOptions SMALL = new VaeOptions(4, 64, 800, 64, 3e-3, 10);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    static Evaluation.Split split;
    static LoadModel vae;

    @BeforeAll
    static void train() {
        split = Evaluation.split(EvaluationTest.ROWS, 24);
        vae = ConditionalVae.trainer(SMALL).train(split.train(), 3);
    }

    @Test
    void beatsTheMeanPlusNoiseBaselineOnDiscriminatorAndAcf() {
        EvaluationReport report = Evaluation.score(vae, split, EvaluationTest.QUICK, 1);
        EvaluationReport noise =
                Evaluation.evaluate(EvaluationTest.ROWS, 24, Baselines.meanPlusNoise(), EvaluationTest.QUICK, 1);
        assertThat(report.discriminativeScore()).isLessThan(noise.discriminativeScore());
        assertThat(report.acfDistance()).isLessThan(noise.acfDistance());
        assertThat(report.memorisationRatio()).isGreaterThan(0.3);
        assertThat(report.activeLatentDims()).isBetween(1, 4);
        System.out.println("VAE " + report.discriminativeScore() + " acf " + report.acfDistance() + " memo "
                + report.memorisationRatio() + " pred " + report.predictiveScore() + "/" + report.predictiveScoreReal()
                + " noise " + noise.discriminativeScore() + " acf " + noise.acfDistance());
    }

    @Test
    void sameSeedGivesIdenticalSamplesAndTheSavedModelToo(@TempDir Path temp) throws Exception {
        double[][][] a = vae.sample(5, 11);
        assertThat(vae.sample(5, 11)).isDeepEqualTo(a);
        assertThat(vae.sample(5, 12)).isNotEqualTo(a);
        Path file = temp.resolve("vae.zip");
        vae.save(file, "test", CLOCK, java.util.Map.of());
        LoadModel loaded = LoadModels.read(file);
        assertThat(loaded.kind()).isEqualTo("vae");
        assertThat(loaded.activeLatentDims()).isEqualTo(vae.activeLatentDims());
        assertThat(loaded.sample(5, 11)).isDeepEqualTo(a);
    }

    @Test
    void conditioningOnPhaseMovesThePeak() {
        int[] peaks = new int[2];
        for (int k = 0; k < 2; k++) {
            double[][][] w = vae.sample(200, new Conditioning(k * 12, ProfileControls.NONE), 4);
            double[] mean = new double[24];
            for (double[][] window : w) {
                for (int t = 0; t < 24; t++) {
                    mean[t] += window[t][0];
                }
            }
            for (int t = 1; t < 24; t++) {
                peaks[k] = mean[t] > mean[peaks[k]] ? t : peaks[k];
            }
        }
        // the synthetic day peaks near step 12 (minus sin) when the window starts at midnight; half a day later
        // the window starts at the peak
        assertThat(Math.floorMod(peaks[0] - peaks[1] - 12, 24)).isIn(0, 1, 2, 3, 21, 22, 23);
    }

    @Test
    void corruptOrOtherVersionModelFilesAreRefused(@TempDir Path temp) throws Exception {
        Path corrupt = temp.resolve("corrupt.zip");
        Files.writeString(corrupt, "not a zip");
        assertThatThrownBy(() -> LoadModels.read(corrupt))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a Prescale model file");
        Path other = temp.resolve("v9.zip");
        ModelArchive.write(
                other, new ModelManifest(ConditionalVae.KIND, 9, "test", CLOCK.instant(), Map.of()), Map.of());
        assertThatThrownBy(() -> LoadModels.read(other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("format version 9")
                .hasMessageContaining("reads version 1");
    }
}
