package io.prescale.nomad.ha;

import io.prescale.nomad.client.NomadApiException;
import io.prescale.nomad.client.NomadClient;
import io.prescale.nomad.client.Variable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Active/standby through the Nomad Variables lock {@code prescale/leader}, after Nomad's Go {@code LockLeaser}:
 * the holder renews every 0.7 × TTL; a standby tries to acquire every 1.1 × TTL. Unlike the Go leaser, any renew
 * failure (409, 404, 5xx, timeout) steps down at once: Nomad may already have let the lock lapse (2 × TTL after
 * the last renew) and handed it on. Driven by {@link #tick()}: a background thread in the service, the test's
 * clock in tests. Thread-safe.
 */
public final class Leadership {
    /** Told of every change: true when this replica became leader, false when it stepped down. */
    public interface Listener extends Consumer<Boolean> {}

    private final NomadClient client;
    private final String namespace;
    private final String holder;
    private final Duration ttl;
    private final Clock clock;
    private final Listener listener;
    private final boolean always;
    private String lockId;
    private Instant lastRenew;
    private Instant nextAttempt = Instant.MIN;
    private String lastError = "";

    private Leadership(
            NomadClient client,
            String namespace,
            String holder,
            Duration ttl,
            Clock clock,
            Listener listener,
            boolean always) {
        this.client = client;
        this.namespace = namespace;
        this.holder = holder;
        this.ttl = ttl;
        this.clock = clock;
        this.listener = listener;
        this.always = always;
    }

    /**
     * Leadership through the lock.
     *
     * @param holder this replica's name, stored in the lock variable's items
     * @param ttl the lock TTL (Nomad: 10 s to 24 h)
     */
    public static Leadership lock(
            NomadClient client, String namespace, String holder, Duration ttl, Clock clock, Listener listener) {
        Objects.requireNonNull(client, "client");
        if (ttl.compareTo(Duration.ofSeconds(10)) < 0 || ttl.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("lock TTL must be between 10s and 24h (Nomad's limits), got " + ttl);
        }
        return new Leadership(client, namespace, holder, ttl, clock, listener == null ? b -> {} : listener, false);
    }

    /** A single replica without a lock (dry runs, {@code --once}): always the leader. */
    public static Leadership standalone() {
        return new Leadership(null, null, "standalone", Duration.ofSeconds(15), Clock.systemUTC(), b -> {}, true);
    }

    public synchronized boolean isLeader() {
        return always || lockId != null;
    }

    /** Why the last acquire or renew failed, or empty. */
    public synchronized String lastError() {
        return lastError;
    }

    /**
     * Acquires or renews as due and returns whether this replica leads now.
     *
     * @return true while holding the lock
     */
    public synchronized boolean tick() {
        if (always) {
            return true;
        }
        Instant now = clock.instant();
        if (lockId != null) {
            if (!now.isBefore(lastRenew.plus(ttl.multipliedBy(7).dividedBy(10)))) {
                try {
                    client.renewLock(namespace, VariablePaths.LEADER, lockId);
                    lastRenew = now;
                } catch (NomadApiException e) {
                    stepDown("renew failed: " + e.getMessage(), now);
                }
            }
            return lockId != null;
        }
        if (now.isBefore(nextAttempt)) {
            return false;
        }
        try {
            Variable v = client.acquireLock(namespace, VariablePaths.LEADER, ttl, ttl, Map.of("holder", holder));
            lockId = v.lock().id();
            lastRenew = now;
            lastError = "";
            listener.accept(true);
        } catch (NomadApiException e) {
            lastError = e.isConflict() ? "another replica holds " + VariablePaths.LEADER : e.getMessage();
            nextAttempt = now.plus(ttl.multipliedBy(11).dividedBy(10));
        }
        return lockId != null;
    }

    /** Whether the last renew is so old that Nomad may have let the lock lapse; then act no more. */
    public synchronized boolean safeToAct() {
        if (always) {
            return true;
        }
        return lockId != null && clock.instant().isBefore(lastRenew.plus(ttl));
    }

    private void stepDown(String why, Instant now) {
        lockId = null;
        lastError = why;
        nextAttempt = now.plus(ttl.multipliedBy(11).dividedBy(10));
        listener.accept(false);
    }

    /** Releases the lock if held (on shutdown), ignoring failures: Nomad expires it anyway. */
    public synchronized void release() {
        if (always || lockId == null) {
            return;
        }
        try {
            client.releaseLock(namespace, VariablePaths.LEADER, lockId);
        } catch (NomadApiException e) {
            lastError = "release failed: " + e.getMessage();
        }
        lockId = null;
        listener.accept(false);
    }

    public String holder() {
        return holder;
    }
}
