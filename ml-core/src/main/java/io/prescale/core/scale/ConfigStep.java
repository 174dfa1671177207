package io.prescale.core.scale;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration half of a decision: the knobs of the band that holds the load the count was sized for.
 * A change that needs a restart is proposed only inside the low-load window and never with a scale-out;
 * otherwise the running configuration is kept and the reason says why.
 */
final class ConfigStep {
    private ConfigStep() {}

    static Decision apply(
            Decision counted,
            ScalingState state,
            Sizing sizing,
            ScalingPolicy policy,
            ScalingController.Options options) {
        double load = Math.max(
                sizing.currentLoad(),
                counted.action() == Decision.Action.SCALE_IN ? sizing.downLoad() : sizing.upLoad());
        int index = policy.bandIndex(load);
        ScalingBand band = policy.bands().get(index);
        StringBuilder reason = new StringBuilder(counted.reason());
        if (!policy.covers(load)) {
            reason.append("; load ")
                    .append(Num.f(load))
                    .append(" is outside the policy's bands, using band ")
                    .append(index)
                    .append(" [")
                    .append(Num.f(band.loadFrom()))
                    .append(", ")
                    .append(Num.f(band.loadTo()))
                    .append(")");
        }
        Map<String, Object> knobs = band.knobs();
        if (knobs.isEmpty() || knobs.equals(state.currentConfig())) {
            return reason.length() == counted.reason().length()
                    ? counted
                    : with(counted, counted.action(), counted.config(), false, reason, index);
        }
        return change(counted, state, band, index, reason, options);
    }

    private static Decision change(
            Decision counted,
            ScalingState state,
            ScalingBand band,
            int index,
            StringBuilder reason,
            ScalingController.Options options) {
        Decision.Action action =
                counted.action() == Decision.Action.HOLD ? Decision.Action.RECONFIGURE : counted.action();
        if (!band.restartRequired()) {
            reason.append("; configuration of band ").append(index).append(" applies without a restart");
            return with(counted, action, band.knobs(), false, reason, index);
        }
        if (counted.action() == Decision.Action.SCALE_OUT) {
            reason.append("; the restart-requiring configuration of band ")
                    .append(index)
                    .append(" is deferred: never together with a scale-out");
            return with(counted, counted.action(), state.currentConfig(), false, reason, index);
        }
        if (!ScalingController.inWindow(state.now(), options.lowLoadFrom(), options.lowLoadTo())) {
            reason.append("; the restart-requiring configuration of band ")
                    .append(index)
                    .append(" is deferred to the low-load window ")
                    .append(options.lowLoadFrom())
                    .append("–")
                    .append(options.lowLoadTo())
                    .append(" UTC");
            return with(counted, counted.action(), state.currentConfig(), false, reason, index);
        }
        reason.append("; switch to the configuration of band ")
                .append(index)
                .append(" with a restart, inside the low-load window");
        return with(counted, action, band.knobs(), true, reason, index);
    }

    private static Decision with(
            Decision counted,
            Decision.Action action,
            Map<String, Object> config,
            boolean restart,
            StringBuilder reason,
            int band) {
        Map<String, Double> numbers = new LinkedHashMap<>(counted.numbers());
        numbers.put("band", (double) band);
        return new Decision(action, counted.targetCount(), config, restart, reason.toString(), numbers);
    }
}
