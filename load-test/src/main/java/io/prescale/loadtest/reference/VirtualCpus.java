package io.prescale.loadtest.reference;

import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * {@code cpus} virtual cores as a fair semaphore: spending CPU time holds one permit for that long, parked
 * (virtual mode) or spinning (real mode). Waiting for a permit is the run queue of an overloaded machine.
 * Thread-safe.
 */
final class VirtualCpus {
    private final Semaphore cores;
    private final CpuMode mode;
    private final LongSupplier clock;

    VirtualCpus(int cpus, CpuMode mode, LongSupplier clock) {
        this.cores = new Semaphore(cpus, true);
        this.mode = mode;
        this.clock = clock;
    }

    /** Holds one core for {@code nanos}. */
    void spend(long nanos) throws InterruptedException {
        if (nanos <= 0) {
            return;
        }
        cores.acquire();
        try {
            waitFor(nanos, mode == CpuMode.REAL);
        } finally {
            cores.release();
        }
    }

    /** Waits without a core (a downstream call). */
    void idle(long nanos) {
        waitFor(nanos, false);
    }

    int available() {
        return cores.availablePermits();
    }

    private void waitFor(long nanos, boolean spin) {
        long deadline = clock.getAsLong() + nanos;
        long left = nanos;
        while (left > 0) {
            if (spin) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(left);
            }
            left = deadline - clock.getAsLong();
        }
    }
}
