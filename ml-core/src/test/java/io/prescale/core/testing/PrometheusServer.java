package io.prescale.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that starts the real Debian Prometheus ({@link RealPrometheus}) once before a test class and
 * stops it after: register it as {@code @RegisterExtension static final PrometheusServer PROMETHEUS =
 * PrometheusServer.backfilledWith(work -> …)}. The backfill callback writes an OpenMetrics file into the work
 * directory and returns it; {@code promtool} loads it into the data directory before the server starts. Skips the
 * class (or fails it when {@code CI=true}) when the binaries are not installed.
 */
public final class PrometheusServer implements BeforeAllCallback, AfterAllCallback {
    /** Writes the OpenMetrics text to backfill into {@code workDir} and returns its path, or null for none. */
    @FunctionalInterface
    public interface Backfill {
        Path write(Path workDir) throws Exception;
    }

    private final Backfill backfill;
    private final String[] extraFlags;
    private Path work;
    private RealPrometheus prometheus;

    private PrometheusServer(Backfill backfill, String... extraFlags) {
        this.backfill = backfill;
        this.extraFlags = extraFlags.clone();
    }

    /** An empty server. */
    public static PrometheusServer empty(String... extraFlags) {
        return new PrometheusServer(work -> null, extraFlags);
    }

    /** A server whose data directory holds what {@code backfill} writes. */
    public static PrometheusServer backfilledWith(Backfill backfill, String... extraFlags) {
        return new PrometheusServer(backfill, extraFlags);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        RealPrometheus.requireInstalled();
        work = Files.createTempDirectory("prescale-prometheus");
        Path data = work.resolve("data");
        Path openMetrics = backfill.write(work);
        if (openMetrics != null) {
            RealPrometheus.backfill(openMetrics, data, work);
        }
        prometheus = RealPrometheus.start(work, data, extraFlags);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (prometheus != null) {
            prometheus.close();
            prometheus = null;
        }
        if (work != null) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(PrometheusServer::delete);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            work = null;
        }
    }

    /** Where the running server listens, e.g. {@code http://127.0.0.1:41234}. */
    public URI baseUrl() {
        if (prometheus == null) {
            throw new IllegalStateException(
                    "Prometheus is not running: register the extension with @RegisterExtension");
        }
        return prometheus.baseUrl();
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
