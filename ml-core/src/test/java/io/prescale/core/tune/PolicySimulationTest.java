package io.prescale.core.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prescale.core.scale.ScalingBand;
import io.prescale.core.scale.ScalingPolicy;
import io.prescale.core.scale.SeasonalQuantileForecaster;
import io.prescale.core.series.TimeSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicySimulationTest {
    /** 21 days of 30-minute steps: a daily wave between 20 and 100 requests/s. */
    static TimeSeries days() {
        double[] values = new double[21 * 48];
        for (int i = 0; i < values.length; i++) {
            values[i] = 60 - 40 * Math.cos(2 * Math.PI * (i % 48) / 48.0);
        }
        return TimeSeries.of(Instant.parse("2026-01-05T00:00:00Z"), Duration.ofMinutes(30), values);
    }

    static ScalingBand band(double from, double to, int count, int cpus) {
        return new ScalingBand(from, to, "requests/s", Map.of("count", count, "cpus", cpus), false, null, null, null);
    }

    @Test
    void theControllerRunsTheLearnedBandsInTheSimulatorAndScoresThemByTheirConfigurationsCapacity() {
        // learned: 1 small instance (holds 60 rps) up to 50 rps, then 2 small instances; costs 1 per instance-hour
        ScalingPolicy learned = new ScalingPolicy(
                1, "learned", List.of(band(0, 50, 1, 1), band(50, Double.POSITIVE_INFINITY, 2, 1)), null, null);
        PricedPolicy tuned = new PricedPolicy("learned", learned, new double[] {60, 60}, new double[] {1, 1});
        // hand-written: capacityPerInstance 35 (a guess) of instances that hold 60
        ScalingPolicy hand = new ScalingPolicy(
                1,
                "hand",
                List.of(new ScalingBand(
                        0, Double.POSITIVE_INFINITY, "requests/s", Map.of("cpus", 1), false, null, null, 35.0)),
                null,
                null);
        PricedPolicy written = new PricedPolicy("hand-written", hand, new double[] {60}, new double[] {1});

        PolicySimulation.Comparison c = PolicySimulation.compare(
                "wave", days(), 100, tuned, written, new SeasonalQuantileForecaster(), Duration.ofMinutes(10));

        assertThat(c.p99Rps()).isEqualTo(100);
        assertThat(c.learned().scoredSteps()).isEqualTo(14 * 48);
        assertThat(c.learned().maxInstances()).isEqualTo(2);
        assertThat(c.handWritten().maxInstances()).isEqualTo(3);
        assertThat(c.learned().unservedShare()).isLessThan(0.02);
        assertThat(c.handWritten().unservedShare()).isLessThan(0.02);
        assertThat(c.instanceHoursRatio()).isLessThan(1);
        assertThat(c.learned().cost()).isEqualTo(c.learned().instanceHours());
    }

    @Test
    void aConfigurationThatHoldsTooLittleLeavesLoadUnserved() {
        ScalingPolicy one = new ScalingPolicy(1, "one", List.of(band(0, Double.POSITIVE_INFINITY, 1, 1)), null, null);
        PricedPolicy weak = new PricedPolicy("weak", one, new double[] {50}, new double[] {1});
        PolicySimulation.Comparison c = PolicySimulation.compare(
                "wave", days(), 100, weak, weak, new SeasonalQuantileForecaster(), Duration.ofMinutes(10));
        assertThat(c.learned().unservedShare()).isGreaterThan(0.1);
        assertThat(c.learned().violationSteps()).isGreaterThan(0);
    }

    @Test
    void aTraceNoLongerThanTheWarmUpIsRejected() {
        ScalingPolicy one = new ScalingPolicy(1, "one", List.of(band(0, Double.POSITIVE_INFINITY, 1, 1)), null, null);
        PricedPolicy p = new PricedPolicy("p", one, new double[] {50}, new double[] {1});
        TimeSeries week = days().slice(0, 7 * 48);
        assertThatThrownBy(() -> PolicySimulation.compare(
                        "week", week, 100, p, p, new SeasonalQuantileForecaster(), Duration.ofMinutes(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("warm-up");
        assertThatThrownBy(() -> new PricedPolicy("p", one, new double[] {0}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacity per instance");
    }
}
