package io.prescale.nomad.client;

import java.util.Locale;

/**
 * A Nomad call that failed: the HTTP status (0 when no response arrived), the method and endpoint (path without
 * query), Nomad's plain-text error body cut to at most {@value #MAX_EXCERPT} characters, and the kind of failure.
 * The message never holds the token: it is not part of the endpoint, and an excerpt that echoes it is redacted.
 */
public final class NomadApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The longest body excerpt kept, in characters. */
    public static final int MAX_EXCERPT = 512;

    /** What went wrong, for counting faults. */
    public enum Kind {
        /** Nomad answered 4xx (bad request, forbidden, not found, conflict, deployment in progress…). */
        CLIENT_ERROR,
        /** Nomad answered 5xx. */
        SERVER_ERROR,
        /** No complete answer in time. */
        TIMEOUT,
        /** Connection refused, reset or closed. */
        UNREACHABLE,
        /** A 2xx answer whose body is not the JSON expected. */
        MALFORMED
    }

    private final int status;
    private final String method;
    private final String endpoint;
    private final String excerpt;
    private final Kind kind;

    public NomadApiException(Kind kind, int status, String method, String endpoint, String excerpt, Throwable cause) {
        super(message(kind, status, method, endpoint, excerpt), cause);
        this.kind = kind;
        this.status = status;
        this.method = method;
        this.endpoint = endpoint;
        this.excerpt = excerpt == null ? "" : excerpt;
    }

    private static String message(Kind kind, int status, String method, String endpoint, String excerpt) {
        String where = "Nomad " + method + " " + endpoint;
        return switch (kind) {
            case TIMEOUT -> where + " timed out" + (excerpt == null || excerpt.isEmpty() ? "" : ": " + excerpt);
            case UNREACHABLE -> where + " is unreachable: " + excerpt;
            case MALFORMED -> where + " answered " + status + " with a body that is not the expected JSON: " + excerpt;
            default ->
                where + " answered " + status + (status == 403 ? " (forbidden: check the Nomad token)" : "") + ": "
                        + excerpt;
        };
    }

    /** {@code body} cut to {@value #MAX_EXCERPT} characters, one line, with {@code secret} (if any) redacted. */
    static String excerpt(String body, String secret) {
        if (body == null) {
            return "";
        }
        String text = body.strip();
        if (secret != null && !secret.isEmpty()) {
            text = text.replace(secret, "[redacted]");
        }
        text = text.replace("\r", "").replace("\n", "\\n").replace("\t", " ");
        return text.length() <= MAX_EXCERPT ? text : text.substring(0, MAX_EXCERPT - 1) + "…";
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    public String method() {
        return method;
    }

    /** The path called, e.g. {@code /v1/job/web/scale}, without the query string. */
    public String endpoint() {
        return endpoint;
    }

    /** Nomad's error text (at most {@value #MAX_EXCERPT} characters). */
    public String excerpt() {
        return excerpt;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether a retry may succeed: 5xx other than a check-and-set conflict, a timeout, or no connection. */
    public boolean retryable() {
        return switch (kind) {
            case TIMEOUT, UNREACHABLE -> true;
            case SERVER_ERROR -> !isConflict() && !isDeterministicServerError();
            default -> false;
        };
    }

    /**
     * A check-and-set or lock conflict: Variables answer 409; job register and scale answer 500 with
     * {@code Enforcing job modify index …}.
     */
    public boolean isConflict() {
        return status == 409 || (status == 500 && excerpt.contains("Enforcing job modify index"));
    }

    /** Nomad refused to scale because the job has an active deployment (400); retry at the next interval. */
    public boolean isDeploymentActive() {
        return status == 400 && excerpt.contains("active deployment");
    }

    public boolean isNotFound() {
        return status == 404;
    }

    public boolean isForbidden() {
        return status == 403;
    }

    /** 500s that are validation or dispatch errors (Nomad's uncoded errors): retrying gives the same answer. */
    private boolean isDeterministicServerError() {
        String text = excerpt.toLowerCase(Locale.ROOT);
        return status == 500
                && (text.contains("error occurred")
                        || text.contains("parameterized job")
                        || text.contains("dispatch")
                        || text.contains("payload")
                        || text.contains("job_max_count")
                        || text.contains("missing lock id"));
    }
}
