package io.prescale.core.scale;

import static io.prescale.core.scale.ControllerFixtures.CAPACITY_100;
import static io.prescale.core.scale.ControllerFixtures.CONTROLLER;
import static io.prescale.core.scale.ControllerFixtures.NOW;
import static io.prescale.core.scale.ControllerFixtures.forecast;
import static io.prescale.core.scale.ControllerFixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** The safety properties of the controller, on random states, forecasts and bounds (lead 2 steps, cooldown 2 steps). */
class ScalingControllerPropertiesTest {
    record Case(int current, double load, double[] p95, Integer sinceChange, Bounds bounds) {
        Decision decide() {
            return CONTROLLER.decide(state(current, load, sinceChange), forecast(NOW, p95), CAPACITY_100, bounds);
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Bounds> bounds = Combinators.combine(
                        Arbitraries.integers().between(0, 5),
                        Arbitraries.integers().between(0, 40),
                        Arbitraries.integers().between(1, 10))
                .as((min, extra, step) -> new Bounds(min, min + extra, step));
        Arbitrary<double[]> paths = Arbitraries.doubles()
                .between(0, 5000)
                .array(double[].class)
                .ofMinSize(3)
                .ofMaxSize(8);
        return Combinators.combine(
                        bounds,
                        Arbitraries.doubles().between(0, 5000),
                        paths,
                        Arbitraries.integers().between(-1, 5),
                        Arbitraries.integers().between(0, 1000))
                .as((b, load, path, since, pick) ->
                        new Case(b.min() + pick % (b.max() - b.min() + 1), load, path, since < 0 ? null : since, b));
    }

    @Property
    void neverOutsideTheBounds(@ForAll("cases") Case c) {
        int target = c.decide().targetCount();
        assertThat(target).isBetween(c.bounds().min(), c.bounds().max());
    }

    @Property
    void neverMoreThanTheMaximumStep(@ForAll("cases") Case c) {
        assertThat(Math.abs(c.decide().targetCount() - c.current()))
                .isLessThanOrEqualTo(c.bounds().maxStep());
    }

    @Property
    void neverBelowWhatTheCurrentLoadNeeds(@ForAll("cases") Case c) {
        Decision decision = c.decide();
        int reactiveNeed = CAPACITY_100.instancesFor(c.load());
        int reachable = Math.min(
                c.bounds().max(),
                Math.min(reactiveNeed, c.current() + c.bounds().maxStep()));
        assertThat(decision.targetCount()).as(decision.reason()).isGreaterThanOrEqualTo(reachable);
    }

    @Property
    void scalesInOnlyWhenTheWholeWindowPlusCooldownAllows(@ForAll("cases") Case c) {
        Decision decision = c.decide();
        if (decision.targetCount() >= c.current()) {
            return;
        }
        assertThat(c.p95().length).as("the forecast covers lead + cooldown").isGreaterThanOrEqualTo(5);
        for (int h = 0; h <= 4; h++) {
            assertThat(CAPACITY_100.instancesFor(c.p95()[h] * 1.05)).isLessThanOrEqualTo(decision.targetCount());
        }
        assertThat(c.sinceChange() == null || c.sinceChange() >= 2)
                .as("outside the cooldown")
                .isTrue();
    }

    @Property
    void noScaleInInsideTheCooldown(@ForAll("cases") Case c, @ForAll @IntRange(min = 0, max = 1) int minutesAgo) {
        Case recent = new Case(c.current(), c.load(), c.p95(), minutesAgo, c.bounds());
        assertThat(recent.decide().targetCount()).isGreaterThanOrEqualTo(c.current());
    }

    @Property
    void aHigherForecastNeverGivesFewerInstances(
            @ForAll("cases") Case c,
            @ForAll @DoubleRange(min = 0, max = 3000) double raise,
            @ForAll @IntRange(min = 0, max = 7) int at) {
        double[] higher = c.p95().clone();
        higher[at % higher.length] += raise;
        Case raised = new Case(c.current(), c.load(), higher, c.sinceChange(), c.bounds());
        assertThat(raised.decide().targetCount())
                .isGreaterThanOrEqualTo(c.decide().targetCount());
    }

    @Property
    void nonFiniteInputAlwaysHolds(
            @ForAll("cases") Case c, @ForAll @IntRange(min = 0, max = 8) int where, @ForAll("nonFinite") double bad) {
        double[] path = c.p95().clone();
        double load = c.load();
        if (where < path.length && where <= 4) {
            path[where] = bad;
        } else {
            load = bad;
        }
        Decision decision = new Case(c.current(), load, path, c.sinceChange(), c.bounds()).decide();
        assertThat(decision.action()).isEqualTo(Decision.Action.HOLD);
        assertThat(decision.targetCount()).isEqualTo(c.current());
    }

    @Property
    void staleInputAlwaysHolds(
            @ForAll("cases") Case c, @ForAll @IntRange(min = 6, max = 600) int ageMinutes, @ForAll boolean staleLoad) {
        Instant old = NOW.minus(Duration.ofMinutes(ageMinutes));
        ScalingState state = new ScalingState(NOW, c.current(), Map.of(), c.load(), staleLoad ? old : NOW, null, null);
        Decision decision = CONTROLLER.decide(
                state, forecast(staleLoad ? NOW : old, padded(c.p95(), ageMinutes)), CAPACITY_100, c.bounds());
        assertThat(decision.action()).isEqualTo(Decision.Action.HOLD);
        assertThat(decision.targetCount()).isEqualTo(c.current());
        assertThat(decision.reason()).contains("(stale)");
    }

    private static double[] padded(double[] path, int extra) {
        double[] longer = java.util.Arrays.copyOf(path, path.length + extra);
        java.util.Arrays.fill(longer, path.length, longer.length, path[path.length - 1]);
        return longer;
    }

    @Provide
    Arbitrary<Double> nonFinite() {
        return Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    }

    @Property
    void restartsOnlyInTheLowLoadWindowAndNeverWithAScaleOut(
            @ForAll @IntRange(min = 0, max = 1439) int minuteOfDay,
            @ForAll @DoubleRange(min = 0, max = 1500) double load,
            @ForAll @DoubleRange(min = 0, max = 1500) double peak,
            @ForAll @IntRange(min = 1, max = 20) int current) {
        ScalingPolicy policy = new ScalingPolicy(
                1,
                "restart",
                List.of(
                        new ScalingBand(0, 500, "rpm", Map.of("cpu", 500), true, null, null, 100.0),
                        new ScalingBand(
                                500, Double.POSITIVE_INFINITY, "rpm", Map.of("cpu", 1000), true, null, null, 100.0)),
                null,
                null);
        Instant now = Instant.parse("2026-01-05T00:00:00Z").plus(Duration.ofMinutes(minuteOfDay));
        ScalingState state = new ScalingState(now, current, Map.of("cpu", 500), load, now, null, null);
        Decision decision =
                CONTROLLER.decide(state, forecast(now, peak, peak, peak, peak, peak), policy, Bounds.of(0, 20));
        if (decision.restart()) {
            assertThat(minuteOfDay).isBetween(120, 299);
            assertThat(decision.action()).isNotEqualTo(Decision.Action.SCALE_OUT);
        }
    }
}
