package io.prescale.collect.remotewrite;

/** A remote-write body, compressed or decompressed, over the configured limit: the sender gets 413. */
public final class TooLargeException extends Exception {
    private static final long serialVersionUID = 1L;

    public TooLargeException(String message) {
        super(message);
    }
}
