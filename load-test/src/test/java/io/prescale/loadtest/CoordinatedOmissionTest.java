package io.prescale.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The proof against coordinated omission: a server that stalls for 1 s once every 10 s (the first
 * stall 1.5 s after it starts, so that a 4 s run contains it). Open-loop, the requests intended during the
 * stall wait for it and their latency says so; closed-loop on the same connections, the generator waits too,
 * sends almost nothing during the stall, and the stall all but vanishes from the percentiles.
 */
class CoordinatedOmissionTest {
    private static final long PERIOD = TimeUnit.SECONDS.toNanos(10);
    private static final long STALL = TimeUnit.SECONDS.toNanos(1);
    private static final long FIRST_STALL = TimeUnit.MILLISECONDS.toNanos(1500);

    private static TestServer stallingServer() throws IOException {
        long epoch = System.nanoTime() + FIRST_STALL;
        return TestServer.of(
                exchange -> {
                    long since = System.nanoTime() - epoch;
                    long phase = Math.floorMod(since, PERIOD);
                    if (since >= 0 && phase < STALL) {
                        try {
                            TimeUnit.NANOSECONDS.sleep(STALL - phase);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    TestServer.respond(exchange, 200, false);
                },
                16);
    }

    private static LoadTestOptions options(TestServer server) {
        return LoadTestOptions.defaults(List.of(Target.parse(server.url())))
                .withConnections(4)
                .withArrivals(Arrivals.UNIFORM, 1);
    }

    @Test
    void openLoopSeesTheStallThatClosedLoopHides() throws IOException {
        LoadTestResult open;
        try (TestServer server = stallingServer()) {
            open = LoadGenerator.create(options(server), line -> {})
                    .run(ProfileShaping.constant(200, Duration.ofSeconds(4)));
        }
        LoadTestResult closed;
        try (TestServer server = stallingServer()) {
            closed = LoadGenerator.create(options(server), line -> {}).runClosed(Duration.ofSeconds(4));
        }
        assertThat(open.errorCount()).isZero();
        assertThat(open.latencyMs().p99()).as("open-loop p99, ms").isGreaterThanOrEqualTo(800);
        assertThat(open.latencyMs().max()).as("open-loop max, ms").isGreaterThanOrEqualTo(950);
        assertThat(open.lateShare())
                .as("requests queued behind the stall start late")
                .isGreaterThan(0.1);
        assertThat(closed.errorCount()).isZero();
        assertThat(closed.latencyMs().max())
                .as("the closed loop did meet the stall")
                .isGreaterThanOrEqualTo(500);
        assertThat(closed.latencyMs().p99())
                .as("closed-loop p99, ms: " + closed)
                .isLessThan(200);
        assertThat(closed.run().mode()).isEqualTo("closed");
    }
}
