package io.prescale.core.scale;

import io.prescale.core.forecast.QuantileForecast;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The predictive scaling decision, a pure function of its inputs (no clock, no state, thread-safe).
 *
 * <ul>
 *   <li>Scale out to the capacity for the {@code quantile} forecast's peak over {@code [now, now + lead]}, never
 *       below what the current load needs (the reactive guard), by at most {@code bounds.maxStep}.</li>
 *   <li>Scale in only when the peak over the whole {@code [now, now + lead + cooldown]}, raised by
 *       {@code hysteresis}, needs fewer instances, and no scaling happened within {@code cooldown}.</li>
 *   <li>A missing, stale (older than {@code staleAfter}) or non-finite load or forecast holds, saying why.</li>
 *   <li>A configuration change that needs a restart is proposed only inside the low-load window and never with
 *       a scale-out.</li>
 * </ul>
 * Lead and cooldown are rounded up to whole forecast steps, the lead to at least one.
 */
public final class ScalingController {
    /**
     * Hyper-parameters of the controller.
     *
     * @param lead how far ahead capacity must be ready (instance start-up time)
     * @param cooldown no scale-in within this time after any scaling, and the scale-in window's extension
     * @param quantile the upper forecast level sized for, e.g. 0.9; the forecast must carry it
     * @param hysteresis scale-in sizes for the forecast × (1 + hysteresis)
     * @param staleAfter a load observation or forecast origin older than this holds
     * @param lowLoadFrom start of the daily UTC window for restart-requiring changes
     * @param lowLoadTo end (exclusive) of that window; it may wrap past midnight
     */
    public record Options(
            Duration lead,
            Duration cooldown,
            double quantile,
            double hysteresis,
            Duration staleAfter,
            LocalTime lowLoadFrom,
            LocalTime lowLoadTo) {
        public Options {
            if (lead == null || lead.isZero() || lead.isNegative()) {
                throw new IllegalArgumentException("lead must be positive, got " + lead);
            }
            if (cooldown == null || cooldown.isNegative()) {
                throw new IllegalArgumentException("cooldown must be ≥ 0, got " + cooldown);
            }
            if (!(quantile > 0 && quantile < 1)) {
                throw new IllegalArgumentException("quantile must be in (0, 1), got " + quantile);
            }
            if (!(hysteresis >= 0 && hysteresis < 1)) {
                throw new IllegalArgumentException("hysteresis must be in [0, 1), got " + hysteresis);
            }
            if (staleAfter == null || staleAfter.isZero() || staleAfter.isNegative()) {
                throw new IllegalArgumentException("staleAfter must be positive, got " + staleAfter);
            }
            Objects.requireNonNull(lowLoadFrom, "lowLoadFrom");
            Objects.requireNonNull(lowLoadTo, "lowLoadTo");
        }

        /** Lead 10 min, cooldown 5 min, p90, hysteresis 0.05, stale after 15 min, low-load window 02:00–05:00 UTC. */
        public static Options defaults() {
            return new Options(
                    Duration.ofMinutes(10),
                    Duration.ofMinutes(5),
                    0.9,
                    0.05,
                    Duration.ofMinutes(15),
                    LocalTime.of(2, 0),
                    LocalTime.of(5, 0));
        }

        public Options withLead(Duration newLead) {
            return new Options(newLead, cooldown, quantile, hysteresis, staleAfter, lowLoadFrom, lowLoadTo);
        }

        public Options withStaleAfter(Duration newStaleAfter) {
            return new Options(lead, cooldown, quantile, hysteresis, newStaleAfter, lowLoadFrom, lowLoadTo);
        }

        public Options withQuantile(double newQuantile) {
            return new Options(lead, cooldown, newQuantile, hysteresis, staleAfter, lowLoadFrom, lowLoadTo);
        }
    }

    private final Options options;

    public ScalingController(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public Options options() {
        return options;
    }

    /**
     * Decides the count and configuration to run from {@code state.now()} on.
     *
     * @param forecast quantile forecast whose origin is at or before now; null holds
     * @return never null; HOLD with the reason when the inputs do not allow a safe change
     */
    public Decision decide(ScalingState state, QuantileForecast forecast, ScalingPolicy policy, Bounds bounds) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(bounds, "bounds");
        String invalid = invalidInput(state, forecast);
        if (invalid != null) {
            return Decision.hold(
                    state, "hold at " + state.currentCount() + ": " + invalid, Map.of("currentCount", (double)
                            state.currentCount()));
        }
        Window window = Window.of(state, forecast, options);
        if (window.problem() != null) {
            return Decision.hold(
                    state, "hold at " + state.currentCount() + ": " + window.problem(), Map.of("currentCount", (double)
                            state.currentCount()));
        }
        Sizing sizing = Sizing.of(state, window, policy, options.hysteresis());
        Decision counted = countDecision(state, window, sizing, bounds);
        return ConfigStep.apply(counted, state, sizing, policy, options);
    }

