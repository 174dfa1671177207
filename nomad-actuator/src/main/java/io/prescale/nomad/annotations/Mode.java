package io.prescale.nomad.annotations;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the actuator does with a decision. */
public enum Mode {
    /** Calls Nomad's scale API with a Message and Meta carrying the forecast, quantile and reason. */
    FORECAST_AND_SCALE("forecast-and-scale"),
    /** Publishes {@code prescale_desired_count} for a Nomad Autoscaler {@code pass-through} check. */
    AUTOSCALER("autoscaler"),
    /** Records and reports what it would do; changes nothing. */
    FORECAST_ONLY("forecast-only");

    private final String wire;

    Mode(String wire) {
        this.wire = wire;
    }

    /** The spelling in meta, flags and JSON. */
    public String wire() {
        return wire;
    }

    /**
     * The mode spelled {@code text}.
     *
     * @throws IllegalArgumentException naming the value and the valid ones
     */
    public static Mode parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (Mode m : values()) {
            if (m.wire.equals(t)) {
                return m;
            }
        }
        throw new IllegalArgumentException("mode must be one of "
                + Arrays.stream(values()).map(Mode::wire).collect(Collectors.joining(", ")) + ", got '" + text + "'");
    }
}
