package io.prescale.core.scale;

import io.prescale.core.forecast.QuantileForecast;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;

/** Shared set-up of the controller tests: 1-minute steps, lead 2 min (k = 2), cooldown 2 min, p95, c = 100. */
final class ControllerFixtures {
    static final Instant NOW = Instant.parse("2026-01-05T12:00:00Z");
    static final Duration STEP = Duration.ofMinutes(1);
    static final ScalingController.Options OPTIONS = new ScalingController.Options(
            Duration.ofMinutes(2),
            Duration.ofMinutes(2),
            0.95,
            0.05,
            Duration.ofMinutes(5),
            LocalTime.of(2, 0),
            LocalTime.of(5, 0));
    static final ScalingController CONTROLLER = new ScalingController(OPTIONS);
    static final ScalingPolicy CAPACITY_100 = ScalingPolicy.capacityOnly("c100", 100, "requests/min", null);

    private ControllerFixtures() {}

    /** A forecast at {@code origin} whose p95 path is {@code p95} and p50 is 90 % of it. */
    static QuantileForecast forecast(Instant origin, double... p95) {
        double[][] values = new double[p95.length][];
        for (int h = 0; h < p95.length; h++) {
            double p50 = Double.isFinite(p95[h]) ? 0.9 * p95[h] : p95[h];
            values[h] = new double[] {p50, p95[h]};
        }
        return new QuantileForecast(origin, STEP, new double[] {0.5, 0.95}, values);
    }

    static ScalingState state(int current, double load, Integer minutesSinceChange) {
        Instant last = minutesSinceChange == null || minutesSinceChange < 0
                ? null
                : NOW.minus(Duration.ofMinutes(minutesSinceChange));
        return ScalingState.of(NOW, current, load, last, null);
    }
}
