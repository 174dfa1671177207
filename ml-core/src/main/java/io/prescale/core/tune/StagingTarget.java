package io.prescale.core.tune;

/**
 * A staging deployment that a tuner can reconfigure: apply a configuration and wait until every instance is
 * healthy, say where the instances listen, and tear everything down. Implementations: {@code local} (reference
 * service processes on 127.0.0.1) and {@code nomad:JOB/GROUP} (a staging job through the Nomad API). Not
 * thread-safe: one configuration at a time.
 */
public interface StagingTarget extends AutoCloseable {
    /** How the target was named, e.g. {@code local} or {@code nomad:web/api}. */
    String name();

    /**
     * Runs {@code config} (replacing what ran before) and returns when all its instances are healthy.
     *
     * @throws StagingException when the target cannot run it or an instance dies or never becomes healthy
     */
    Deployment apply(Configuration config);

    /**
     * Checks that every instance of the running configuration is still alive.
     *
     * @throws StagingException naming the instance that died
     */
    void verify();

    /** Stops everything this target started; safe to call more than once. */
    void tearDown();

    @Override
    default void close() {
        tearDown();
    }

    /**
     * A running configuration.
     *
     * @param config what runs
     * @param addresses one base URL per healthy instance, e.g. {@code http://127.0.0.1:41234/}
     */
    record Deployment(Configuration config, java.util.List<String> addresses) {
        public Deployment {
            addresses = java.util.List.copyOf(addresses);
            if (addresses.isEmpty()) {
                throw new IllegalArgumentException("a deployment needs at least one address");
            }
        }
    }
}
