package io.prescale.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prescale.core.testing.SyntheticLoad;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EvaluationTest {
    static final EvaluationOptions QUICK = new EvaluationOptions(1, 400, 200, 64);
    static final double[][] ROWS = SyntheticLoad.dailyRows(40, 24, 7);
    static EvaluationReport copy;
    static EvaluationReport noise;

    @BeforeAll
    static void evaluateBaselines() {
        copy = Evaluation.evaluate(ROWS, 24, Baselines.copyTraining(), QUICK, 1);
        noise = Evaluation.evaluate(ROWS, 24, Baselines.meanPlusNoise(), QUICK, 1);
    }

    @Test
    void copyingTrainingWindowsIsCaughtByTheMemorisationRatio() {
        assertThat(copy.memorisationRatio()).isLessThan(0.05);
        assertThat(noise.memorisationRatio()).isGreaterThan(0.5);
        assertThat(copy.trainWindows()).isEqualTo(768 - 23);
        assertThat(copy.testWindows()).isEqualTo(192 - 23);
    }

    @Test
    void meanPlusNoiseIsCaughtByTheDiscriminatorAndTheAcf() {
        assertThat(noise.discriminativeScore()).isGreaterThan(copy.discriminativeScore() + 0.1);
        assertThat(noise.acfDistance()).isGreaterThan(5 * copy.acfDistance());
        assertThat(noise.predictiveScore()).isGreaterThan(copy.predictiveScore());
    }

    @Test
    void sameSeedGivesTheSameReport() {
        EvaluationOptions one = new EvaluationOptions(1, 20, 20, 32);
        EvaluationReport a = Evaluation.evaluate(ROWS, 24, Baselines.meanPlusNoise(), one, 5);
        EvaluationReport b = Evaluation.evaluate(ROWS, 24, Baselines.meanPlusNoise(), one, 5);
        assertThat(b).isEqualTo(a);
        assertThat(a.deviations()).anyMatch(d -> d.contains("shortened")).anyMatch(d -> d.contains("runs = 1"));
    }

    @Test
    void windowLongerThanTheHeldOutPartIsRefused() {
        assertThatThrownBy(() -> Evaluation.split(ROWS, 500))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window of 500 steps").hasMessageContaining("960 rows");
    }
}
