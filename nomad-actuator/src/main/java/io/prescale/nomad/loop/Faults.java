package io.prescale.nomad.loop;

import io.prescale.nomad.client.NomadApiException;
import io.prescale.nomad.metrics.ActuatorMetrics;
import io.prescale.nomad.metrics.ErrorKind;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Counts each fault once: in {@code prescale_errors_total} and in the cycle's report. Thread-safe. */
final class Faults {
    private final ActuatorMetrics metrics;
    private final Map<ErrorKind, Integer> counts = new EnumMap<>(ErrorKind.class);

    Faults(ActuatorMetrics metrics) {
        this.metrics = metrics;
    }

    synchronized void count(ErrorKind kind) {
        counts.merge(kind, 1, Integer::sum);
        metrics.error(kind);
    }

    /** Counts a Nomad failure by its kind and returns that kind. */
    ErrorKind count(NomadApiException e) {
        ErrorKind kind = kindOf(e);
        count(kind);
        return kind;
    }

    static ErrorKind kindOf(NomadApiException e) {
        return switch (e.kind()) {
            case TIMEOUT -> ErrorKind.NOMAD_TIMEOUT;
            case UNREACHABLE -> ErrorKind.NOMAD_UNREACHABLE;
            case MALFORMED -> ErrorKind.NOMAD_MALFORMED;
            case SERVER_ERROR -> e.isConflict() ? ErrorKind.CONFLICT : ErrorKind.NOMAD_5XX;
            case CLIENT_ERROR ->
                e.isDeploymentActive()
                        ? ErrorKind.DEPLOYMENT_ACTIVE
                        : e.isConflict() ? ErrorKind.CONFLICT : ErrorKind.NOMAD_4XX;
        };
    }

    synchronized Map<String, Integer> snapshot() {
        Map<String, Integer> out = new LinkedHashMap<>();
        counts.forEach((k, v) -> out.put(k.label(), v));
        return out;
    }
}
