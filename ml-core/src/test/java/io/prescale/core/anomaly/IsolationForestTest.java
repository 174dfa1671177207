package io.prescale.core.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsolationForestTest {
    @Test
    void averagePathLengthFollowsThePaper() {
        assertThat(IsolationForest.c(1)).isZero();
        assertThat(IsolationForest.c(2)).isEqualTo(1.0);
        double expected = 2 * (Math.log(255) + 0.5772156649) - 2.0 * 255 / 256;
        assertThat(IsolationForest.c(256)).isCloseTo(expected, within(1e-12)).isCloseTo(10.245, within(0.001));
    }

    @Test
    void clearOutliersScoreNearOneAndDensePointsWellBelowHalf() {
        SplittableRandom random = new SplittableRandom(42);
        double[][] data = new double[1003][];
        for (int i = 0; i < 1000; i++) {
            data[i] = new double[] {gaussian(random), gaussian(random)};
        }
        data[1000] = new double[] {8, 8};
        data[1001] = new double[] {-9, 7};
        data[1002] = new double[] {10, -10};
        IsolationForest forest = IsolationForest.fit(data, IsolationForest.Options.defaults(), new SplittableRandom(1));
        for (int i = 1000; i < 1003; i++) {
            assertThat(forest.score(data[i])).as("outlier %d", i).isGreaterThan(0.75);
        }
        double[] dense = new double[1000];
        for (int i = 0; i < 1000; i++) {
            dense[i] = forest.score(data[i]);
        }
        Arrays.sort(dense);
        assertThat(dense[500]).as("median of the dense cluster").isLessThan(0.45);
        assertThat(forest.score(new double[] {0, 0})).isLessThan(0.42);
    }

    @Test
    void sameSeedSameForestOtherSeedOtherForest() {
        SplittableRandom random = new SplittableRandom(3);
        double[][] data = new double[300][];
        for (int i = 0; i < data.length; i++) {
            data[i] = new double[] {gaussian(random), gaussian(random), gaussian(random)};
        }
        double[] probe = {1.5, -0.5, 2};
        double a = IsolationForest.fit(data, IsolationForest.Options.defaults(), new SplittableRandom(9))
                .score(probe);
        double b = IsolationForest.fit(data, IsolationForest.Options.defaults(), new SplittableRandom(9))
                .score(probe);
        double c = IsolationForest.fit(data, IsolationForest.Options.defaults(), new SplittableRandom(10))
                .score(probe);
        assertThat(b).isEqualTo(a);
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void streamingScoresUseOnlyPastRowsAndFlagAnInjectedSpike() {
        double[] rows = seasonal(900, 5);
        rows[700] += 60;
        IsolationForestDetector detector = new IsolationForestDetector(IsolationForestDetector.Options.defaults(7));
        double[] full = detector.scoreStreaming(rows);
        double[] prefix = detector.scoreStreaming(Arrays.copyOf(rows, 701));
        assertThat(Arrays.copyOf(full, 701)).containsExactly(prefix);
        double maxElsewhere = 0;
        for (int i = 200; i < rows.length; i++) {
            if (Math.abs(i - 700) > 60) {
                maxElsewhere = Math.max(maxElsewhere, full[i]);
            }
        }
        assertThat(full[700]).isGreaterThan(maxElsewhere);
    }

    @Test
    void batchModelScoresAnInjectedSpikeAboveEveryNormalStep() {
        double[] reference = seasonal(600, 11);
        IsolationForestDetector detector = new IsolationForestDetector(IsolationForestDetector.Options.defaults(1));
        AnomalyModel model = detector.fit(AnomalyDetector.rowsAsSeries(reference));
        double[] normal = seasonal(300, 12);
        double[] spiked = normal.clone();
        spiked[150] += 80;
        // Rows after the first long window (60 rows), where the window features are complete.
        double normalMax = Arrays.stream(model.score(AnomalyDetector.rowsAsSeries(normal)), 60, 300)
                .max()
                .orElseThrow();
        double atSpike = model.score(AnomalyDetector.rowsAsSeries(spiked))[150];
        assertThat(atSpike).isGreaterThan(normalMax).isGreaterThan(0.65);
    }

    static double[] seasonal(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 100 + 20 * Math.sin(2 * Math.PI * i / 48.0) + 2 * gaussian(random);
        }
        return x;
    }

    static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
