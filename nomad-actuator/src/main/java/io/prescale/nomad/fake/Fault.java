package io.prescale.nomad.fake;

import java.util.Objects;

/**
 * A fault the fake answers instead of the real reply, for the next {@code times} requests whose method matches
 * ({@code *} for any) and whose path starts with {@code pathPrefix}.
 */
public record Fault(String method, String pathPrefix, Kind kind, int status, String body, int times) {
    /** How the request fails. */
    public enum Kind {
        /** An HTTP status with a plain-text body, as Nomad sends errors. */
        STATUS,
        /** The response never starts (the client times out). */
        TIMEOUT,
        /** The connection is closed before any response. */
        CLOSE,
        /** 200 with a truncated JSON body. */
        MALFORMED
    }

    public Fault {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        Objects.requireNonNull(kind, "kind");
        if (times < 1) {
            throw new IllegalArgumentException("times must be ≥ 1, got " + times);
        }
    }

    public static Fault status(String method, String pathPrefix, int status, String body, int times) {
        return new Fault(method, pathPrefix, Kind.STATUS, status, body, times);
    }

    public static Fault timeout(String method, String pathPrefix, int times) {
        return new Fault(method, pathPrefix, Kind.TIMEOUT, 0, null, times);
    }

    public static Fault close(String method, String pathPrefix, int times) {
        return new Fault(method, pathPrefix, Kind.CLOSE, 0, null, times);
    }

    public static Fault malformed(String method, String pathPrefix, int times) {
        return new Fault(method, pathPrefix, Kind.MALFORMED, 200, null, times);
    }

    boolean matches(String m, String path) {
        return (method.equals("*") || method.equalsIgnoreCase(m)) && path.startsWith(pathPrefix);
    }

    Fault used() {
        return new Fault(method, pathPrefix, kind, status, body, times - 1);
    }
}
