package io.prescale.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ForecastMetricsTest {
    @Test
    void metricsFollowTheIssueDefinitions() {
        double[] y = {10, 0, 20};
        double[] p50 = {12, 0, 15};
        double[] p10 = {8, 0, 16};
        double[] p90 = {14, 1, 18};
        ForecastMetrics m = ForecastMetrics.of(y, p10, p50, p90, 2.0);
        assertThat(m.wape()).isCloseTo((2 + 0 + 5) / 30.0, within(1e-12));
        assertThat(m.smape()).isCloseTo((4.0 / 22 + 0 + 10.0 / 35) / 3, within(1e-12));
        assertThat(m.mase()).isCloseTo(7.0 / 3 / 2, within(1e-12));
        double mean = 10;
        double std = Math.sqrt(((0) + 100 + 100) / 3.0);
        assertThat(mean).isEqualTo(10);
        assertThat(m.nrmse()).isCloseTo(Math.sqrt((4 + 0 + 25) / 3.0) / std, within(1e-12));
        assertThat(m.coverage80()).isCloseTo(2 / 3.0, within(1e-12));
        double pin0 = (0.1 * 2 + 0.5 * 2 + 0.9 * 4) / 3 * 0
                + (ForecastMetrics.loss(10, 8, .1)
                                + ForecastMetrics.loss(10, 12, .5)
                                + ForecastMetrics.loss(10, 14, .9))
                        / 3;
        double pin1 = (ForecastMetrics.loss(0, 0, .1) + 0 + ForecastMetrics.loss(0, 1, .9)) / 3;
        double pin2 =
                (ForecastMetrics.loss(20, 16, .1) + ForecastMetrics.loss(20, 15, .5) + ForecastMetrics.loss(20, 18, .9))
                        / 3;
        assertThat(m.pinball()).isCloseTo((pin0 + pin1 + pin2) / 3 / 2.0, within(1e-12));
        assertThat(ForecastMetrics.loss(10, 8, 0.1)).isCloseTo(0.2, within(1e-12));
        assertThat(ForecastMetrics.loss(10, 12, 0.1)).isCloseTo(1.8, within(1e-12));
    }

    @Test
    void maseScaleUsesTheWeeklyLagAndSkipsGaps() {
        double[] v = {1, 2, Double.NaN, 4, 6, 8};
        assertThat(ForecastMetrics.maseScale(v, 6, 2, 1))
                .isCloseTo((Math.abs(4 - 2) + Math.abs(8 - 4)) / 2.0, within(1e-12));
        assertThat(ForecastMetrics.maseScale(v, 6, 10, 1)).isCloseTo((1 + 2 + 2) / 3.0, within(1e-12));
    }
}
