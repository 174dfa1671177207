package io.prescale.core.tune;

/** A staging target failed: an instance did not start, died, or never became healthy; or a load test failed. */
public class StagingException extends RuntimeException {
    public StagingException(String message) {
        super(message);
    }

    public StagingException(String message, Throwable cause) {
        super(message, cause);
    }
}
