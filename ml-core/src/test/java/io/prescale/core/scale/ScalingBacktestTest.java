package io.prescale.core.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prescale.core.testing.SyntheticLoad;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScalingBacktestTest {
    @Test
    void scoresEveryStrategyOnTheSameRangeAndPrescaleLiesBeyondTheReactiveFrontier() {
        ScalingBacktestResult result = ScalingBacktest.run(
                SyntheticLoad.daily(14, 3), ScalingBacktestOptions.defaults(), SeasonalQuantileForecaster::new);
        assertThat(result.strategies())
                .extracting(StrategyResult::name)
                .containsExactlyElementsOf(ScalingBacktest.STRATEGIES);
        assertThat(result.scoredFrom()).isEqualTo(7 * 48);
        assertThat(result.settings().startupSteps()).isEqualTo(1);
        assertThat(result.settings().bounds()).isEqualTo(Bounds.of(1, 40));
        StrategyResult prescale = result.strategy("prescale");
        StrategyResult oracle = result.strategy("oracle");
        StrategyResult reactive = result.strategy("reactive");
        assertThat(oracle.violationSteps()).isZero();
        assertThat(oracle.instanceHours()).isLessThanOrEqualTo(prescale.instanceHours());
        String scores = result.strategies().stream()
                .map(s -> s.name() + " " + s.unservedShare() + " @ " + s.instanceHours())
                .toList()
                .toString();
        assertThat(prescale.instanceHours())
                .as(scores)
                .isLessThan(reactive.instanceHours())
                .isLessThanOrEqualTo(1.15 * oracle.instanceHours());
        assertThat(result.reactiveFrontier()).hasSize(5);
        // beyond the reactive frontier: reactive at prescale's instance-hours leaves more demand unserved
        assertThat(result.frontierUnservedAt(prescale.instanceHours()))
                .as(scores)
                .isGreaterThan(prescale.unservedShare());
    }

    @Test
    void rejectsATraceShorterThanTheWarmUp() {
        assertThatThrownBy(() -> ScalingBacktest.run(
                        SyntheticLoad.daily(7, 1), ScalingBacktestOptions.defaults(), SeasonalQuantileForecaster::new))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("warm-up of 336 steps (7 days)");
    }

    @Test
    void rejectsANonPositiveLeadCapacityOrInvertedBounds() {
        assertThatThrownBy(() -> ScalingBacktestOptions.defaults().withLead(Duration.ZERO, null))
                .hasMessageContaining("lead must be positive");
        assertThatThrownBy(() -> ScalingBacktestOptions.defaults().withCapacity(0.0, 20))
                .hasMessageContaining("capacity");
        assertThatThrownBy(() -> ScalingBacktestOptions.defaults().withBounds(5, 2))
                .hasMessageContaining("below min");
        assertThatThrownBy(() -> new Bounds(5, 2, 1)).hasMessageContaining("max must be ≥ min 5, got 2");
    }
}
