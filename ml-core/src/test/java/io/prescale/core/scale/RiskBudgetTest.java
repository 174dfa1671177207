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

    /** 10-minute steps, start-up 2 steps, 100 requests per instance, bounds [1, 40]. */
    private static final SimulationSettings WORLD = new SimulationSettings(
            Duration.ofMinutes(10),
            Duration.ofMinutes(20),
            2,
            100,
            Bounds.of(1, 40),
            0,
            0.7,
            Duration.ofMinutes(5),
            0.01);

    private static final ScalingController.Options CONTROLLER =
            ScalingController.Options.defaults().withLead(Duration.ofMinutes(20));

    private static RiskBudget.Choice choose(RiskBudget budget, TimeSeries load) {
        ForecastMemo memo = new ForecastMemo(new SeasonalQuantileForecaster(), RiskBudget.CANDIDATES, 2 * 7 * DAY);
        return budget.choose(memo, load, WORLD, CONTROLLER, null, 14 * DAY);
    }

    @Test
    void replayedUnservedShareFallsAsTheQuantileRises() {
        RiskBudget budget = RiskBudget.of(0.01, 7 * DAY);
        RiskBudget.Choice choice = choose(budget, noisyDays(1));

        double[] unserved = choice.unserved();
        for (int q = 2; q < unserved.length; q++) {
            assertThat(unserved[q])
                    .as("p%s against two candidates lower", budget.candidates()[q])
                    .isLessThanOrEqualTo(unserved[q - 2] + 1e-12);
        }
        assertThat(unserved[0]).isGreaterThan(unserved[unserved.length - 1]);
    }

    @Test
    void aTighterBudgetChoosesAHigherQuantileAndKeepsIt() {
        TimeSeries load = noisyDays(2);
        RiskBudget.Choice loose = choose(RiskBudget.of(0.05, 7 * DAY), load);
        RiskBudget.Choice tight = choose(RiskBudget.of(0.002, 7 * DAY), load);

        assertThat(tight.quantile()).isGreaterThan(loose.quantile());
        assertThat(loose.withinBudget()).isTrue();
        int chosen = java.util.Arrays.binarySearch(RiskBudget.of(0.05, 2).candidates(), loose.quantile());
        assertThat(loose.unserved()[chosen]).isLessThanOrEqualTo(0.05);
    }

    @Test
    void aDearerUnservedLoadBalancesAtAHigherQuantile() {
        TimeSeries load = noisyDays(5);
        RiskBudget balanced = RiskBudget.costBalanced(7 * DAY);
        ForecastMemo memo = new ForecastMemo(new SeasonalQuantileForecaster(), balanced.candidates(), 2 * 7 * DAY);
        RiskBudget.Choice cheap = balanced.choose(memo, load, WORLD, CONTROLLER, null, 14 * DAY, 0.2);
        RiskBudget.Choice dear = balanced.choose(memo, load, WORLD, CONTROLLER, null, 14 * DAY, 200);

        assertThat(dear.quantile()).isGreaterThan(cheap.quantile());
        assertThat(cheap.withinBudget()).isTrue();
    }

    @Test
    void aCostBalancedBacktestReportsTheQuantileItChoseAtEachRefit() {
        ScalingBacktestOptions options = ScalingBacktestOptions.defaults()
                .withLead(Duration.ofMinutes(20), null)
                .withUnservedCost(RiskBudget.SUGGESTED_UNSERVED_COST);
        TimeSeries load = noisyDays(6).slice(0, 10 * DAY);
        ScalingBacktestResult result = ScalingBacktest.run(
                load, options, SeasonalQuantileForecaster::new, java.util.List.of("prescale"), false);

        assertThat(result.chosenQuantiles())
                .isNotEmpty()
                .allSatisfy(q -> assertThat(RiskBudget.CANDIDATES).contains(q));
        assertThat(ScalingBacktest.run(
                                load,
                                options.withUnservedCost(null),
                                SeasonalQuantileForecaster::new,
                                java.util.List.of("prescale"),
                                false)
                        .chosenQuantiles())
                .isEmpty();
    }

    @Test
    void tooShortAHistoryLeavesTheQuantileAlone() {
        TimeSeries shortLoad = noisyDays(3).slice(0, 10);
        assertThat(choose(RiskBudget.of(0.01, 7 * DAY), shortLoad)).isNull();
    }

    @Test
    void aBudgetOutsideTheOpenUnitIntervalIsRefused() {
        assertThatThrownBy(() -> RiskBudget.of(0, 10)).hasMessageContaining("(0, 1), got 0.0");
        assertThatThrownBy(() -> RiskBudget.of(1.5, 10)).hasMessageContaining("got 1.5");
        assertThatThrownBy(() -> ScalingBacktestOptions.defaults().withMaxUnserved(1.0))
                .hasMessageContaining("got 1.0");
    }

    @Test
    void theBacktestHonoursTheBudget() {
        TimeSeries load = noisyDays(4);
        ScalingBacktestOptions options = ScalingBacktestOptions.defaults().withLead(Duration.ofMinutes(20), null);
        double loose = prescale(ScalingBacktest.run(
                        load,
                        options.withMaxUnserved(0.05),
                        SeasonalQuantileForecaster::new,
                        java.util.List.of("prescale"),
                        false))
                .unservedShare();
        double tight = prescale(ScalingBacktest.run(
                        load,
                        options.withMaxUnserved(0.001),
                        SeasonalQuantileForecaster::new,
                        java.util.List.of("prescale"),
                        false))
                .unservedShare();

        assertThat(tight).isLessThan(loose);
    }

    private static StrategyResult prescale(ScalingBacktestResult result) {
        return result.strategy("prescale");
    }
}
