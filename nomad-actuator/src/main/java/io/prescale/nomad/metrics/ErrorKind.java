package io.prescale.nomad.metrics;

import java.util.Locale;

/** Every fault the actuator counts in {@code prescale_errors_total{kind}}. */
public enum ErrorKind {
    NOMAD_5XX,
    NOMAD_4XX,
    NOMAD_TIMEOUT,
    NOMAD_UNREACHABLE,
    NOMAD_MALFORMED,
    DEPLOYMENT_ACTIVE,
    CONFLICT,
    MANUAL_CHANGE,
    METRIC_ERROR,
    METRIC_QUERY,
    METRIC_STALE,
    METRIC_NAN,
    FORECAST_ERROR,
    INVALID_ANNOTATION,
    POLICY_MISSING,
    STATE_ERROR,
    LOCK_LOST,
    EVENTS_ERROR;

    /** The label value, e.g. {@code nomad_5xx}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
