package io.prescale.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeGanTest {
    static final GanOptions TINY = new GanOptions(8, 2, 150, 100, 60, 64, 3e-3);

    @Test
    void beatsMeanPlusNoiseAndSavesReproducibly(@TempDir Path temp) throws Exception {
        double[][] rows = SyntheticLoad.daily(30, 24, 7);
        Evaluation.Split split = Evaluation.split(rows, 24);
        LoadModel gan = TimeGan.trainer(TINY).train(split.train(), 3);
        EvaluationOptions quick = new EvaluationOptions(1, 300, 100, 64);
        EvaluationReport report = Evaluation.score(gan, split, quick, 1);
        EvaluationReport noise = Evaluation.evaluate(rows, 24, Baselines.meanPlusNoise(), quick, 1);
        System.out.println("GAN " + report.discriminativeScore() + " acf " + report.acfDistance() + " memo "
                + report.memorisationRatio() + " noise " + noise.discriminativeScore() + " acf " + noise.acfDistance());
        assertThat(report.discriminativeScore()).isLessThan(noise.discriminativeScore());
        assertThat(report.acfDistance()).isLessThan(noise.acfDistance());

        double[][][] a = gan.sample(4, 9);
        assertThat(gan.sample(4, 9)).isDeepEqualTo(a);
        Path file = temp.resolve("gan.zip");
        gan.save(file, "test", ConditionalVaeTest.CLOCK);
        LoadModel loaded = LoadModels.read(file);
        assertThat(loaded.kind()).isEqualTo("gan");
        assertThat(loaded.sample(4, 9)).isDeepEqualTo(a);
    }
}
