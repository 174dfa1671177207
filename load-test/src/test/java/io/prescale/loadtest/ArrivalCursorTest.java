package io.prescale.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prescale.core.series.LoadProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The split of one arrival schedule across I/O threads: every arrival claimed once, in order, none invented. */
class ArrivalCursorTest {
    private static final LoadProfile PROFILE =
            LoadProfile.of(Instant.EPOCH, Duration.ofSeconds(1), new double[] {300, 0, 1200, 50}, Map.of());

    private static List<Long> single(Arrivals arrivals) {
        ArrivalSchedule schedule = ArrivalSchedule.of(PROFILE, arrivals, 7);
        List<Long> times = new ArrayList<>();
        for (long t = schedule.next(); t >= 0; t = schedule.next()) {
            times.add(t);
        }
        return times;
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2, 3, 8})
    void threadsRacingForEveryArrivalClaimEachExactlyOnceWithTheSingleThreadTimes(int threads) throws Exception {
        List<Long> expected = single(Arrivals.POISSON);
        AtomicLong counter = new AtomicLong();
        Map<Long, Long> claims = Collections.synchronizedMap(new TreeMap<>());
        List<Long> duplicates = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            ArrivalCursor cursor =
                    new ArrivalCursor(ArrivalSchedule.of(PROFILE, Arrivals.POISSON, 7), counter, i, threads, 0);
            Thread worker = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                // "now" is past the end: every arrival is due, so the threads race for all of them.
                for (long t = cursor.claim(Long.MAX_VALUE); t != ArrivalCursor.OVER; t = cursor.claim(Long.MAX_VALUE)) {
                    if (claims.put(cursor.lastClaimed(), t) != null) {
                        duplicates.add(cursor.lastClaimed());
                    }
                }
            });
            workers.add(worker);
            worker.start();
        }
        go.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        assertThat(duplicates).isEmpty();
        assertThat(claims).hasSize(expected.size());
        assertThat(new ArrayList<>(claims.keySet()))
                .isEqualTo(java.util.stream.LongStream.range(0, expected.size())
                        .boxed()
                        .toList());
        assertThat(new ArrayList<>(claims.values())).isEqualTo(expected);
        assertThat(counter.get()).isEqualTo(expected.size());
    }

    @Test
    void onlyDueArrivalsAreClaimedAndInOrder() {
        List<Long> expected = single(Arrivals.UNIFORM);
        AtomicLong counter = new AtomicLong();
        ArrivalCursor a = new ArrivalCursor(ArrivalSchedule.of(PROFILE, Arrivals.UNIFORM, 7), counter, 0, 2, 0);
        ArrivalCursor b = new ArrivalCursor(ArrivalSchedule.of(PROFILE, Arrivals.UNIFORM, 7), counter, 1, 2, 0);
        assertThat(a.claim(expected.get(0) - 1)).isEqualTo(ArrivalCursor.NONE);
        assertThat(b.claim(expected.get(1))).isEqualTo(expected.get(0));
        assertThat(b.lastClaimed()).isZero();
        // a catches up with what b claimed and takes the next one
        assertThat(a.claim(expected.get(1))).isEqualTo(expected.get(1));
        assertThat(a.lastClaimed()).isEqualTo(1);
        assertThat(a.claim(expected.get(1))).isEqualTo(ArrivalCursor.NONE);
        assertThat(b.claim(Long.MAX_VALUE)).isEqualTo(expected.get(2));
    }

    @Test
    void aThreadWakesForItsOwnArrivalOrLaterForAnotherThreadsUnclaimedOne() {
        List<Long> expected = single(Arrivals.UNIFORM);
        long steal = 250_000;
        AtomicLong counter = new AtomicLong();
        ArrivalCursor owner = new ArrivalCursor(ArrivalSchedule.of(PROFILE, Arrivals.UNIFORM, 7), counter, 0, 2, steal);
        ArrivalCursor other = new ArrivalCursor(ArrivalSchedule.of(PROFILE, Arrivals.UNIFORM, 7), counter, 1, 2, steal);
        // arrival 0 belongs to thread 0; thread 1 wakes at its own arrival 1 or 250 µs after arrival 0
        assertThat(owner.wakeAt()).isEqualTo(expected.get(0));
        assertThat(other.wakeAt()).isEqualTo(Math.min(expected.get(1), expected.get(0) + steal));
        owner.claim(expected.get(0));
        assertThat(other.wakeAt()).isEqualTo(expected.get(1));
    }

    @Test
    void theEndOfTheScheduleIsOverForEveryThread() {
        AtomicLong counter = new AtomicLong();
        LoadProfile empty = LoadProfile.of(Instant.EPOCH, Duration.ofSeconds(1), new double[] {0}, Map.of());
        ArrivalCursor cursor = new ArrivalCursor(ArrivalSchedule.of(empty, Arrivals.UNIFORM, 1), counter, 1, 3, 0);
        assertThat(cursor.claim(Long.MAX_VALUE)).isEqualTo(ArrivalCursor.OVER);
        assertThat(cursor.wakeAt()).isEqualTo(-1);
        assertThatThrownBy(() -> new ArrivalCursor(ArrivalSchedule.of(empty, Arrivals.UNIFORM, 1), counter, 3, 3, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("thread 3 of 3");
    }
}
