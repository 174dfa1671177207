package io.prescale.loadtest;

import io.prescale.core.series.LoadProfile;
import java.time.Duration;
import java.util.Objects;

/**
 * The largest load test this generator runs, checked before anything is allocated or sent: memory grows with the
 * requests waiting for a connection (at most the rate times the timeout) and with the per-second timeline (one
 * entry per second of the run), so each is bounded. The limits are far above what one process can send (tens
 * of thousands of requests/s on a laptop).
 */
public final class LoadLimits {
    /** The highest rate of any step, requests/s. */
    public static final double MAX_RATE = 100_000;
    /** The longest measured run: 7 days. */
    public static final Duration MAX_DURATION = Duration.ofDays(7);
    /** The most requests that may wait for a connection: peak rate × timeout. */
    public static final double MAX_WAITING = 10_000_000;

    private LoadLimits() {}

    /**
     * Refuses a profile (as it will be replayed, after shaping) and options beyond the limits.
     *
     * @throws IllegalArgumentException naming the limit, the value and the step at fault
     */
    public static void check(LoadProfile profile, Duration timeout) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(timeout, "timeout");
        double[] rates = profile.values();
        for (int i = 0; i < rates.length; i++) {
            if (rates[i] > MAX_RATE) {
                throw new IllegalArgumentException("the rate of step " + i + " is " + rates[i]
                        + " requests/s, above the limit of " + (long) MAX_RATE + " requests/s");
            }
        }
        if (profile.step().multipliedBy(rates.length).compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("the run lasts " + profile.step().multipliedBy(rates.length)
                    + ", longer than the limit of " + MAX_DURATION);
        }
        double waiting = profile.peak() * timeout.toNanos() / 1e9;
        if (waiting > MAX_WAITING) {
            throw new IllegalArgumentException("peak rate " + profile.peak() + " requests/s × timeout " + timeout
                    + " lets " + (long) waiting + " requests wait for a connection, above the limit of "
                    + (long) MAX_WAITING + "; lower the rate or the timeout");
        }
    }
}
