package io.prescale.loadtest;

import io.prescale.core.series.LoadProfile;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The intended start times of an open-model run, generated lazily from a load profile: offsets in nanoseconds
 * from the start of the profile, in increasing order, until the profile ends. Within a step the arrivals are
 * either a Poisson process at the step's rate (seeded, so the same seed gives the same schedule) or evenly spaced
 * at that rate; a step of rate 0 produces no request. Not thread-safe: one schedule per run.
 */
public final class ArrivalSchedule {
    private final double[] rates;
    private final long stepNanos;
    private final Arrivals arrivals;
    private final SplittableRandom random;
    private int step;
    private double time;
    /** Uniform arrivals: the fraction of a request still to accumulate before the next one is due. */
    private double need = 0.5;

    private ArrivalSchedule(double[] rates, long stepNanos, Arrivals arrivals, long seed) {
        this.rates = rates;
        this.stepNanos = stepNanos;
        this.arrivals = arrivals;
        this.random = new SplittableRandom(seed);
    }

    /** A schedule over the whole profile. */
    public static ArrivalSchedule of(LoadProfile profile, Arrivals arrivals, long seed) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(arrivals, "arrivals");
        return new ArrivalSchedule(profile.values(), profile.step().toNanos(), arrivals, seed);
    }

    /** Total length of the schedule, ns. */
    public long durationNanos() {
        return stepNanos * rates.length;
    }

    /** The rate in force at offset {@code nanos}, requests/s (0 outside the profile). */
    public double rateAt(long nanos) {
        int index = (int) (nanos / stepNanos);
        return nanos < 0 || index >= rates.length ? 0 : rates[index];
    }

    /** The next intended start offset, ns from the start of the profile, or -1 when the profile is over. */
    public long next() {
        while (step < rates.length) {
            double rate = rates[step];
            double stepEnd = (double) stepNanos * (step + 1);
            if (rate > 0) {
                double gap = arrivals == Arrivals.POISSON ? exponential() / rate * 1e9 : need / rate * 1e9;
                if (time + gap < stepEnd) {
                    time += gap;
                    need = 1.0;
                    return (long) time;
                }
                if (arrivals == Arrivals.UNIFORM) {
                    need -= rate * (stepEnd - time) / 1e9;
                }
                // Poisson: memoryless, so the draw restarts at the boundary with the next step's rate.
            }
            time = stepEnd;
            step++;
        }
        return -1;
    }

    private double exponential() {
        return -Math.log(1.0 - random.nextDouble());
    }
}
