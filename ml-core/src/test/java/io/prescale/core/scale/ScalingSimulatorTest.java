package io.prescale.core.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.prescale.core.series.TimeSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Exact numbers on a tiny series: steps of one day, so the 7-day warm-up is 7 steps; c = 10, k = 1. */
class ScalingSimulatorTest {
    static final double[] DEMAND = {10, 10, 10, 10, 10, 10, 10, 10, 30, 30, 10, 10};
    static final TimeSeries SERIES = TimeSeries.of(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofDays(1), DEMAND);
    static final SimulationSettings WORLD = new SimulationSettings(
            Duration.ofDays(1), Duration.ofDays(1), 1, 10, Bounds.of(1, 6), 7, 1.0, Duration.ofMinutes(5), 0.01);

    @Test
    void oracleLaunchesOneStepAheadAndNeverViolates() {
        StrategyResult oracle = ScalingSimulator.run(SERIES, WORLD, new OracleStrategy(DEMAND, WORLD));
        assertThat(Arrays.copyOfRange(oracle.total(), 7, 12)).containsExactly(3, 3, 3, 1, 1);
        assertThat(Arrays.copyOfRange(oracle.ready(), 7, 12)).containsExactly(1, 3, 3, 1, 1);
        assertThat(oracle.violationSteps()).isZero();
        assertThat(oracle.unservedShare()).isZero();
        assertThat(oracle.instanceHours()).isEqualTo(11 * 24.0);
        assertThat(oracle.actions()).isEqualTo(2);
        assertThat(oracle.maxInstances()).isEqualTo(3);
    }

    @Test
    void reactiveFollowsTheLastStepAndIsLateByTheStartUp() {
        StrategyResult reactive = ScalingSimulator.run(SERIES, WORLD, new ReactiveStrategy(1.0));
        assertThat(Arrays.copyOfRange(reactive.total(), 7, 12)).containsExactly(1, 1, 3, 3, 1);
        assertThat(Arrays.copyOfRange(reactive.ready(), 7, 12)).containsExactly(1, 1, 1, 3, 1);
        assertThat(reactive.violationSteps()).isEqualTo(2);
        assertThat(reactive.sloViolationMinutes()).isEqualTo(2 * 1440.0);
        assertThat(reactive.unservedShare()).isCloseTo(40.0 / 90.0, within(1e-12));
        assertThat(reactive.instanceHours()).isEqualTo(9 * 24.0);
        assertThat(reactive.actions()).isEqualTo(2);
    }

    @Test
    void oracleKeepsInstancesThroughGapsOfAtMostKSteps() {
        double[] demand = {10, 10, 10, 10, 10, 10, 10, 20, 10, 20, 10, 10, 20};
        TimeSeries series = TimeSeries.of(SERIES.start(), Duration.ofDays(1), demand);
        StrategyResult oracle = ScalingSimulator.run(series, WORLD, new OracleStrategy(demand, WORLD));
        // need 2 at 7, 9 and 12: the one-step gap at 8 is bridged, the two-step gap at 10-11 is not
        assertThat(Arrays.copyOfRange(oracle.total(), 6, 13)).containsExactly(2, 2, 2, 2, 1, 2, 2);
        assertThat(oracle.violationSteps()).isZero();
    }

    @Test
    void targetValueHoldsInsideItsThresholdAndItsCooldown() {
        assertThat(TargetValue.desired(10.05, 1, 10, 1.0, 0.01)).isEqualTo(1);
        assertThat(TargetValue.desired(10.2, 1, 10, 1.0, 0.01)).isEqualTo(2);
        assertThat(TargetValue.desired(Double.NaN, 1, 10, 1.0, 0.01)).isEqualTo(TargetValue.NO_METRIC);
        double[] minutes = {100, 100, 300, 300, 300, 300, 300, 300};
        TimeSeries series = TimeSeries.of(SERIES.start(), Duration.ofMinutes(1), minutes);
        SimulationSettings world = new SimulationSettings(
                Duration.ofMinutes(1),
                Duration.ofMinutes(1),
                1,
                100,
                Bounds.of(1, 10),
                0,
                1.0,
                Duration.ofMinutes(5),
                0.01);
        double[] up = {100, 100, 300, 300, 100, 100, 100, 100};
        StrategyResult r = ScalingSimulator.run(
                TimeSeries.of(SERIES.start(), Duration.ofMinutes(1), up), world, new ReactiveStrategy(1.0));
        // scales out at minute 3 (sees 300), then the 5-minute cooldown keeps 3 until minute 8
        assertThat(r.total()).containsExactly(1, 1, 1, 3, 3, 3, 3, 3);
        assertThat(ScalingSimulator.run(series, world, new ReactiveStrategy(1.0))
                        .total())
                .containsExactly(1, 1, 1, 3, 3, 3, 3, 3);
    }

    @Test
    void strategiesCannotReadTheFuture() {
        ScalingStrategy cheat = new ScalingStrategy() {
            @Override
            public String name() {
                return "cheat";
            }

            @Override
            public int desiredInstances(SimulationView view) {
                return (int) view.observed(view.t());
            }
        };
        assertThatThrownBy(() -> ScalingSimulator.run(SERIES, WORLD, cheat))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not observable");
    }

    @Test
    void theSimulatorClampsEveryStrategyIntoTheBounds() {
        ScalingStrategy greedy = new ScalingStrategy() {
            @Override
            public String name() {
                return "greedy";
            }

            @Override
            public int desiredInstances(SimulationView view) {
                return 1000;
            }
        };
        assertThat(ScalingSimulator.run(SERIES, WORLD, greedy).maxInstances()).isEqualTo(6);
    }
}
