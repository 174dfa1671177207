package io.prescale.loadtest;

import io.prescale.core.series.LoadProfile;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The open-model load generator (after wrk2 and k6's arrival-rate executors): replays a load profile against
 * HTTP/1.1 targets on one or more I/O threads. Each request starts at its intended time from the
 * {@link ArrivalSchedule}, whether or not earlier ones have returned, and its latency runs from that intended
 * time, so a stalled server shows up in the percentiles instead of silently slowing the generator down
 * (coordinated omission, Tene 2015). A request is late when its send starts more than max(1 ms, 10 % of the
 * mean inter-arrival time) after its intended time.
 *
 * <p>With several I/O threads, each has its own selector and its own share of the connections of every target;
 * the threads claim the schedule's arrivals in order from one shared counter ({@link ArrivalCursor}), so the
 * intended start times are exactly those of one thread, each is sent once, by whichever thread is awake when it
 * falls due, and arrival {@code k} goes to target {@code k mod targets}. Besides that counter the threads share
 * only the per-second timeline. The calling thread prints progress and applies the stop-on-error rule. {@link #runClosed} runs the
 * classic closed loop on the same connections, for comparison. Every run is bounded: the schedule ends, and
 * requests still out after it get at most the timeout. One run at a time per instance.
 */
public final class LoadGenerator {
    private static final long EXPIRY_SCAN_NANOS = 10_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private static final long START_DELAY_NANOS = 20_000_000L;
    private static final int MIN_COMPLETED_FOR_STOP = 20;
    /** At most this long after an arrival is due, an I/O thread that does not own it claims it. */
    private static final long MAX_STEAL_NANOS = 250_000L;

    private final LoadTestOptions options;
    private final LongSupplier clock;
    private final Consumer<String> progress;
    private volatile ArrivalProbe probe;

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

    /** Sees every measured arrival as an I/O thread claims it; for tests of the split across threads. */
    interface ArrivalProbe {
        /**
         * @param thread the I/O thread that claimed it
         * @param arrival the arrival's number in the schedule, from 0
         * @param offsetNanos its intended start, ns from the start of the measured schedule
         */
        void claimed(int thread, long arrival, long offsetNanos);
    }

    /** Installs a probe (thread-safe probes only: every I/O thread calls it). */
    LoadGenerator probe(ArrivalProbe value) {
        this.probe = value;
        return this;
    }

    /** A generator on the system's monotonic clock. */
    public static LoadGenerator create(LoadTestOptions options, Consumer<String> progress) {
        return new LoadGenerator(options, System::nanoTime, progress);
    }

    /**
     * Replays {@code profile} open-loop (after the warm-up at its first rate).
     *
     * @throws IllegalArgumentException for a profile beyond {@link LoadLimits}, before anything is sent
     * @throws IOException when a selector cannot be opened (failures of requests are counted, not thrown)
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
        LoadProfile warmProfile = warmNanos == 0 || profile.values()[0] <= 0
                ? null
                : ProfileShaping.constant(profile.values()[0], options.warmup());
        long scheduleNanos = profile.step().toNanos() * profile.size();
        int threads = options.effectiveIoThreads();
        long start = clock.getAsLong() + START_DELAY_NANOS;
        long measureStart = start + warmNanos;
        Control control = new Control(measureStart, measureStart + scheduleNanos, lateThreshold, threads);
        List<Worker> workers = workers(control, threads);
        AtomicLong warmClaimed = new AtomicLong();
        AtomicLong claimed = new AtomicLong();
        long steal = Math.min(MAX_STEAL_NANOS, lateThreshold / 4);
        for (Worker worker : workers) {
            ArrivalCursor warmup = warmProfile == null
                    ? null
                    : new ArrivalCursor(
                            ArrivalSchedule.of(warmProfile, options.arrivals(), options.seed() ^ 0x5DEECE66DL),
                            warmClaimed,
                            worker.index,
                            threads,
                            steal);
            ArrivalCursor schedule = new ArrivalCursor(
                    ArrivalSchedule.of(profile, options.arrivals(), options.seed()),
                    claimed,
                    worker.index,
                    threads,
                    steal);
            worker.body = () -> worker.openLoop(warmup, start, schedule, measureStart);
        }
        return runAll(control, workers, "open");
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
        int threads = options.effectiveIoThreads();
        long start = clock.getAsLong();
        Control control = new Control(start, start + duration.toNanos(), 1_000_000L, threads);
        List<Worker> workers = workers(control, threads);
        for (Worker worker : workers) {
            worker.body = worker::closedLoop;
        }
        return runAll(control, workers, "closed");
    }

    /** One worker per I/O thread, each with its share of the connections of every target. */
    private List<Worker> workers(Control control, int threads) throws IOException {
        List<Worker> workers = new ArrayList<>();
        int perTarget = options.connectionsPerTarget();
        try {
            for (int i = 0; i < threads; i++) {
                int share = perTarget / threads + (i < perTarget % threads ? 1 : 0);
                IoLoop loop =
                        new IoLoop(options.targets(), share, options.timeout().toNanos(), clock);
                Recorder recorder = new Recorder(control.measureStart, control.lateThreshold, control.timeline);
                loop.recorder(recorder);
                workers.add(new Worker(i, loop, recorder, control));
            }
        } catch (IOException e) {
            for (Worker worker : workers) {
                worker.loop.close();
            }
            throw e;
        }
        return workers;
    }

    /** Starts the workers, reports progress until they end, and merges what they recorded. */
    private LoadTestResult runAll(Control control, List<Worker> workers, String mode) throws IOException {
        CountDownLatch done = new CountDownLatch(workers.size());
        List<Thread> threads = new ArrayList<>();
        try {
            for (Worker worker : workers) {
                Thread thread = new Thread(
                        () -> {
                            try {
                                worker.runBody();
                            } finally {
                                done.countDown();
                            }
                        },
                        "prescale-loadgen-io-" + worker.index);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
            supervise(control, workers, done);
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            control.aborted = true;
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the load test ran");
        } finally {
            for (Worker worker : workers) {
                worker.loop.close();
            }
        }
        for (Worker worker : workers) {
            if (worker.failure != null) {
                if (worker.failure instanceof IOException io) {
                    throw io;
                }
                throw new IllegalStateException("an I/O thread of the load generator failed", worker.failure);
            }
        }
        long measuredEnd = control.measuredEnd;
        double seconds = (measuredEnd - control.measureStart) / 1e9;
        int last = (int) Math.max(1, Math.ceil(seconds)) - 1;
        List<Recorder> recorders = new ArrayList<>();
        long cpu = 0;
        long allocated = 0;
        for (Worker worker : workers) {
            last = Math.max(last, worker.recorder.lastSecond());
            recorders.add(worker.recorder);
            cpu += worker.cpuNanos;
            allocated = allocated < 0 || worker.allocatedBytes < 0 ? -1 : allocated + worker.allocatedBytes;
        }
        for (Recorder recorder : recorders) {
            recorder.closeThrough(last);
        }
        return Recorder.result(
                recorders, control.timeline, seconds, cpu, allocated, describe(mode, seconds, control.stopReason));
    }

    /** The calling thread's part: a progress line per second and the stop-on-error rule, until the workers end. */
    private void supervise(Control control, List<Worker> workers, CountDownLatch done) throws InterruptedException {
        long nextProgress = control.measureStart + SECOND;
        while (true) {
            long wait = Math.max(1, Math.min(100, (nextProgress - clock.getAsLong()) / 1_000_000L));
            if (done.await(wait, TimeUnit.MILLISECONDS)) {
                return;
            }
            long now = clock.getAsLong();
            if (now < nextProgress) {
                continue;
            }
            long requests = 0;
            long completed = 0;
            long errors = 0;
            int outstanding = 0;
            for (Worker worker : workers) {
                requests += worker.recorder.publishedRequests();
                completed += worker.recorder.publishedCompleted();
                errors += worker.recorder.publishedErrors();
                outstanding += worker.publishedOutstanding;
            }
            progress.accept(String.format(
                    "loadtest: %ds, %d requests, %d errors, %d outstanding",
                    (now - control.measureStart) / SECOND, requests, errors, outstanding));
            nextProgress += SECOND;
            if (control.stopReason == null && options.stopOnErrorRate() < 1 && completed >= MIN_COMPLETED_FOR_STOP) {
                double share = (double) errors / completed;
                if (share > options.stopOnErrorRate()) {
                    String reason = String.format(
                            "error share %.3f exceeded stop-on-error-rate %.3f after %d responses",
                            share, options.stopOnErrorRate(), completed);
                    control.measuredEnd = Math.max(control.measureStart + 1, Math.min(control.measuredEnd, now));
                    control.stopReason = reason;
                    progress.accept("loadtest: stopping, " + reason);
                }
            }
        }
    }

    private LoadTestResult.Run describe(String mode, double seconds, String stopReason) {
        List<String> urls = options.targets().stream().map(Target::url).toList();
        return new LoadTestResult.Run(
                mode,
                urls,
                "open".equals(mode) ? options.arrivals().toString() : "closed",
                options.connectionsPerTarget() * options.targets().size(),
                options.timeout().toMillis(),
                "open".equals(mode) ? options.warmup().toNanos() / 1e9 : 0,
                seconds,
                stopReason != null,
                stopReason);
    }

    private static long cpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
    }

    /** Bytes the current thread has allocated so far, or -1 when the JVM cannot tell. */
    private static long allocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                && threads.isThreadAllocatedMemorySupported()
                && threads.isThreadAllocatedMemoryEnabled()) {
            return threads.getCurrentThreadAllocatedBytes();
        }
        return -1;
    }

    /** What the I/O threads of one run share: the measured window, the stop decision and the timeline. */
    private static final class Control {
        final long measureStart;
        final long lateThreshold;
        final Timeline timeline;
        /** Set by the calling thread when the run stops early (then {@link #stopReason} is set after it). */
        volatile long measuredEnd;

        volatile String stopReason;
        volatile boolean aborted;

        Control(long measureStart, long measuredEnd, long lateThreshold, int threads) {
            this.measureStart = measureStart;
            this.measuredEnd = measuredEnd;
            this.lateThreshold = lateThreshold;
            this.timeline = new Timeline(threads);
        }
    }

    /** The state of one I/O thread: its loop around its selector. */
    private final class Worker {
        final int index;
        final IoLoop loop;
        final Recorder recorder;
        final Control control;
        Runnable body;
        volatile Throwable failure;
        volatile long cpuNanos;
        volatile long allocatedBytes;
        volatile int publishedOutstanding;
        private long nextExpiry;

        Worker(int index, IoLoop loop, Recorder recorder, Control control) {
            this.index = index;
            this.loop = loop;
            this.recorder = recorder;
            this.control = control;
        }

        void runBody() {
            long cpuBefore = cpuNanos();
            long allocatedBefore = allocatedBytes();
            try {
                body.run();
            } catch (Throwable e) {
                failure = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
                control.aborted = true;
            } finally {
                cpuNanos = cpuNanos() - cpuBefore;
                long allocatedAfter = allocatedBytes();
                allocatedBytes = allocatedBefore < 0 || allocatedAfter < 0 ? -1 : allocatedAfter - allocatedBefore;
            }
        }

        void openLoop(ArrivalCursor warmup, long start, ArrivalCursor schedule, long scheduleStart) {
            ArrivalProbe seen = probe;
            boolean warmOver = warmup == null;
            boolean over = false;
            while (!control.aborted) {
                long now = clock.getAsLong();
                while (!warmOver) {
                    long offset = warmup.claim(now - start);
                    if (offset == ArrivalCursor.NONE) {
                        break;
                    }
                    if (offset == ArrivalCursor.OVER) {
                        warmOver = true;
                    } else {
                        loop.submit(warmup.lastClaimed(), start + offset, false, now);
                    }
                }
                boolean stopped = control.stopReason != null;
                while (warmOver && !over && !stopped) {
                    long offset = schedule.claim(now - scheduleStart);
                    if (offset == ArrivalCursor.NONE) {
                        break;
                    }
                    if (offset == ArrivalCursor.OVER) {
                        over = true;
                    } else {
                        if (seen != null) {
                            seen.claimed(index, schedule.lastClaimed(), offset);
                        }
                        loop.submit(schedule.lastClaimed(), scheduleStart + offset, true, now);
                    }
                }
                housekeeping(now);
                if (stopped && !over) {
                    over = true;
                    loop.dropPending();
                }
                if (warmOver
                        && over
                        && (loop.outstanding() == 0
                                || now > control.measuredEnd + options.timeout().toNanos() + SECOND)) {
                    break;
                }
                long due;
                if (!warmOver) {
                    long wake = warmup.wakeAt();
                    due = wake < 0 ? now : start + wake;
                } else if (!over) {
                    long wake = schedule.wakeAt();
                    due = wake < 0 ? now : scheduleStart + wake;
                } else {
                    due = now + EXPIRY_SCAN_NANOS;
                }
                poll(Math.max(0, Math.min(due, nextExpiry) - clock.getAsLong()));
            }
            recorder.publish();
        }

        void closedLoop() {
            loop.closedLoopUntil(control.measuredEnd);
            while (!control.aborted) {
                long now = clock.getAsLong();
                if (now < control.measuredEnd && control.stopReason == null) {
                    for (Pool pool : loop.pools()) {
                        loop.next(pool, now);
                    }
                } else {
                    loop.closedLoopUntil(Long.MIN_VALUE);
                    if (loop.outstanding() == 0
                            || now > control.measuredEnd + options.timeout().toNanos() + SECOND) {
                        break;
                    }
                }
                housekeeping(now);
                poll(Math.max(0, Math.min(nextExpiry, now + EXPIRY_SCAN_NANOS) - now));
            }
            recorder.publish();
        }

        private void poll(long waitNanos) {
            try {
                loop.poll(waitNanos);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void housekeeping(long now) {
            if (now >= nextExpiry) {
                loop.expire(now);
                recorder.roll(Math.min(now, control.measuredEnd));
                recorder.publish();
                publishedOutstanding = loop.outstanding();
                nextExpiry = now + EXPIRY_SCAN_NANOS;
            }
        }
    }
}
