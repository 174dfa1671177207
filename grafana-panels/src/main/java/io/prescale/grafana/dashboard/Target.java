package io.prescale.grafana.dashboard;

import java.util.Objects;

/**
 * One Prometheus query of a panel. {@code legendFormat} may use {@code {{label}}} placeholders; a
 * {@link Format#TABLE} target is evaluated once at the end of the range ({@code instant}), a
 * {@link Format#TIME_SERIES} target over the whole range.
 */
public record Target(String refId, String expr, String legendFormat, Format format) {
    /** How Grafana evaluates and shapes the result. */
    public enum Format {
        TIME_SERIES,
        TABLE
    }

    public Target {
        Objects.requireNonNull(format, "format");
        if (refId == null || !refId.matches("[A-Z]")) {
            throw new IllegalArgumentException("refId must be one capital letter, got " + refId);
        }
        if (expr == null || expr.isBlank()) {
            throw new IllegalArgumentException("expr must not be blank (refId " + refId + ")");
        }
        legendFormat = legendFormat == null ? "" : legendFormat;
    }

    /** A range query drawn as a series named by {@code legend}. */
    public static Target series(String refId, String expr, String legend) {
        return new Target(refId, expr, legend, Format.TIME_SERIES);
    }

    /** An instant query shown as table rows, one per label set. */
    public static Target table(String refId, String expr) {
        return new Target(refId, expr, "", Format.TABLE);
    }
}
