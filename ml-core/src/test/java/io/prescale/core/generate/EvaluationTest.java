package io.prescale.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prescale.core.testing.SyntheticLoad;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EvaluationTest {
    static final EvaluationOptions QUICK = new EvaluationOptions(1, 400, 200, 64);
    static final double[][] ROWS = SyntheticLoad.dailyRows(40, 24, 7);
    static final EvaluationOptions QUICK_TIMEGAN = QUICK.withProtocol(EvaluationProtocol.TIMEGAN);
    static EvaluationReport copy;
    static EvaluationReport noise;
    static EvaluationReport copyTimegan;
    static EvaluationReport noiseTimegan;

    @BeforeAll
    static void evaluateBaselines() {
        copy = Evaluation.evaluate(ROWS, 24, Baselines.copyTraining(), QUICK, 1);
        noise = Evaluation.evaluate(ROWS, 24, Baselines.meanPlusNoise(), QUICK, 1);
        copyTimegan = Evaluation.evaluate(ROWS, 24, Baselines.copyTraining(), QUICK_TIMEGAN, 1);
        noiseTimegan = Evaluation.evaluate(ROWS, 24, Baselines.meanPlusNoise(), QUICK_TIMEGAN, 1);
    }

    @Test
    void underTheTimeganProtocolCopyingIsCaughtByMemorisationAndMeanPlusNoiseByTheDiscriminator() {
        assertThat(copyTimegan.protocol()).isEqualTo(EvaluationProtocol.TIMEGAN);
        assertThat(copyTimegan.memorisationRatio()).isLessThan(0.05);
        assertThat(noiseTimegan.memorisationRatio()).isGreaterThan(0.5);
        assertThat(noiseTimegan.discriminativeScore()).isGreaterThan(copyTimegan.discriminativeScore() + 0.1);
        assertThat(noiseTimegan.acfDistance()).isGreaterThan(5 * copyTimegan.acfDistance());
        assertThat(noiseTimegan.predictiveScore()).isGreaterThan(copyTimegan.predictiveScore());
        // all 937 stride-1 windows, shuffled: a random 80 % trains the model, 20 % is held out for memorisation
        assertThat(copyTimegan.trainWindows()).isEqualTo(749);
        assertThat(copyTimegan.testWindows()).isEqualTo(960 - 23 - 749);
        assertThat(copyTimegan.scaling()).isEqualTo("global");
    }

    @Test
    void theTimeganSplitShufflesAllWindowsAndScalesOverAllRows() {
        Evaluation.Split split = Evaluation.split(ROWS, 24, EvaluationProtocol.TIMEGAN, 3);
        assertThat(split.real()).hasNumberOfRows(937);
        assertThat(split.train().size() + split.test().size()).isEqualTo(937);
        assertThat(java.util.Arrays.stream(split.test().starts()).anyMatch(start -> start < 500))
                .isTrue();
        double max = 0;
        for (double[][] w : split.real()) {
            for (double[] step : w) {
                max = Math.max(max, step[0]);
            }
        }
        assertThat(max).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void theTemporalProtocolScalesPerWindowOnATrendingSeriesAndGloballyOtherwise() {
        double[][] trending = new double[ROWS.length][];
        for (int r = 0; r < ROWS.length; r++) {
            trending[r] = new double[] {ROWS[r][0] + r * 0.05};
        }
        Evaluation.Split split = Evaluation.split(trending, 24, EvaluationProtocol.TEMPORAL, 1);
        assertThat(split.scaling()).isEqualTo("per-window");
        for (double[][] w : split.test().windows()) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] step : w) {
                min = Math.min(min, step[0]);
                max = Math.max(max, step[0]);
            }
            assertThat(min).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(max).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-6));
        }
        assertThat(Evaluation.split(ROWS, 24).scaling()).isEqualTo("global");
        EvaluationReport report =
                Evaluation.evaluate(trending, 24, Baselines.copyTraining(), new EvaluationOptions(1, 20, 20, 32), 1);
        assertThat(report.deviations()).anyMatch(d -> d.contains("every window min-max scaled on its own"));
    }

    @Test
    void sineWindowsFollowTimegansGenerator() {
        double[][][] sines = SineWindows.generate(50, 24, 5, 1);
        assertThat(sines).hasNumberOfRows(50);
        assertThat(SineWindows.generate(50, 24, 5, 1)).isDeepEqualTo(sines);
        for (double[][] w : sines) {
            for (int f = 0; f < 5; f++) {
                // (sin(f t + p) + 1) / 2 with f, p in [0, 0.1): starts in [0.5, 0.55), the angle stays in [0, 2.4]
                assertThat(w[0][f]).isBetween(0.5, 0.55);
                for (int t = 1; t < 24; t++) {
                    assertThat(w[t][f]).isBetween(0.5, 1.0);
                }
            }
        }
        Evaluation.Split split = Evaluation.windowsSplit(sines, 1);
        assertThat(split.train().size()).isEqualTo(40);
        assertThat(split.real()).hasNumberOfRows(50);
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
        EvaluationOptions paper = one.withProtocol(EvaluationProtocol.TIMEGAN);
        assertThat(Evaluation.evaluate(ROWS, 24, Baselines.meanPlusNoise(), paper, 5))
                .isEqualTo(Evaluation.evaluate(ROWS, 24, Baselines.meanPlusNoise(), paper, 5));
    }

    @Test
    void windowLongerThanTheHeldOutPartIsRefused() {
        assertThatThrownBy(() -> Evaluation.split(ROWS, 500))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window of 500 steps")
                .hasMessageContaining("960 rows");
    }
}
