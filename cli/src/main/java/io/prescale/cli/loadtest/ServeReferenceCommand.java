package io.prescale.cli.loadtest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.BadInputException;
import io.prescale.cli.base.Json;
import io.prescale.cli.base.LeafCommand;
import io.prescale.cli.base.SeedOption;
import io.prescale.loadtest.reference.CpuMode;
import io.prescale.loadtest.reference.ReferenceConfig;
import io.prescale.loadtest.reference.ReferenceService;
import java.net.BindException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code prescale serve-reference}: runs the reference staging service until {@code --duration} has passed or the
 * process is asked to stop (SIGTERM, Ctrl-C), then prints what it served.
 */
@Command(
        name = "serve-reference",
        description = "Run the reference staging service (HTTP) with tunable capacity knobs.")
public final class ServeReferenceCommand extends LeafCommand {
    @Option(
            names = "--bind",
            paramLabel = "ADDR",
            defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(
            names = "--port",
            paramLabel = "P",
            defaultValue = "8080",
            description = "Port, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--cpus",
            paramLabel = "C",
            defaultValue = "2",
            description = "Virtual cores (default: ${DEFAULT-VALUE}).")
    int cpus;

    @Option(
            names = "--threads",
            paramLabel = "T",
            defaultValue = "8",
            description = "Worker threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(
            names = "--queue",
            paramLabel = "Q",
            defaultValue = "64",
            description = "Requests that may wait for a worker; more get 503 (default: ${DEFAULT-VALUE}).")
    int queue;

    @Option(
            names = "--cache-mb",
            paramLabel = "M",
            defaultValue = "16",
            description = "LRU cache size, MiB (default: ${DEFAULT-VALUE}).")
    int cacheMb;

    @Option(
            names = "--cpu-mode",
            paramLabel = "virtual|real",
            defaultValue = "virtual",
            description = "Park on a virtual core, or spin for profiling (default: ${DEFAULT-VALUE}).")
    String cpuMode;

    @Option(
            names = "--keys",
            paramLabel = "N",
            defaultValue = "100000",
            description = "Distinct keys (default: ${DEFAULT-VALUE}).")
    int keys;

    @Option(
            names = "--zipf-exponent",
            paramLabel = "S",
            defaultValue = "1.0",
            description = "Zipf exponent of keys (default: ${DEFAULT-VALUE}).")
    double zipfExponent;

    @Option(
            names = "--value-kb",
            paramLabel = "K",
            defaultValue = "4",
            description = "Size of a cached value, KiB (default: ${DEFAULT-VALUE}).")
    int valueKb;

    @Option(
            names = "--hit-cpu-ms",
            paramLabel = "MS",
            defaultValue = "0.2",
            description = "CPU time of a cache hit (default: ${DEFAULT-VALUE}).")
    double hitCpuMs;

    @Option(
            names = "--miss-cpu-ms",
            paramLabel = "MS",
            defaultValue = "5",
            description = "CPU time of a cache miss (default: ${DEFAULT-VALUE}).")
    double missCpuMs;

    @Option(
            names = "--downstream-ms",
            paramLabel = "MS",
            defaultValue = "20",
            description = "Downstream wait after a miss, no core held (default: ${DEFAULT-VALUE}).")
    double downstreamMs;

    @Option(names = "--duration", paramLabel = "D", description = "Stop after D (default: run until stopped).")
    Duration duration;

    @Mixin
    SeedOption seed;

    @Override
    protected Result execute() throws Exception {
        ReferenceConfig config = config();
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new BadInputException("--duration", duration.toString(), "--duration must be > 0, got " + duration);
        }
        ReferenceService service;
        try {
            service = ReferenceService.start(config);
        } catch (BindException e) {
            if (String.valueOf(e.getMessage()).contains("assign requested address")) {
                throw new BadInputException(
                        "--bind",
                        bind,
                        "--bind " + bind + " is not an address of this machine (" + e.getMessage() + ")");
            }
            throw new BadInputException(
                    "--port",
                    String.valueOf(port),
                    "cannot listen on " + bind + ":" + port + " (" + e.getMessage() + "); choose another --port");
        } catch (java.net.SocketException e) {
            if (!String.valueOf(e.getMessage()).contains("Unresolved")) {
                throw e;
            }
            throw new BadInputException(
                    "--bind",
                    bind,
                    "--bind " + bind + " is not an IP address or host name that"
                            + " resolves (e.g. 127.0.0.1 or 0.0.0.0)");
        } catch (java.net.UnknownHostException | java.nio.channels.UnresolvedAddressException e) {
            throw new BadInputException(
                    "--bind",
                    bind,
                    "--bind " + bind + " is not an IP address or host name that"
                            + " resolves (e.g. 127.0.0.1 or 0.0.0.0)");
        }
        CountDownLatch stop = new CountDownLatch(1);
        Thread commandThread = Thread.currentThread();
        Thread hook = new Thread(
                () -> {
                    stop.countDown();
                    try {
                        commandThread.join(3000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "serve-reference-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        long started = System.nanoTime();
        try (service) {
            progress("serve-reference: listening on " + service.url());
            if (duration == null) {
                stop.await();
            } else {
                stop.await(duration.toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for this thread
            }
        }
        return Result.of(summary(service, (System.nanoTime() - started) / 1e9));
    }

    private ReferenceConfig config() {
        CpuMode mode;
        try {
            mode = CpuMode.parse(cpuMode);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--cpu-mode", cpuMode, e.getMessage());
        }
        try {
            return new ReferenceConfig(
                    bind,
                    port,
                    cpus,
                    threads,
                    queue,
                    cacheMb,
                    mode,
                    keys,
                    zipfExponent,
                    valueKb,
                    hitCpuMs,
                    missCpuMs,
                    downstreamMs,
                    seed.seed());
        } catch (IllegalArgumentException e) {
            String option = e.getMessage().split(" ", 2)[0];
            throw new BadInputException(option.startsWith("--") ? option : null, null, e.getMessage());
        }
    }

    private static ObjectNode summary(ReferenceService service, double seconds) {
        ReferenceConfig config = service.config();
        ObjectNode fields = Json.object();
        fields.put("url", service.url());
        fields.put("port", service.port());
        ObjectNode knobs = fields.putObject("config");
        knobs.put("cpus", config.cpus());
        knobs.put("threads", config.threads());
        knobs.put("queue", config.queue());
        knobs.put("cacheMb", config.cacheMb());
        knobs.put("cpuMode", config.cpuMode().toString());
        knobs.put("keys", config.keys());
        knobs.put("zipfExponent", config.zipfExponent());
        knobs.put("valueKb", config.valueKb());
        knobs.put("hitCpuMs", config.hitCpuMs());
        knobs.put("missCpuMs", config.missCpuMs());
        knobs.put("downstreamMs", config.downstreamMs());
        fields.put("servedSeconds", seconds);
        ReferenceService.Counts counts = service.counts();
        ObjectNode requests = fields.putObject("requests");
        requests.put("ok", counts.ok());
        requests.put("shed", counts.shed());
        fields.put("cacheHits", counts.cacheHits());
        fields.put("cacheMisses", counts.cacheMisses());
        return fields;
    }
}
