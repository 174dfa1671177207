package io.prescale.loadtest;

import io.prescale.core.series.LoadProfile;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The open-model load generator (after wrk2 and k6's arrival-rate executors): replays a load profile against
 * HTTP/1.1 targets on one I/O thread. Each request starts at its intended time from the
 * {@link ArrivalSchedule}, whether or not earlier ones have returned, and its latency runs from that intended
 * time, so a stalled server shows up in the percentiles instead of silently slowing the generator down
 * (coordinated omission, Tene 2015). A request is late when its send starts more than max(1 ms, 10 % of the
 * mean inter-arrival time) after its intended time. {@link #runClosed} runs the classic closed loop on the same
 * connections, for comparison. Every run is bounded: the schedule ends, and requests still out after it get at
 * most the timeout. One run at a time per instance.
 */
public final class LoadGenerator {
    private static final long EXPIRY_SCAN_NANOS = 10_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private static final int MIN_COMPLETED_FOR_STOP = 20;

    private final LoadTestOptions options;
    private final LongSupplier clock;
    private final Consumer<String> progress;

    /**
     * @param options targets and run options
     * @param clock monotonic nanoseconds (System::nanoTime in production)
     * @param progress one line per second of the run, for people (stderr)
     */
    public LoadGenerator(LoadTestOptions options, LongSupplier clock, Consumer<String> progress) {
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** A generator on the system's monotonic clock. */
    public static LoadGenerator create(LoadTestOptions options, Consumer<String> progress) {
        return new LoadGenerator(options, System::nanoTime, progress);
    }

    /**
     * Replays {@code profile} open-loop (after the warm-up at its first rate).
     *
     * @throws IllegalArgumentException for a profile beyond {@link LoadLimits}, before anything is sent
     * @throws IOException when the selector cannot be opened (failures of requests are counted, not thrown)
     */
    public LoadTestResult run(LoadProfile profile) throws IOException {
        Objects.requireNonNull(profile, "profile");
        if (profile.size() == 0) {
            throw new IllegalArgumentException("the load profile has no steps; nothing to replay");
        }
        LoadLimits.check(profile, options.timeout());
        double mean = profile.expectedRequests() / (profile.duration().toNanos() / 1e9);
        long lateThreshold = Math.max(1_000_000L, mean > 0 ? (long) (0.1 * 1e9 / mean) : 1_000_000L);
        long warmNanos = options.warmup().toNanos();
        ArrivalSchedule warmup = warmNanos == 0 || profile.values()[0] <= 0 ? null : ArrivalSchedule.of(
                ProfileShaping.constant(profile.values()[0], options.warmup()), options.arrivals(), options.seed() ^ 0x5DEECE66DL);
        ArrivalSchedule schedule = ArrivalSchedule.of(profile, options.arrivals(), options.seed());
        try (IoLoop loop = new IoLoop(options.targets(), options.connectionsPerTarget(),
                options.timeout().toNanos(), clock)) {
            long start = clock.getAsLong() + 10_000_000L;
            long measureStart = start + warmNanos;
            Recorder recorder = new Recorder(measureStart, lateThreshold);
            loop.recorder(recorder);
            Run run = new Run(loop, recorder, measureStart, measureStart + schedule.durationNanos());
            long cpuBefore = cpuNanos();
            run.openLoop(warmup, start, schedule, measureStart);
            long cpu = cpuNanos() - cpuBefore;
            double seconds = (run.measuredEnd - measureStart) / 1e9;
            return recorder.result(seconds, cpu, describe("open", seconds, run.stopReason));
        }
    }

    /**
     * Runs closed-loop for {@code duration}: every connection sends its next request as soon as the previous
     * response arrives, and latency runs from the send. This is how coordinated omission happens; it exists to
     * show the difference, not to measure services.
     */
    public LoadTestResult runClosed(Duration duration) throws IOException {
        Objects.requireNonNull(duration, "duration");
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("duration must be > 0, got " + duration);
        }
        try (IoLoop loop = new IoLoop(options.targets(), options.connectionsPerTarget(),
                options.timeout().toNanos(), clock)) {
            long start = clock.getAsLong();
            Recorder recorder = new Recorder(start, 1_000_000L);
            loop.recorder(recorder);
            Run run = new Run(loop, recorder, start, start + duration.toNanos());
            loop.closedLoopUntil(run.measuredEnd);
            long cpuBefore = cpuNanos();
            run.closedLoop();
            long cpu = cpuNanos() - cpuBefore;
            double seconds = (run.measuredEnd - start) / 1e9;
            return recorder.result(seconds, cpu, describe("closed", seconds, run.stopReason));
        }
    }

    private LoadTestResult.Run describe(String mode, double seconds, String stopReason) {
        List<String> urls = options.targets().stream().map(Target::url).toList();
        return new LoadTestResult.Run(mode, urls, "open".equals(mode) ? options.arrivals().toString() : "closed",
                options.connectionsPerTarget() * options.targets().size(), options.timeout().toMillis(),
                "open".equals(mode) ? options.warmup().toNanos() / 1e9 : 0, seconds, stopReason != null, stopReason);
    }

    private static long cpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
    }

    /** The state of one run: the loop around the selector. */
    private final class Run {
        private final IoLoop loop;
        private final Recorder recorder;
        private final long measureStart;
        private long measuredEnd;
        private String stopReason;
        private long nextExpiry;
        private long nextProgress;

        Run(IoLoop loop, Recorder recorder, long measureStart, long measuredEnd) {
            this.loop = loop;
            this.recorder = recorder;
            this.measureStart = measureStart;
            this.measuredEnd = measuredEnd;
            this.nextProgress = measureStart + SECOND;
        }

        void openLoop(ArrivalSchedule warmup, long start, ArrivalSchedule schedule, long scheduleStart)
                throws IOException {
            long warmNext = warmup == null ? -1 : warmup.next();
            long next = schedule.next();
            while (true) {
                long now = clock.getAsLong();
                while (warmNext >= 0 && start + warmNext <= now) {
                    loop.submit(start + warmNext, false, now);
                    warmNext = warmup.next();
                }
                while (warmNext < 0 && next >= 0 && scheduleStart + next <= now && stopReason == null) {
                    loop.submit(scheduleStart + next, true, now);
                    next = schedule.next();
                }
                housekeeping(now);
                if (stopReason != null && next >= 0) {
                    next = -1;
                    loop.dropPending();
                }
                boolean scheduleOver = warmNext < 0 && next < 0;
                if (scheduleOver && (loop.outstanding() == 0 || now > measuredEnd + options.timeout().toNanos() + SECOND)) {
                    return;
                }
                long due = warmNext >= 0 ? start + warmNext : next >= 0 ? scheduleStart + next : now + EXPIRY_SCAN_NANOS;
                loop.poll(Math.max(0, Math.min(due, nextExpiry) - clock.getAsLong()));
            }
        }

        void closedLoop() throws IOException {
            while (true) {
                long now = clock.getAsLong();
                if (now < measuredEnd && stopReason == null) {
                    loop.pools().forEach(pool -> loop.next(pool, now));
                } else {
                    loop.closedLoopUntil(Long.MIN_VALUE);
                    if (loop.outstanding() == 0 || now > measuredEnd + options.timeout().toNanos() + SECOND) {
                        return;
                    }
                }
                housekeeping(now);
                loop.poll(Math.max(0, Math.min(nextExpiry, now + EXPIRY_SCAN_NANOS) - now));
            }
        }

        private void housekeeping(long now) {
            if (now >= nextExpiry) {
                loop.expire(now);
                nextExpiry = now + EXPIRY_SCAN_NANOS;
            }
            if (now >= nextProgress) {
                progress.accept(String.format("loadtest: %ds, %d requests, %d errors, %d outstanding",
                        (now - measureStart) / SECOND, recorder.requests(), recorder.errorCount(), loop.outstanding()));
                nextProgress += SECOND;
                checkErrorRate(now);
            }
        }

        private void checkErrorRate(long now) {
            long completed = recorder.completed();
            if (stopReason == null && options.stopOnErrorRate() < 1 && completed >= MIN_COMPLETED_FOR_STOP) {
                double share = (double) recorder.errorCount() / completed;
                if (share > options.stopOnErrorRate()) {
                    stopReason = String.format("error share %.3f exceeded stop-on-error-rate %.3f after %d responses",
                            share, options.stopOnErrorRate(), completed);
                    measuredEnd = Math.max(measureStart + 1, Math.min(measuredEnd, now));
                    progress.accept("loadtest: stopping, " + stopReason);
                }
            }
        }
    }
}
