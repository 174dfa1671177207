package io.prescale.core.store;

/**
 * A store or remote source failed (unreachable, 5xx, I/O error). Carries the endpoint and, for HTTP, the
 * status and a body excerpt of at most 512 characters; never a credential.
 */
public class MetricSourceException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String endpoint;

    public MetricSourceException(String message, String endpoint, int status, Throwable cause) {
        super(message, cause);
        this.endpoint = endpoint;
        this.status = status;
    }

    /** HTTP status, or 0 when there was no response. */
    public int status() {
        return status;
    }

    /** What was called, without credentials. */
    public String endpoint() {
        return endpoint;
    }
}
