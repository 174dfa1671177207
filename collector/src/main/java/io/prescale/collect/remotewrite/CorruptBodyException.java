package io.prescale.collect.remotewrite;

/** A remote-write body that is not Snappy block format or not a {@code WriteRequest}: the sender gets 400. */
public final class CorruptBodyException extends Exception {
    private static final long serialVersionUID = 1L;

    public CorruptBodyException(String message, Throwable cause) {
        super(message, cause);
    }
}
