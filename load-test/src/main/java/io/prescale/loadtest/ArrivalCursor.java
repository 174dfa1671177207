package io.prescale.loadtest;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One I/O thread's view of an open-model schedule shared by {@code count} threads. The schedule's arrivals are
 * numbered 0, 1, 2, … in time order; a shared counter holds the number of the next unclaimed one, and a thread
 * claims an arrival by advancing the counter from its number with a compare-and-set once the arrival is due. So
 * every intended start time is claimed exactly once, in order, by whichever thread is awake when it falls due:
 * a thread the operating system has descheduled does not hold up the others. Each cursor replays the same seeded
 * schedule on its own, so the threads share nothing but the counter, and the schedule is the one a single thread
 * would replay. Arrival {@code k} is "owned" by thread {@code k mod count}: a thread wakes for its own arrivals
 * and, {@code stealNanos} later, for anyone's still unclaimed, so threads do not all wake for every arrival.
 * Not thread-safe itself: one cursor per thread, all over one counter.
 */
final class ArrivalCursor {
    /** {@link #claim} found nothing due yet. */
    static final long NONE = -1;
    /** {@link #claim} found the schedule over: every arrival has been claimed. */
    static final long OVER = -2;

    private final ArrivalSchedule schedule;
    private final AtomicLong claimed;
    private final int index;
    private final int count;
    private final long stealNanos;
    /** Offsets of arrivals base … base + count - 1; ring[head] is arrival base; -1 past the end. */
    private final long[] ring;

    private long base;
    private int head;
    private long lastClaimed = -1;

    /**
     * @param schedule a fresh schedule for this cursor only (every cursor of a run gets one with the same seed)
     * @param claimed the run's shared counter: the number of the next unclaimed arrival, from 0
     * @param index this thread, 0 ≤ index &lt; count
     * @param count the threads sharing the schedule
     * @param stealNanos how long after an arrival is due a thread that does not own it wakes to claim it
     */
    ArrivalCursor(ArrivalSchedule schedule, AtomicLong claimed, int index, int count, long stealNanos) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.claimed = Objects.requireNonNull(claimed, "claimed");
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("thread " + index + " of " + count + " does not exist");
        }
        if (stealNanos < 0) {
            throw new IllegalArgumentException("stealNanos must be >= 0, got " + stealNanos);
        }
        this.index = index;
        this.count = count;
        this.stealNanos = stealNanos;
        this.ring = new long[count];
        for (int j = 0; j < count; j++) {
            ring[j] = schedule.next();
        }
    }

    /**
     * Claims the next arrival of the schedule if it is due at {@code nowOffset} (ns from the start of the
     * profile), whoever owns it.
     *
     * @return the claimed arrival's intended offset (then {@link #lastClaimed()} is its number), {@link #NONE}
     *         when the next arrival is not due yet, or {@link #OVER} when every arrival has been claimed
     */
    long claim(long nowOffset) {
        while (true) {
            long next = catchUp();
            long offset = ring[head];
            if (offset < 0) {
                return OVER;
            }
            if (offset > nowOffset) {
                return NONE;
            }
            if (claimed.compareAndSet(next, next + 1)) {
                lastClaimed = next;
                advance();
                return offset;
            }
        }
    }

    /** The number of the arrival the last successful {@link #claim} returned (-1 before any). */
    long lastClaimed() {
        return lastClaimed;
    }

    /**
     * When this thread should look again, ns from the start of the profile: at its own next arrival among the
     * next {@code count}, or {@code stealNanos} after the next unclaimed one, whichever is first; -1 when the
     * schedule is over.
     */
    long wakeAt() {
        catchUp();
        long first = ring[head];
        if (first < 0) {
            return -1;
        }
        long wake = first + stealNanos;
        for (int j = 0; j < count; j++) {
            long offset = ring[(head + j) % count];
            if (offset < 0) {
                break;
            }
            if ((base + j) % count == index) {
                return Math.min(wake, offset);
            }
        }
        return wake;
    }

    /** Moves this cursor's copy of the schedule up to the shared counter; returns the counter's value. */
    private long catchUp() {
        long next = claimed.get();
        while (base < next) {
            advance();
        }
        return next;
    }

    private void advance() {
        ring[head] = schedule.next();
        head = (head + 1) % count;
        base++;
    }
}
