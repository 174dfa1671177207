package io.prescale.loadtest.reference;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The reference service as a child process of a staging target: {@code java -cp … ReferenceProcess --cpus 2
 * --threads 8 --queue 64 --cache-mb 16 [--port 0] [--seed 1]}. It prints {@code listening <url>} on stdout once the
 * server listens, and stops when its standard input closes (so it never outlives a parent that was killed), on
 * SIGTERM, or on Ctrl-C.
 */
public final class ReferenceProcess {
    private ReferenceProcess() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            flags.put(args[i], args[i + 1]);
        }
        ReferenceConfig d = ReferenceConfig.defaults();
        ReferenceConfig config = new ReferenceConfig(
                "127.0.0.1",
                integer(flags, "--port", 0),
                integer(flags, "--cpus", d.cpus()),
                integer(flags, "--threads", d.threads()),
                integer(flags, "--queue", d.queue()),
                integer(flags, "--cache-mb", d.cacheMb()),
                d.cpuMode(),
                d.keys(),
                d.zipfExponent(),
                d.valueKb(),
                d.hitCpuMs(),
                d.missCpuMs(),
                d.downstreamMs(),
                integer(flags, "--seed", 1));
        ReferenceService service = ReferenceService.start(config);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "reference-process-stop"));
        Thread watcher = new Thread(
                () -> {
                    try (InputStream in = System.in) {
                        while (in.read() != -1) {
                            // the parent writes nothing; end of stream means it is gone
                        }
                    } catch (IOException e) {
                        // a broken pipe means the same as end of stream
                    }
                    stop.countDown();
                },
                "reference-process-stdin");
        watcher.setDaemon(true);
        watcher.start();
        System.out.println("listening " + service.url());
        System.out.flush();
        stop.await();
        service.close();
        System.exit(0);
    }

    private static int integer(Map<String, String> flags, String flag, int fallback) {
        String value = flags.get(flag);
        if (value == null) {
            return fallback;
        }
        try {
            return (int) Math.round(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be a number, got '" + value + "'", e);
        }
    }
}
