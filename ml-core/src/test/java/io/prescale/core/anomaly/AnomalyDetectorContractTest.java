package io.prescale.core.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link AnomalyDetector} keeps, in the manner of a TCK: each detector's test extends this
 * class and supplies the detector. Streaming scores lie in [0, 1] (NaN only on gaps), row i's score depends on
 * rows ≤ i only, the same seed gives the same scores, and a clearly planted spike scores above the rows around it.
 */
abstract class AnomalyDetectorContractTest {
    /** Rows of the contract's series: a noisy daily-like cycle of period 48. */
    static final int ROWS = 1_200;
    /** Where the contract plants its spike. */
    static final int SPIKE = 1_000;

    /** The detector under test, seeded with {@code seed}; small options are fine (tests stay fast). */
    protected abstract AnomalyDetector detector(long seed);

    static double[] series(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            x[i] = 100 + 20 * Math.sin(2 * Math.PI * i / 48.0) + 2 * gaussian(random);
        }
        return x;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    @Test
    void streamingScoresLieInTheUnitIntervalAndGapsScoreNaN() {
        double[] rows = series(1);
        rows[700] = Double.NaN;
        double[] scores = detector(7).scoreStreaming(rows);
        assertThat(scores).hasSize(rows.length);
        assertThat(scores[700]).as("a gap").isNaN();
        for (int i = 0; i < scores.length; i++) {
            if (i != 700) {
                assertThat(scores[i]).as("score of row %d", i).isBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void streamingScoreOfARowDependsOnlyOnEarlierRows() {
        double[] rows = series(2);
        double[] changed = rows.clone();
        int cut = 800;
        SplittableRandom random = new SplittableRandom(99);
        for (int i = cut; i < changed.length; i++) {
            changed[i] = random.nextDouble() * 1_000 - 300;
        }
        double[] before = detector(7).scoreStreaming(rows);
        double[] after = detector(7).scoreStreaming(changed);
        assertThat(Arrays.copyOf(after, cut))
                .as("scores of rows before the changed future")
                .containsExactly(Arrays.copyOf(before, cut));
    }

    @Test
    void theSameSeedGivesTheSameScores() {
        double[] rows = series(3);
        assertThat(detector(11).scoreStreaming(rows))
                .containsExactly(detector(11).scoreStreaming(rows));
    }

    @Test
    void aPlantedSpikeScoresAboveItsSurroundings() {
        double[] rows = series(4);
        rows[SPIKE] = 400;
        double[] scores = detector(7).scoreStreaming(rows);
        double spike = Arrays.stream(scores, SPIKE, SPIKE + 3).max().orElseThrow();
        double surroundings = Math.max(
                Arrays.stream(scores, SPIKE - 150, SPIKE).max().orElseThrow(),
                Arrays.stream(scores, SPIKE + 60, SPIKE + 150).max().orElseThrow());
        assertThat(spike).as("highest score at the spike").isGreaterThan(surroundings);
    }
}
