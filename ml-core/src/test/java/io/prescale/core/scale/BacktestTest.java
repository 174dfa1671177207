package io.prescale.core.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prescale.core.series.TimeSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BacktestTest {
    /** Ten days of a daily sine at 30-minute steps with seeded noise. */
    static TimeSeries seasonal(long seed, int days) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[days * 48];
        for (int i = 0; i < values.length; i++) {
            values[i] = 1000 + 600 * Math.sin(2 * Math.PI * i / 48.0) + 30 * random.nextGaussian();
        }
        return TimeSeries.of(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofMinutes(30), values);
    }

    @Test
    void scoresEveryStrategyOnTheSameRangeAndPrescaleLiesBeyondTheReactiveFrontier() {
        BacktestResult result = Backtest.run(seasonal(3, 14), BacktestOptions.defaults(), SeasonalQuantileForecaster::new);
        assertThat(result.strategies()).extracting(StrategyResult::name).containsExactlyElementsOf(Backtest.STRATEGIES);
        assertThat(result.scoredFrom()).isEqualTo(7 * 48);
        assertThat(result.settings().startupSteps()).isEqualTo(1);
        assertThat(result.settings().bounds()).isEqualTo(Bounds.of(1, 40));
        StrategyResult prescale = result.strategy("prescale");
        StrategyResult oracle = result.strategy("oracle");
        StrategyResult reactive = result.strategy("reactive");
        assertThat(oracle.violationSteps()).isZero();
        assertThat(oracle.instanceHours()).isLessThanOrEqualTo(prescale.instanceHours());
        String scores = result.strategies().stream().map(s -> s.name() + " " + s.unservedShare() + " @ " + s.instanceHours())
                .toList().toString();
        assertThat(prescale.instanceHours()).as(scores).isLessThan(reactive.instanceHours())
                .isLessThanOrEqualTo(1.15 * oracle.instanceHours());
        assertThat(result.reactiveFrontier()).hasSize(5);
        // beyond the reactive frontier: reactive at prescale's instance-hours leaves more demand unserved
        assertThat(result.frontierUnservedAt(prescale.instanceHours())).as(scores).isGreaterThan(prescale.unservedShare());
    }

    @Test
    void rejectsATraceShorterThanTheWarmUp() {
        assertThatThrownBy(() -> Backtest.run(seasonal(1, 7), BacktestOptions.defaults(), SeasonalQuantileForecaster::new))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("warm-up of 336 steps (7 days)");
    }

    @Test
    void rejectsANonPositiveLeadCapacityOrInvertedBounds() {
        assertThatThrownBy(() -> BacktestOptions.defaults().withLead(Duration.ZERO, null))
                .hasMessageContaining("lead must be positive");
        assertThatThrownBy(() -> BacktestOptions.defaults().withCapacity(0.0, 20)).hasMessageContaining("capacity");
        assertThatThrownBy(() -> BacktestOptions.defaults().withBounds(5, 2)).hasMessageContaining("below min");
        assertThatThrownBy(() -> new Bounds(5, 2, 1)).hasMessageContaining("max must be ≥ min 5, got 2");
    }
}
