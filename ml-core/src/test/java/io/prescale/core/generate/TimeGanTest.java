package io.prescale.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.prescale.core.testing.SyntheticLoad;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeGanTest {
    static final GanOptions TINY = new GanOptions(8, 2, 60, 40, 30, 64, 3e-3);

    @Test
    void beatsMeanPlusNoiseAndSavesReproducibly(@TempDir Path temp) throws Exception {
        double[][] rows = SyntheticLoad.dailyRows(30, 24, 7);
        Evaluation.Split split = Evaluation.split(rows, 24);
        LoadModel gan = TimeGan.trainer(TINY).train(split.train(), 3);
        EvaluationOptions quick = new EvaluationOptions(1, 200, 40, 64);
        EvaluationReport report = Evaluation.score(gan, split, quick, 1);
        EvaluationReport noise = Evaluation.evaluate(rows, 24, Baselines.meanPlusNoise(), quick, 1);
        System.out.println("GAN " + report.discriminativeScore() + " acf " + report.acfDistance() + " memo "
                + report.memorisationRatio() + " noise " + noise.discriminativeScore() + " acf " + noise.acfDistance());
        assertThat(report.discriminativeScore()).isLessThan(noise.discriminativeScore());
        assertThat(report.acfDistance()).isLessThan(noise.acfDistance());

        double[][][] a = gan.sample(4, 9);
        assertThat(gan.sample(4, 9)).isDeepEqualTo(a);
        Path file = temp.resolve("gan.zip");
        gan.save(file, "test", ConditionalVaeTest.CLOCK, java.util.Map.of());
        LoadModel loaded = LoadModels.read(file);
        assertThat(loaded.kind()).isEqualTo("gan");
        double[][][] b = loaded.sample(4, 9);
        double maxDiff = 0;
        for (int i = 0; i < a.length; i++) {
            for (int t = 0; t < a[i].length; t++) {
                maxDiff = Math.max(maxDiff, Math.abs(a[i][t][0] - b[i][t][0]));
            }
        }
        // GRU kernels may differ in the last float bit after a reload (measured 6e-8)
        assertThat(maxDiff).isLessThan(1e-6);
    }

    @Test
    void gruStepsFoldConsecutiveStepsSoThatADayOfFortyEightStepsIsTwelveGruSteps() {
        assertThat(GanNets.fold(12)).isEqualTo(1);
        assertThat(GanNets.fold(24)).isEqualTo(2);
        assertThat(GanNets.fold(48)).isEqualTo(4);
        assertThat(GanNets.fold(288)).isEqualTo(24);
        assertThat(GanNets.fold(29)).isEqualTo(1);
        double[][] rows = SyntheticLoad.dailyRows(6, 48, 7);
        WindowSet windows = WindowSet.slide(rows, 0, rows.length, 48, MinMaxScaler.fit(rows));
        LoadModel gan = TimeGan.trainer(new GanOptions(4, 2, 3, 3, 3, 16, 1e-3)).train(windows, 1);
        double[][][] sample = gan.sample(3, 2);
        assertThat(sample).hasNumberOfRows(3);
        assertThat(sample[0]).hasNumberOfRows(48);
        assertThat(sample[0][0]).hasSize(1);
    }
}
