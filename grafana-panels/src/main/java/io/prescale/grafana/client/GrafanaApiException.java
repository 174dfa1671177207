package io.prescale.grafana.client;

/**
 * A Grafana call that did not succeed. {@link #kind()} is decided by the HTTP status and, where Grafana sends
 * one, its {@code status} field ({@code version-mismatch}, {@code name-exists}, …); the message names the
 * endpoint, the status and, for 401, Grafana's {@code messageId}. The body excerpt is at most 512 characters
 * and never holds the token.
 */
public final class GrafanaApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, independent of Grafana's message text. */
    public enum Kind {
        /** No HTTP answer: connection refused, DNS, TLS, timeout, closed socket. */
        UNREACHABLE,
        /** 401: token invalid, expired, revoked or for another org ({@link #messageId()} says which). */
        UNAUTHORIZED,
        /** 403: RBAC or dashboard guardian refused, or a quota is reached. */
        FORBIDDEN,
        /** 404: the folder, dashboard or annotation does not exist. */
        NOT_FOUND,
        /** 412 {@code version-mismatch}: changed by someone else (also an existing folder on 12.x). */
        VERSION_MISMATCH,
        /** 412 {@code name-exists}: another dashboard in the folder has the same title. */
        NAME_EXISTS,
        /** Another 412, e.g. {@code plugin-dashboard}. */
        PRECONDITION_FAILED,
        /** 409: already exists. */
        CONFLICT,
        /** 400 or 422: Grafana refused the request body. */
        BAD_REQUEST,
        /** 413: the dashboard is larger than the server allows. */
        TOO_LARGE,
        /** 202 {@code pending}: the save failed and was only broadcast to a gitops listener. */
        NOT_SAVED,
        /** 5xx. */
        SERVER_ERROR,
        /** Any other status, or a 2xx whose body is not what Grafana sends. */
        UNEXPECTED
    }

    private final Kind kind;
    private final int httpStatus;
    private final String endpoint;
    private final String grafanaStatus;
    private final String messageId;
    private final String bodyExcerpt;

    GrafanaApiException(
            Kind kind,
            int httpStatus,
            String endpoint,
            String grafanaStatus,
            String messageId,
            String bodyExcerpt,
            String message,
            Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.endpoint = endpoint;
        this.grafanaStatus = grafanaStatus;
        this.messageId = messageId;
        this.bodyExcerpt = bodyExcerpt;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when Grafana did not answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Method and path, e.g. {@code POST /api/dashboards/db}. */
    public String endpoint() {
        return endpoint;
    }

    /** Grafana's {@code status} field, or null. */
    public String grafanaStatus() {
        return grafanaStatus;
    }

    /** Grafana's {@code messageId} (401 and some 400s), or null. */
    public String messageId() {
        return messageId;
    }

    /** At most 512 characters of the response body, token removed; empty when there was none. */
    public String bodyExcerpt() {
        return bodyExcerpt;
    }
}
