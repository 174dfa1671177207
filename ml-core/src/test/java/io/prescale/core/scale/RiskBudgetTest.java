package io.prescale.core.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prescale.core.series.TimeSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RiskBudgetTest {
    private static final int DAY = 144;

    /** 21 days of 10-minute load: a daily cycle with 15 % multiplicative noise. */
    private static TimeSeries noisyDays(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[21 * DAY];
        for (int i = 0; i < v.length; i++) {
            double base = 1000 + 600 * Math.sin(2 * Math.PI * (i % DAY) / DAY);
            v[i] = Math.max(0, base * (1 + 0.15 * random.nextGaussian()));
        }
        return TimeSeries.of(Instant.parse("2026-03-02T00:00:00Z"), Duration.ofMinutes(10), v);
    }

    @Test
    void replayedUnservedShareFallsAsTheQuantileRises() {
        RiskBudget budget = RiskBudget.of(0.01, 7 * DAY);
        RiskBudget.Choice choice = budget.choose(new SeasonalQuantileForecaster(), noisyDays(1), 2, 100);

        double[] unserved = choice.unserved();
        for (int q = 1; q < unserved.length; q++) {
            assertThat(unserved[q]).isLessThanOrEqualTo(unserved[q - 1] + 1e-12);
        }
        assertThat(unserved[0]).isGreaterThan(unserved[unserved.length - 1]);
    }

    @Test
    void aTighterBudgetChoosesAHigherQuantileAndKeepsIt() {
        TimeSeries load = noisyDays(2);
        RiskBudget.Choice loose = RiskBudget.of(0.05, 7 * DAY).choose(new SeasonalQuantileForecaster(), load, 2, 100);
        RiskBudget.Choice tight = RiskBudget.of(0.002, 7 * DAY).choose(new SeasonalQuantileForecaster(), load, 2, 100);

        assertThat(tight.quantile()).isGreaterThan(loose.quantile());
        assertThat(loose.withinBudget()).isTrue();
        int chosen = java.util.Arrays.binarySearch(RiskBudget.of(0.05, 2).candidates(), loose.quantile());
        assertThat(loose.unserved()[chosen]).isLessThanOrEqualTo(0.05);
    }

    @Test
    void tooShortAHistoryLeavesTheQuantileAlone() {
        TimeSeries shortLoad = noisyDays(3).slice(0, 10);
        assertThat(RiskBudget.of(0.01, 7 * DAY).choose(new SeasonalQuantileForecaster(), shortLoad, 6, 100)).isNull();
    }

    @Test
    void aBudgetOutsideTheOpenUnitIntervalIsRefused() {
        assertThatThrownBy(() -> RiskBudget.of(0, 10)).hasMessageContaining("(0, 1), got 0.0");
        assertThatThrownBy(() -> RiskBudget.of(1.5, 10)).hasMessageContaining("got 1.5");
        assertThatThrownBy(() -> ScalingBacktestOptions.defaults().withMaxUnserved(1.0)).hasMessageContaining("got 1.0");
    }

    @Test
    void theBacktestHonoursTheBudget() {
        TimeSeries load = noisyDays(4);
        ScalingBacktestOptions options = ScalingBacktestOptions.defaults().withLead(Duration.ofMinutes(20), null);
        double loose = prescale(ScalingBacktest.run(load, options.withMaxUnserved(0.05), SeasonalQuantileForecaster::new,
                java.util.List.of("prescale"), false)).unservedShare();
        double tight = prescale(ScalingBacktest.run(load, options.withMaxUnserved(0.001), SeasonalQuantileForecaster::new,
                java.util.List.of("prescale"), false)).unservedShare();

        assertThat(tight).isLessThan(loose);
    }

    private static StrategyResult prescale(ScalingBacktestResult result) {
        return result.strategy("prescale");
    }
}