    private String invalidInput(ScalingState state, QuantileForecast forecast) {
        if (!Double.isFinite(state.currentLoad()) || state.currentLoad() < 0) {
            return "current load is " + state.currentLoad() + " (missing or non-finite metric)";
        }
        if (state.loadObservedAt() == null) {
            return "the load has no observation time";
        }
        if (Duration.between(state.loadObservedAt(), state.now()).compareTo(options.staleAfter()) > 0) {
            return "load observed at " + state.loadObservedAt() + " is older than " + options.staleAfter() + " (stale)";
        }
        if (forecast == null) {
            return "no forecast";
        }
        if (forecast.origin().isAfter(state.now())) {
            return "forecast origin " + forecast.origin() + " is after now " + state.now();
        }
        if (Duration.between(forecast.origin(), state.now()).compareTo(options.staleAfter()) > 0) {
            return "forecast made at " + forecast.origin() + " is older than " + options.staleAfter() + " (stale)";
        }
        for (double level : forecast.levels()) {
            if (Math.abs(level - options.quantile()) < 1e-9) {
                return null;
            }
        }
        return "forecast has no p" + Num.f(options.quantile() * 100) + " level";
    }

    private Decision countDecision(ScalingState state, Window window, Sizing sizing, Bounds bounds) {
        int current = state.currentCount();
        Map<String, Double> numbers = sizing.numbers(current);
        if (current < bounds.min() || current > bounds.max()) {
            int target = bounds.clamp(current);
            return count(
                    state,
                    target,
                    "move " + current + " → " + target + " into bounds [" + bounds.min() + ", " + bounds.max() + "]",
                    numbers);
        }
        return sizing.upNeed() > current
                ? scaleOut(state, window, sizing, bounds, numbers)
                : scaleIn(state, window, sizing, bounds, numbers);
    }

    private Decision scaleOut(
            ScalingState state, Window window, Sizing sizing, Bounds bounds, Map<String, Double> numbers) {
        int current = state.currentCount();
        int target = Math.min(bounds.max(), Math.min(sizing.upNeed(), current + bounds.maxStep()));
        if (target <= current) {
            return Decision.hold(
                    state,
                    "hold at " + current + ": need " + sizing.upNeed() + " but at the max bound " + bounds.max(),
                    numbers);
        }
        return count(
                state,
                target,
                "scale out " + current + " → " + target + ": " + level() + " forecast peak "
                        + Num.f(window.upPeak()) + " over the next " + window.upSteps() + " step(s) needs "
                        + sizing.forecastNeed() + ", current load " + Num.f(state.currentLoad()) + " needs "
                        + sizing.reactiveNeed() + limits(target, sizing.upNeed(), bounds),
                numbers);
    }

    private Decision scaleIn(
            ScalingState state, Window window, Sizing sizing, Bounds bounds, Map<String, Double> numbers) {
        int current = state.currentCount();
        if (!window.downVisible()) {
            return Decision.hold(
                    state,
                    "hold at " + current + ": the forecast does not cover the lead plus cooldown (" + window.downSteps()
                            + " steps), so no scale-in",
                    numbers);
        }
        if (sizing.downNeed() >= current) {
            return Decision.hold(
                    state,
                    "hold at " + current + ": " + level() + " forecast peak "
                            + Num.f(window.downPeak()) + " over lead plus cooldown needs " + sizing.downNeed()
                            + " with hysteresis",
                    numbers);
        }
        Instant lastChange = latest(state.lastScaleOutAt(), state.lastScaleInAt());
        if (lastChange != null && state.now().isBefore(lastChange.plus(options.cooldown()))) {
            return Decision.hold(
                    state,
                    "hold at " + current + ": scale-in to " + sizing.downNeed() + " waits for the cooldown until "
                            + lastChange.plus(options.cooldown()),
                    numbers);
        }
        int target = Math.max(bounds.min(), Math.max(sizing.downNeed(), current - bounds.maxStep()));
        if (target >= current) {
            return Decision.hold(state, "hold at " + current + ": at the min bound " + bounds.min(), numbers);
        }
        return count(
                state,
                target,
                "scale in " + current + " → " + target + ": " + level() + " forecast peak "
                        + Num.f(window.downPeak()) + " × " + Num.f(1 + options.hysteresis()) + " over the next "
                        + window.downSteps() + " step(s) (lead plus cooldown) needs " + sizing.downNeed()
                        + limits(target, sizing.downNeed(), bounds),
                numbers);
    }

    private String level() {
        return "p" + Num.f(options.quantile() * 100);
    }

    private static String limits(int target, int need, Bounds bounds) {
        return target == need
                ? ""
                : " (limited to " + target + " by bounds [" + bounds.min() + ", " + bounds.max() + "] and max step "
                        + bounds.maxStep() + ")";
    }

    private static Decision count(ScalingState state, int target, String reason, Map<String, Double> numbers) {
        Decision.Action action = target > state.currentCount()
                ? Decision.Action.SCALE_OUT
                : target < state.currentCount() ? Decision.Action.SCALE_IN : Decision.Action.HOLD;
        Map<String, Double> withTarget = new LinkedHashMap<>(numbers);
        withTarget.put("targetCount", (double) target);
        return new Decision(action, target, state.currentConfig(), false, reason, withTarget);
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    static boolean inWindow(Instant now, LocalTime from, LocalTime to) {
        LocalTime time = LocalTime.ofInstant(now, ZoneOffset.UTC);
        return from.isBefore(to)
                ? !time.isBefore(from) && time.isBefore(to)
                : !time.isBefore(from) || time.isBefore(to);
    }
}
