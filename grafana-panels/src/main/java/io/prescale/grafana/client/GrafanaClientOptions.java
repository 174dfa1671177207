package io.prescale.grafana.client;

import java.time.Duration;
import java.util.Objects;

/** Timeouts of the Grafana client: connecting, and a whole call including the response body. */
public record GrafanaClientOptions(Duration connectTimeout, Duration callTimeout) {
    public GrafanaClientOptions {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(callTimeout, "callTimeout");
        if (connectTimeout.isNegative()
                || connectTimeout.isZero()
                || callTimeout.isNegative()
                || callTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "timeouts must be positive, got connect " + connectTimeout + " call " + callTimeout);
        }
    }

    /** 5 s to connect, 30 s per call. */
    public static GrafanaClientOptions defaults() {
        return new GrafanaClientOptions(Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    public GrafanaClientOptions withCallTimeout(Duration timeout) {
        return new GrafanaClientOptions(connectTimeout, timeout);
    }

    public GrafanaClientOptions withConnectTimeout(Duration timeout) {
        return new GrafanaClientOptions(timeout, callTimeout);
    }
}
