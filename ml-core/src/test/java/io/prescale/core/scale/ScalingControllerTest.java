package io.prescale.core.scale;

import static io.prescale.core.scale.ControllerFixtures.CAPACITY_100;
import static io.prescale.core.scale.ControllerFixtures.CONTROLLER;
import static io.prescale.core.scale.ControllerFixtures.NOW;
import static io.prescale.core.scale.ControllerFixtures.forecast;
import static io.prescale.core.scale.ControllerFixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScalingControllerTest {
    @ParameterizedTest(name = "[{index}] {7}")
    @CsvSource(delimiter = ';', textBlock = """
            # current; load; p95 path (h = 0..4); minutes since last change (-1 never); bounds min/max/step; action; target; why
            5; 400; 400|450|900|400|400; -1; 1/20/20; SCALE_OUT; 9; scales out for the forecast peak within the lead
            5; 700; 300|300|300|300|300; -1; 1/20/20; SCALE_OUT; 7; never below what the current load needs
            5; 300; 300|300|300|300|300; -1; 1/20/20; SCALE_IN; 4; scales in to the peak times 1.05 over lead plus cooldown
            5; 300; 300|300|300|300|300; 1; 1/20/20; HOLD; 5; no scale-in inside the cooldown
            5; 300; 300|300|300|300|300; 2; 1/20/20; SCALE_IN; 4; scale-in once the cooldown has passed
            5; 300; 300|300|300|300|480; -1; 1/20/20; HOLD; 5; a peak after the lead but inside the cooldown blocks scale-in
            5; 300; 300|300|300|300|300|900; -1; 1/20/20; SCALE_IN; 4; a peak beyond lead plus cooldown does not
            5; 400; 400|470|470|470|470; -1; 1/20/20; HOLD; 5; hysteresis holds between the two thresholds
            5; 100; 100|100|100|100|100; -1; 1/20/2; SCALE_IN; 3; scale-in limited by the max step
            5; 400; 2000|2000|2000|2000|2000; -1; 1/20/3; SCALE_OUT; 8; scale-out limited by the max step
            5; 400; 2000|2000|2000|2000|2000; -1; 1/8/20; SCALE_OUT; 8; scale-out limited by the max bound
            8; 400; 2000|2000|2000|2000|2000; -1; 1/8/20; HOLD; 8; at the max bound holds
            3; 0; 0|0|0|0|0; -1; 2/10/10; SCALE_IN; 2; scale-in stops at the min bound
            12; 300; 300|300|300|300|300; 0; 1/10/1; SCALE_IN; 10; a count above the bounds moves into them
            5; 400; 400|450; -1; 1/20/20; HOLD; 5; a forecast shorter than the lead holds
            5; 300; 300|300|300; -1; 1/20/20; HOLD; 5; a forecast shorter than lead plus cooldown allows no scale-in
            5; 300; 300|450|700|300; -1; 1/20/20; SCALE_OUT; 7; but still allows a scale-out
            """)
    void decidesAsTheTableSays(
            int current,
            double load,
            String path,
            int sinceChange,
            String bounds,
            String action,
            int target,
            String why) {
        double[] p95 = Arrays.stream(path.split("\\|"))
                .mapToDouble(Double::parseDouble)
                .toArray();
        int[] b = Arrays.stream(bounds.split("/")).mapToInt(Integer::parseInt).toArray();
        Decision decision = CONTROLLER.decide(
                state(current, load, sinceChange), forecast(NOW, p95), CAPACITY_100, new Bounds(b[0], b[1], b[2]));
        assertThat(decision.action()).as(decision.reason()).isEqualTo(Decision.Action.valueOf(action));
        assertThat(decision.targetCount()).as(decision.reason()).isEqualTo(target);
        assertThat(decision.reason()).isNotBlank();
        assertThat(decision.numbers()).containsKey("currentCount");
    }

    @Test
    void reasonsCarryWordsAndNumbers() {
        Decision decision = CONTROLLER.decide(
                state(5, 400, -1), forecast(NOW, 400, 450, 900, 400, 400), CAPACITY_100, Bounds.of(1, 20));
        assertThat(decision.reason())
                .isEqualTo("scale out 5 → 9: p95 forecast peak 900 over the next 3 step(s) needs 9,"
                        + " current load 400 needs 4");
        assertThat(decision.numbers())
                .containsEntry("forecastPeak", 900.0)
                .containsEntry("reactiveNeed", 4.0)
                .containsEntry("targetCount", 9.0);
    }

    @ParameterizedTest(name = "holds when {0}")
    @CsvSource(delimiter = ';', textBlock = """
            the load is NaN; NaN; 0; 0; 300; current load is NaN
            the load is infinite; Infinity; 0; 0; 300; current load is Infinity
            the load is stale; 300; 6; 0; 300; older than PT5M (stale)
            the forecast is stale; 300; 0; 6; 300; older than PT5M (stale)
            the forecast is NaN; 300; 0; 0; NaN; non-finite forecast
            the forecast is from the future; 300; 0; -1; 300; is after now
            """)
    void holdsWithTheReasonOnBadInputs(
            String why, double load, int loadAgeMinutes, int forecastAgeMinutes, double forecastValue, String reason) {
        ScalingState state =
                new ScalingState(NOW, 5, Map.of(), load, NOW.minus(Duration.ofMinutes(loadAgeMinutes)), null, null);
        Instant origin = NOW.minus(Duration.ofMinutes(forecastAgeMinutes));
        double[] path = new double[12];
        Arrays.fill(path, 900);
        path[forecastAgeMinutes > 0 ? forecastAgeMinutes : 0] = forecastValue;
        Decision decision = CONTROLLER.decide(state, forecast(origin, path), CAPACITY_100, Bounds.of(1, 20));
        assertThat(decision.action()).isEqualTo(Decision.Action.HOLD);
        assertThat(decision.targetCount()).isEqualTo(5);
        assertThat(decision.reason()).contains(reason);
    }

    @Test
    void holdsWithoutAForecastOrWithoutItsLevel() {
        assertThat(CONTROLLER
                        .decide(state(5, 300, -1), null, CAPACITY_100, Bounds.of(1, 20))
                        .reason())
                .contains("no forecast");
        var onlyMedian = new io.prescale.core.forecast.QuantileForecast(
                NOW, ControllerFixtures.STEP, new double[] {0.5}, new double[][] {{1}, {1}, {1}, {1}, {1}});
        assertThat(CONTROLLER
                        .decide(state(5, 300, -1), onlyMedian, CAPACITY_100, Bounds.of(1, 20))
                        .reason())
                .contains("no p95 level");
    }

    private static final ScalingPolicy TWO_CONFIGS = new ScalingPolicy(
            1,
            "two-configs",
            List.of(
                    new ScalingBand(0, 500, "rpm", Map.of("cpu", 500), false, null, null, 100.0),
                    new ScalingBand(
                            500, Double.POSITIVE_INFINITY, "rpm", Map.of("cpu", 1000), true, null, null, 100.0)),
            null,
            null);

    @Test
    void neverRestartsTogetherWithAScaleOut() {
        ScalingState state = new ScalingState(
                Instant.parse("2026-01-05T03:00:00Z"),
                5,
                Map.of("cpu", 500),
                450,
                Instant.parse("2026-01-05T03:00:00Z"),
                null,
                null);
        Decision decision =
                CONTROLLER.decide(state, forecast(state.now(), 450, 600, 800, 800, 800), TWO_CONFIGS, Bounds.of(1, 20));
        assertThat(decision.action()).isEqualTo(Decision.Action.SCALE_OUT);
        assertThat(decision.restart()).isFalse();
        assertThat(decision.config()).containsEntry("cpu", 500);
        assertThat(decision.reason()).contains("never together with a scale-out");
    }

    @Test
    void restartsOnlyInsideTheLowLoadWindow() {
        for (String time : List.of("12:00", "03:00")) {
            Instant now = Instant.parse("2026-01-05T" + time + ":00Z");
            ScalingState state = new ScalingState(now, 8, Map.of("cpu", 500), 600, now, null, null);
            Decision decision =
                    CONTROLLER.decide(state, forecast(now, 600, 600, 600, 600, 600), TWO_CONFIGS, Bounds.of(1, 20));
            boolean window = time.equals("03:00");
            assertThat(decision.restart()).as(decision.reason()).isEqualTo(window);
            assertThat(decision.config()).containsEntry("cpu", window ? 1000 : 500);
            assertThat(decision.reason())
                    .contains(window ? "inside the low-load window" : "deferred to the low-load window");
            assertThat(decision.action()).isNotEqualTo(Decision.Action.SCALE_OUT);
        }
    }

    @Test
    void usesTheTopBandAndSaysSoWhenThePolicyDoesNotCoverTheLoad() {
        ScalingPolicy bands = new ScalingPolicy(
                1,
                "bands",
                List.of(
                        new ScalingBand(0, 500, "rpm", Map.of("count", 2), false, null, null, null),
                        new ScalingBand(500, 1000, "rpm", Map.of("count", 5), false, null, null, null)),
                null,
                null);
        Decision decision = CONTROLLER.decide(
                state(2, 400, -1), forecast(NOW, 400, 900, 1500, 1500, 1500), bands, Bounds.of(1, 20));
        assertThat(decision.targetCount()).isEqualTo(5);
        assertThat(decision.reason()).contains("load 1500 is outside the policy's bands, using band 1 [500, 1000)");
    }
}
