package io.prescale.loadtest.staging;

import io.prescale.core.tune.ConfigSpace;
import io.prescale.core.tune.Configuration;
import io.prescale.core.tune.Knob;
import io.prescale.core.tune.StagingException;
import io.prescale.core.tune.StagingTarget;
import io.prescale.loadtest.reference.ReferenceProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@code local} staging target: each configuration runs as {@code count} reference-service processes
 * ({@code java -cp <class path> ReferenceProcess <flags>}) on 127.0.0.1, every knob with a {@code flag} passed as
 * that flag. {@link #apply} starts them in parallel, waits for each to print its URL and answer {@code /health} with
 * 200, and stops the previous set first (the same configuration, still alive, is kept). A shutdown hook stops the
 * children on Ctrl-C; children also exit when their standard input closes, so none outlives a killed parent.
 */
public final class LocalStagingTarget implements StagingTarget {
    private final ConfigSpace space;
    private final List<String> java;
    private final Duration startTimeout;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Process> processes = new ArrayList<>();
    private final Thread hook = new Thread(this::stopAll, "local-staging-stop");
    private boolean hooked;
    private Deployment current;

    /**
     * @param space the space (its knobs' flags)
     * @param java the command that starts a JVM with the reference service on its class path, e.g.
     *             {@code [/usr/bin/java, -cp, <class path>, -Xmx64m]}
     * @param startTimeout how long an instance may take to listen and be healthy
     */
    public LocalStagingTarget(ConfigSpace space, List<String> java, Duration startTimeout) {
        this.space = Objects.requireNonNull(space, "space");
        this.java = List.copyOf(java);
        this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout");
    }

    /** A target that starts children with this JVM's {@code java} and class path, 64 MiB heap each. */
    public static LocalStagingTarget ofThisJvm(ConfigSpace space, Duration startTimeout) {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new LocalStagingTarget(
                space,
                List.of(
                        javaBin,
                        "-Xmx64m",
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path")),
                startTimeout);
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public synchronized Deployment apply(Configuration config) {
        if (current != null
                && current.config().equals(config)
                && processes.stream().allMatch(Process::isAlive)) {
            return current;
        }
        stopAll();
        current = null;
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(hook);
            hooked = true;
        }
        int count = space.count(config);
        List<String> command = new ArrayList<>(java);
        command.add(ReferenceProcess.class.getName());
        for (Knob knob : space.knobs()) {
            if (knob.flag() != null && knob.role() != Knob.Role.INSTANCES) {
                command.add(knob.flag());
                command.add(String.valueOf(Math.round(config.get(knob.name()))));
            }
        }
        ExecutorService starter = Executors.newFixedThreadPool(Math.max(1, count));
        try {
            List<Future<String>> urls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                List<String> instance = new ArrayList<>(command);
                instance.add("--seed");
                instance.add(String.valueOf(i + 1));
                Process process = start(instance);
                processes.add(process);
                urls.add(starter.submit(() -> awaitHealthy(process)));
            }
            List<String> addresses = new ArrayList<>();
            for (int i = 0; i < urls.size(); i++) {
                addresses.add(urls.get(i).get(startTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS));
            }
            current = new Deployment(config, addresses);
            return current;
        } catch (ExecutionException e) {
            stopAll();
            Throwable cause = e.getCause();
            throw cause instanceof StagingException s
                    ? s
                    : new StagingException("local target: " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            stopAll();
            throw new StagingException(
                    "local target: an instance of " + config + " was not healthy within " + startTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopAll();
            throw new StagingException("local target: interrupted while starting " + config, e);
        } finally {
            starter.shutdownNow();
        }
    }

    @Override
    public synchronized void verify() {
        for (int i = 0; i < processes.size(); i++) {
            Process process = processes.get(i);
            if (!process.isAlive()) {
                throw new StagingException("local target: instance " + i + " (pid " + process.pid()
                        + ") exited with code " + process.exitValue());
            }
        }
    }

    /** Process ids of the running instances. */
    public synchronized List<Long> pids() {
        return processes.stream().map(Process::pid).toList();
    }

    @Override
    public synchronized void tearDown() {
        stopAll();
        current = null;
        if (hooked) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running and stops the children itself
            }
            hooked = false;
        }
    }

    private Process start(List<String> command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new StagingException("local target: cannot start '" + command.get(0) + "': " + e.getMessage(), e);
        }
    }

    private String awaitHealthy(Process process) throws IOException, InterruptedException {
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder before = new StringBuilder();
        String line;
        String url = null;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("listening ")) {
                url = line.substring("listening ".length()).strip();
                break;
            }
            if (before.length() < 512) {
                before.append(line).append(' ');
            }
        }
        if (url == null) {
            throw new StagingException("local target: instance (pid " + process.pid() + ") exited before listening: "
                    + before.toString().strip());
        }
        Thread drain = new Thread(
                () -> {
                    try {
                        out.transferTo(Writer.nullWriter());
                    } catch (IOException closed) {
                        // the process ended
                    }
                },
                "local-staging-drain");
        drain.setDaemon(true);
        drain.start();
        long deadline = System.nanoTime() + startTimeout.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url + "health"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return url;
                }
            } catch (IOException notYet) {
                // retried until the deadline
            }
            if (!process.isAlive()) {
                throw new StagingException(
                        "local target: instance (pid " + process.pid() + ") died before it was healthy");
            }
            Thread.sleep(100);
        }
        throw new StagingException("local target: " + url + "health did not answer 200 within " + startTimeout);
    }

    private synchronized void stopAll() {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(3, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
    }
}
