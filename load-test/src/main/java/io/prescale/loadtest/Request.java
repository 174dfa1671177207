package io.prescale.loadtest;

/**
 * One scheduled request, tracked by an I/O loop. Mutable and reused: the loop recycles it once the request has
 * been recorded as answered, failed or dropped. Confined to its I/O thread.
 */
final class Request {
    long intendedNanos;
    boolean measured;
    Pool pool;
    long sendNanos;

    Request set(long intended, boolean isMeasured, Pool target) {
        this.intendedNanos = intended;
        this.measured = isMeasured;
        this.pool = target;
        this.sendNanos = 0;
        return this;
    }
}
