package io.prescale.core.testing;

import static org.junit.jupiter.api.Assertions.fail;

import io.prescale.core.store.prometheus.PrometheusConfig;
import io.prescale.core.store.prometheus.PrometheusSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Debian {@code prometheus} binary, started on 127.0.0.1 on a free port with a temporary data directory,
 * for integration tests; plus {@code promtool} to backfill that directory. Output goes to a log file in the work
 * directory; every wait is bounded; {@link #close()} (and a shutdown hook, should the JVM exit first) stops the
 * process and its children.
 *
 * <p>Backfilled blocks must exist before the server starts: Prometheus loads the blocks of its data directory at
 * start-up (a running server only picks new blocks up at its next reload), so the order is
 * {@link #backfill} then {@link #start}.
 *
 * <p>When the binaries are missing, {@link #requireInstalled()} skips the test locally but fails it when the
 * environment says {@code CI=true} ({@code .ci/run} installs them). Shared by every module's tests through the
 * ml-core test-jar; {@link PrometheusServer} wraps it as a JUnit extension.
 */
public final class RealPrometheus implements AutoCloseable {
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration PROMTOOL_TIMEOUT = Duration.ofMinutes(3);
    private static final int START_ATTEMPTS = 3;

    private final Process process;
    private final URI baseUrl;
    private final Path log;
    private final Thread shutdownHook;

    private RealPrometheus(Process process, URI baseUrl, Path log) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
        this.shutdownHook = new Thread(() -> stop(process), "stop-prometheus-" + process.pid());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Skips (locally) or fails (when {@code CI=true}) unless both {@code prometheus} and {@code promtool} exist. */
    public static void requireInstalled() {
        requireInstalled(binary("prometheus").isPresent() && binary("promtool").isPresent(), System.getenv("CI"));
    }

    /** The decision of {@link #requireInstalled()}: {@code ci} is the value of the {@code CI} variable or null. */
    public static void requireInstalled(boolean installed, String ci) {
        if (installed) {
            return;
        }
        String reason = "the Debian prometheus package (/usr/bin/prometheus, /usr/bin/promtool) is not installed;"
                + " .ci/run installs it (apt-get install -y prometheus)";
        if ("true".equalsIgnoreCase(ci)) {
            fail(reason);
        }
        Assumptions.abort(reason);
    }

    /** {@code /usr/bin/NAME}, else NAME on the PATH. */
    public static Optional<Path> binary(String name) {
        List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/bin", name)));
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, name));
                }
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /**
     * Runs {@code promtool tsdb create-blocks-from openmetrics FILE DATA_DIR}, logging to
     * {@code workDir/promtool.log}.
     */
    public static void backfill(Path openMetrics, Path dataDir, Path workDir) throws IOException, InterruptedException {
        Path promtoolLog = workDir.resolve("promtool.log");
        Process promtool = new ProcessBuilder(
                        binary("promtool").orElseThrow().toString(),
                        "tsdb",
                        "create-blocks-from",
                        "openmetrics",
                        "--quiet",
                        openMetrics.toString(),
                        dataDir.toString())
                .redirectErrorStream(true)
                .redirectOutput(promtoolLog.toFile())
                .start();
        try {
            if (!promtool.waitFor(PROMTOOL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                fail("promtool did not finish within " + PROMTOOL_TIMEOUT + ": " + tail(promtoolLog));
            }
            if (promtool.exitValue() != 0) {
                fail("promtool exited with " + promtool.exitValue() + ": " + tail(promtoolLog));
            }
        } finally {
            stop(promtool);
        }
    }

    /**
     * Starts Prometheus on 127.0.0.1 with {@code dataDir}, a 100-year retention, a 1-minute lookback delta and
     * {@code extraFlags}, and waits until {@code /-/ready} answers.
     */
    public static RealPrometheus start(Path workDir, Path dataDir, String... extraFlags)
            throws IOException, InterruptedException {
        return startWithConfig(workDir, dataDir, "global:\n  scrape_interval: 15s\n", extraFlags);
    }

    /**
     * As {@link #start(Path, Path, String...)} with {@code configYaml} as {@code prometheus.yml} (scrape configs,
     * rule files, remote write).
     */
    public static RealPrometheus startWithConfig(Path workDir, Path dataDir, String configYaml, String... extraFlags)
            throws IOException, InterruptedException {
        Path config = workDir.resolve("prometheus.yml");
        Files.writeString(config, configYaml, StandardCharsets.UTF_8);
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            Path log = workDir.resolve("prometheus-" + port + ".log");
            List<String> command = new ArrayList<>(List.of(
                    binary("prometheus").orElseThrow().toString(),
                    "--config.file=" + config,
                    "--web.listen-address=127.0.0.1:" + port,
                    "--storage.tsdb.path=" + dataDir,
                    "--storage.tsdb.retention.time=100y",
                    "--query.lookback-delta=1m"));
            command.addAll(List.of(extraFlags));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            RealPrometheus prometheus = new RealPrometheus(process, URI.create("http://127.0.0.1:" + port), log);
            if (prometheus.awaitReady()) {
                return prometheus;
            }
            prometheus.close();
            String output = tail(log);
            if (attempt >= START_ATTEMPTS || !output.contains("address already in use")) {
                fail("prometheus did not become ready within " + READY_TIMEOUT + " (log " + log + "): " + output);
            }
        }
    }

    /** Where the server listens, e.g. {@code http://127.0.0.1:41234}. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The server's combined stdout and stderr. */
    public Path log() {
        return log;
    }

    private boolean awaitReady() throws InterruptedException {
        PrometheusSource probe = PrometheusSource.open(
                PrometheusConfig.builder(baseUrl).timeout(Duration.ofSeconds(2)).build());
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (probe.isReady()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    @Override
    public void close() {
        stop(process);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down and the hook is running or ran
        }
    }

    /** SIGTERM to the process and its children, SIGKILL after 10 s, bounded waits throughout. */
    private static void stop(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                children.forEach(ProcessHandle::destroyForcibly);
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    /** The last 2,000 characters of a log file, for failure messages. */
    public static String tail(Path file) {
        try {
            String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(no output)";
            return text.length() <= 2_000 ? text : "…" + text.substring(text.length() - 2_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
