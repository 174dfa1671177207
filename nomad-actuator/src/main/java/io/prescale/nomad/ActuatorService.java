package io.prescale.nomad;

import io.prescale.nomad.client.NomadApiException;
import io.prescale.nomad.loop.Actuator;
import io.prescale.nomad.loop.NomadDiscovery;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-running actuator: a cycle every {@code interval}, the leader lock renewed every second as due, and
 * (with Nomad discovery) a blocking query on the job list that keeps the job cache current between cycles. A
 * failed cycle is reported and the next one retries; nothing here stops the loop but {@link #close()}, which
 * releases the lock.
 */
public final class ActuatorService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ActuatorService.class);
    private final Actuator actuator;
    private final NomadDiscovery discovery;
    private final Duration interval;
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(3, r -> {
        Thread t = new Thread(r, "prescale-actuator");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger cycles = new AtomicInteger();
    private volatile boolean running;

    /** @param discovery the Nomad discovery to keep warm with blocking queries, or null */
    public ActuatorService(Actuator actuator, NomadDiscovery discovery, Duration interval) {
        this.actuator = actuator;
        this.discovery = discovery;
        this.interval = interval;
    }

    public void start() {
        running = true;
        executor.scheduleWithFixedDelay(this::tick, 0, 1, TimeUnit.SECONDS);
        executor.scheduleWithFixedDelay(this::cycle, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        if (discovery != null) {
            executor.execute(this::watch);
        }
    }

    /** Cycles run so far. */
    public int cycles() {
        return cycles.get();
    }

    private void tick() {
        try {
            actuator.metrics().leader(actuator.leadership().tick());
        } catch (RuntimeException e) {
            LOG.warn("leader lock: {}", e.getMessage());
        }
    }

    private void cycle() {
        try {
            actuator.runCycle();
            cycles.incrementAndGet();
        } catch (RuntimeException e) {
            LOG.error("cycle failed: {}", e.toString());
        }
    }

    private void watch() {
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                discovery.awaitChange(Duration.ofMinutes(5));
                if (actuator.leadership().isLeader()) {
                    discovery.jobs();
                }
            } catch (NomadApiException e) {
                LOG.debug("blocking job list failed: {}", e.getMessage());
                sleepQuietly(interval.compareTo(Duration.ofSeconds(10)) < 0 ? interval : Duration.ofSeconds(10));
            }
        }
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        actuator.leadership().release();
    }
}
