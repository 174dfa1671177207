package io.prescale.core.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StreamCalibrationTest {
    @Test
    void debounceKeepsTheOnsetAndHalvesRepeatsButNotAStrongerExcursion() {
        double[] out = AlarmDebounce.apply(new double[] {0.1, 0.9, 0.9, 0.5, 0.95, 0.1}, 3);
        assertThat(out).containsExactly(0.1, 0.9, 0.45, 0.25, 0.95, 0.05);
    }

    @Test
    void tailOfTheNormalMatchesKnownValues() {
        assertThat(AnomalyLikelihood.tail(0)).isCloseTo(0.5, within(1e-7));
        assertThat(AnomalyLikelihood.tail(1.959964)).isCloseTo(0.025, within(1e-6));
        assertThat(AnomalyLikelihood.tail(-1.959964)).isCloseTo(0.975, within(1e-6));
    }

    @Test
    void likelihoodRisesOnlyWhenRawScoresRiseAboveTheirOwnHistory() {
        double[] raw = new double[600];
        boolean[] valid = new boolean[600];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = 0.4 + 0.02 * Math.sin(i);
            valid[i] = true;
        }
        raw[500] = 0.9;
        raw[501] = 0.9;
        double[] out = AnomalyLikelihood.calibrate(raw, valid, new AnomalyLikelihood.Options(3, 400, 64));
        assertThat(out[10]).isZero();
        assertThat(out[501]).isGreaterThan(0.5);
        assertThat(out[400]).isLessThan(0.2);
        for (double v : out) {
            assertThat(v).isBetween(0.0, 1.0);
        }
    }
}
