package io.prescale.core.tune;

/** Runs one real load test of a configuration at a constant open-model load. */
public interface TrialRunner {
    /**
     * Deploys {@code config}, offers {@code loadRps} and measures.
     *
     * @throws StagingException when the target or the load test fails
     */
    Measurement run(int trial, String phase, Configuration config, double loadRps);
}
