package io.prescale.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.prescale.core.series.LoadProfile;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Several I/O threads against real HTTP servers on 127.0.0.1: the open model's schedule is the same for any
 * thread count, every intended start time is sent exactly once, targets still take turns, and the counts and
 * the late share are accounted over all threads. No assertion depends on how fast the machine is.
 */
class MultiThreadedGeneratorTest {
    /** Three steps, the middle one idle: 300 requests/s, nothing, 600 requests/s, 0.5 s each. */
    private static final LoadProfile PROFILE =
            LoadProfile.of(Instant.EPOCH, Duration.ofMillis(500), new double[] {300, 0, 600}, Map.of());

    private record Claim(int thread, long arrival, long offset) {}

    private static List<Long> schedule(Arrivals arrivals, long seed) {
        ArrivalSchedule schedule = ArrivalSchedule.of(PROFILE, arrivals, seed);
        List<Long> times = new ArrayList<>();
        for (long t = schedule.next(); t >= 0; t = schedule.next()) {
            times.add(t);
        }
        return times;
    }

    private static LoadTestOptions options(int threads, String... urls) {
        return LoadTestOptions.defaults(
                        java.util.Arrays.stream(urls).map(Target::parse).toList())
                .withConnections(16)
                .withArrivals(Arrivals.POISSON, 42)
                .withIoThreads(threads);
    }

    @ParameterizedTest(name = "{0} I/O threads")
    @ValueSource(ints = {1, 2, 4})
    void everyIntendedStartTimeOfTheScheduleIsSentExactlyOnce(int threads) throws IOException {
        List<Long> expected = schedule(Arrivals.POISSON, 42);
        ConcurrentLinkedQueue<Claim> claims = new ConcurrentLinkedQueue<>();
        try (TestServer server = TestServer.status(200)) {
            LoadTestResult result = new LoadGenerator(options(threads, server.url()), System::nanoTime, line -> {})
                    .probe((thread, arrival, offset) -> claims.add(new Claim(thread, arrival, offset)))
                    .run(PROFILE);
            long[] offsets = new long[expected.size()];
            int[] times = new int[expected.size()];
            for (Claim claim : claims) {
                assertThat(claim.thread()).isBetween(0, threads - 1);
                offsets[(int) claim.arrival()] = claim.offset();
                times[(int) claim.arrival()]++;
            }
            assertThat(times).as("each arrival claimed once").containsOnly(1);
            assertThat(claims).hasSize(expected.size());
            assertThat(java.util.Arrays.stream(offsets).boxed().toList()).isEqualTo(expected);
            assertThat(result.requests()).isEqualTo(expected.size());
            assertThat(server.hits.get()).isEqualTo(expected.size());
            assertThat(result.errorCount()).isZero();
            assertThat(result.generator().ioThreads()).isEqualTo(threads);
            assertThat(result.timeline().stream()
                            .mapToLong(LoadTestResult.Second::achievedRps)
                            .sum())
                    .as("the merged timeline counts every response once")
                    .isEqualTo(expected.size());
            assertThat(result.timeline())
                    .extracting(LoadTestResult.Second::second)
                    .isEqualTo(java.util.stream.IntStream.range(
                                    0, result.timeline().size())
                            .boxed()
                            .toList());
        }
    }

    @Test
    void theScheduleSentDoesNotDependOnTheThreadCount() throws IOException {
        List<List<Long>> sent = new ArrayList<>();
        for (int threads : new int[] {1, 3}) {
            Map<Long, Long> byArrival = new ConcurrentHashMap<>();
            try (TestServer server = TestServer.status(200)) {
                new LoadGenerator(
                                options(threads, server.url()).withArrivals(Arrivals.UNIFORM, 3),
                                System::nanoTime,
                                line -> {})
                        .probe((thread, arrival, offset) -> byArrival.put(arrival, offset))
                        .run(PROFILE);
            }
            sent.add(new java.util.TreeMap<>(byArrival).values().stream().toList());
        }
        assertThat(sent.get(1)).isEqualTo(sent.get(0)).isEqualTo(schedule(Arrivals.UNIFORM, 3));
    }

    @Test
    void targetsTakeTurnsOverTheWholeScheduleWhicheverThreadSends() throws IOException {
        try (TestServer a = TestServer.status(200);
                TestServer b = TestServer.status(200);
                TestServer c = TestServer.status(200)) {
            LoadTestResult result = LoadGenerator.create(
                            options(2, a.url(), b.url(), c.url()).withArrivals(Arrivals.UNIFORM, 1), line -> {})
                    .run(ProfileShaping.constant(150, Duration.ofSeconds(1)));
            assertThat(result.requests()).isEqualTo(150);
            assertThat(List.of(a.hits.get(), b.hits.get(), c.hits.get())).containsOnly(50L);
        }
    }

    @Test
    void requestsWaitingForAConnectionAreLateOnEveryThread() throws IOException {
        // Two connections in all (one per thread), each request held 100 ms: after the first two, every request
        // waits for a connection, so its send starts far more than 1 ms after its intended time.
        try (TestServer slow = TestServer.of(
                exchange -> {
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    TestServer.respond(exchange, 200, false);
                },
                4)) {
            LoadTestOptions options = options(2, slow.url()).withConnections(2).withArrivals(Arrivals.UNIFORM, 1);
            LoadTestResult result =
                    LoadGenerator.create(options, line -> {}).run(ProfileShaping.constant(40, Duration.ofMillis(500)));
            assertThat(result.generator().ioThreads()).isEqualTo(2);
            assertThat(result.requests()).isEqualTo(20);
            assertThat(result.errorCount()).isZero();
            assertThat(result.lateShare())
                    .as("at most the first request of each thread starts on time")
                    .isGreaterThanOrEqualTo(18 / 20.0);
            assertThat(result.generator().sendLagMaxMs())
                    .isGreaterThan(result.generator().lateThresholdMs());
        }
    }

    @Test
    void fewerConnectionsPerTargetThanThreadsUseFewerThreads() throws IOException {
        try (TestServer server = TestServer.status(200)) {
            LoadTestResult result = LoadGenerator.create(
                            options(4, server.url()).withConnections(2).withArrivals(Arrivals.UNIFORM, 1), line -> {})
                    .run(ProfileShaping.constant(20, Duration.ofSeconds(1)));
            assertThat(result.generator().ioThreads()).isEqualTo(2);
            assertThat(result.requests()).isEqualTo(20);
            assertThat(server.hits.get()).isEqualTo(20);
        }
    }
}
