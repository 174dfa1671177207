package io.prescale.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The generator against real HTTP servers on 127.0.0.1: counts, JSON shape, and each kind of failure. */
class LoadGeneratorTest {
    private static final List<String> LINES = new ArrayList<>();

    private static LoadTestResult run(LoadTestOptions options, double rate, Duration duration) throws IOException {
        return LoadGenerator.create(options, LINES::add).run(ProfileShaping.constant(rate, duration));
    }

    private static LoadTestOptions options(String... urls) {
        return LoadTestOptions.defaults(
                        java.util.Arrays.stream(urls).map(Target::parse).toList())
                .withConnections(16)
                .withArrivals(Arrivals.UNIFORM, 1);
    }

    @Test
    void replaysTheRateAgainstATrivialEndpointWithoutErrors() throws IOException {
        try (TestServer server = TestServer.status(200)) {
            LoadTestResult result = run(options(server.url()), 200, Duration.ofSeconds(2));
            assertThat(result.requests()).isEqualTo(400);
            assertThat(server.hits.get()).isEqualTo(400);
            assertThat(result.errorCount()).isZero();
            assertThat(result.intendedRps()).isEqualTo(200.0);
            // Every request completes; the achieved rate counts them over the scheduled 2 s (drain included).
            assertThat(result.achievedRps()).isEqualTo(200.0);
            assertThat(result.lateShare()).isBetween(0.0, 1.0);
            assertThat(result.latencyMs().p50())
                    .isPositive()
                    .isLessThanOrEqualTo(result.latencyMs().p99());
            assertThat(result.latencyMs().p99())
                    .isLessThanOrEqualTo(result.latencyMs().max());
            assertThat(result.timeline()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(result.timeline().stream()
                            .mapToLong(LoadTestResult.Second::achievedRps)
                            .sum())
                    .isEqualTo(400);
            assertThat(result.generator().cpuMsPerRequest()).isPositive();
        }
    }

    @Test
    void spreadsRoundRobinOverSeveralTargets() throws IOException {
        try (TestServer a = TestServer.status(200);
                TestServer b = TestServer.status(200)) {
            LoadTestResult result = run(options(a.url(), b.url()), 100, Duration.ofSeconds(1));
            assertThat(result.requests()).isEqualTo(100);
            assertThat(a.hits.get()).isEqualTo(50);
            assertThat(b.hits.get()).isEqualTo(50);
        }
    }

    @Test
    void countsHttpErrorsByClass() throws IOException {
        try (TestServer notFound = TestServer.status(404);
                TestServer broken = TestServer.status(503)) {
            LoadTestResult result = run(options(notFound.url(), broken.url()), 40, Duration.ofSeconds(1));
            assertThat(result.errors().http4xx()).isEqualTo(20);
            assertThat(result.errors().http5xx()).isEqualTo(20);
            assertThat(result.achievedRps()).isZero();
            assertThat(result.latencyMs().max())
                    .as("HTTP errors still have a latency")
                    .isPositive();
        }
    }

    @Test
    void countsConnectErrorsAgainstAnUnreachableTarget() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        LoadTestResult result = run(options("http://127.0.0.1:" + port + "/"), 20, Duration.ofSeconds(1));
        assertThat(result.requests()).isEqualTo(20);
        assertThat(result.errors().connect()).as(result.toString()).isEqualTo(20);
        assertThat(result.latencyMs().p50()).isNaN();
    }

    @Test
    void countsResetsWhenTheTargetClosesConnections() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread closer = new Thread(() -> {
                while (running.get()) {
                    try (Socket accepted = socket.accept()) {
                        accepted.getInputStream().read(new byte[512]);
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            closer.start();
            LoadTestResult result =
                    run(options("http://127.0.0.1:" + socket.getLocalPort() + "/"), 20, Duration.ofSeconds(1));
            running.set(false);
            socket.close();
            closer.join(2000);
            assertThat(result.errors().reset()).isEqualTo(20);
        }
    }

    @Test
    void countsTimeoutsAgainstATargetSlowerThanTheTimeout() throws IOException {
        try (TestServer slow = TestServer.of(
                exchange -> {
                    try {
                        Thread.sleep(4000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    TestServer.respond(exchange, 200, false);
                },
                8)) {
            LoadTestOptions options = options(slow.url()).withTimeout(Duration.ofSeconds(1));
            LoadTestResult result = run(options, 10, Duration.ofSeconds(1));
            assertThat(result.errors().timeout()).isEqualTo(10);
            assertThat(result.achievedRps()).isZero();
        }
    }

    @Test
    void stopsEarlyWhenTheErrorRateIsExceeded() throws IOException {
        try (TestServer broken = TestServer.status(500)) {
            LoadTestOptions options = options(broken.url()).withStopOnErrorRate(0.5);
            LoadTestResult result = run(options, 50, Duration.ofSeconds(6));
            assertThat(result.run().stopped()).isTrue();
            assertThat(result.run().stopReason()).contains("stop-on-error-rate");
            assertThat(result.requests()).isLessThan(300);
            assertThat(result.run().durationSeconds()).isLessThan(6.0);
        }
    }

    @Test
    void warmupRequestsAreSentButNotRecorded() throws IOException {
        try (TestServer server = TestServer.status(200)) {
            LoadTestOptions options = options(server.url()).withWarmup(Duration.ofMillis(500));
            LoadTestResult result = run(options, 100, Duration.ofSeconds(1));
            assertThat(result.requests()).isEqualTo(100);
            assertThat(server.hits.get()).isEqualTo(150);
        }
    }
}
