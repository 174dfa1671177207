package io.prescale.loadtest;

/** One scheduled request, tracked by the I/O loop. Mutable, confined to the I/O thread. */
final class Request {
    final long intendedNanos;
    final boolean measured;
    final Pool pool;
    long sendNanos;

    Request(long intendedNanos, boolean measured, Pool pool) {
        this.intendedNanos = intendedNanos;
        this.measured = measured;
        this.pool = pool;
    }
}
