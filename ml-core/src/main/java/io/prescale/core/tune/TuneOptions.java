package io.prescale.core.tune;

import java.util.Objects;

/**
 * How a tuning run spends its budget and learns.
 *
 * @param budget real load tests in all (design, random search, Bayesian optimisation, validation)
 * @param bands load bands of the policy (the top one open)
 * @param peakRps scale the profiles so that their 99th percentile is this many requests/s; NaN keeps them as given
 * @param heldOutShare share of the profiles kept for evaluation (at least one; with one profile, its last quarter)
 * @param ppo PPO hyper-parameters (its seed is replaced by {@code seed})
 * @param environment the tuning world
 * @param maxVariants largest number of per-instance variants the agent chooses among
 * @param seed seed of the design, the searches, PPO and the evaluation
 * @param codeVersion the code version recorded in the policy's provenance
 */
public record TuneOptions(
        int budget,
        int bands,
        double peakRps,
        double heldOutShare,
        PpoOptions ppo,
        EnvironmentOptions environment,
        int maxVariants,
        long seed,
        String codeVersion) {
    public TuneOptions {
        if (budget < 1) {
            throw new IllegalArgumentException("budget must be ≥ 1, got " + budget);
        }
        if (bands < 1 || bands > 20) {
            throw new IllegalArgumentException("bands must be in 1..20, got " + bands);
        }
        if (!Double.isNaN(peakRps) && !(peakRps > 0 && Double.isFinite(peakRps))) {
            throw new IllegalArgumentException("peak must be > 0 requests/s, got " + peakRps);
        }
        if (!(heldOutShare > 0 && heldOutShare < 1)) {
            throw new IllegalArgumentException("heldOutShare must be in (0, 1), got " + heldOutShare);
        }
        Objects.requireNonNull(ppo, "ppo");
        Objects.requireNonNull(environment, "environment");
        if (maxVariants < 2) {
            throw new IllegalArgumentException("maxVariants must be ≥ 2, got " + maxVariants);
        }
        Objects.requireNonNull(codeVersion, "codeVersion");
    }

    /** Budget 40, 4 bands, profiles as given, a fifth held out, PPO and environment defaults, 12 variants, seed 1. */
    public static TuneOptions defaults() {
        return new TuneOptions(
                40, 4, Double.NaN, 0.2, PpoOptions.defaults(), EnvironmentOptions.defaults(), 12, 1, "unknown");
    }

    public TuneOptions withBudget(int value) {
        return new TuneOptions(value, bands, peakRps, heldOutShare, ppo, environment, maxVariants, seed, codeVersion);
    }

    public TuneOptions withBands(int value) {
        return new TuneOptions(budget, value, peakRps, heldOutShare, ppo, environment, maxVariants, seed, codeVersion);
    }

    public TuneOptions withPeakRps(double value) {
        return new TuneOptions(budget, bands, value, heldOutShare, ppo, environment, maxVariants, seed, codeVersion);
    }

    public TuneOptions withPpo(PpoOptions value) {
        return new TuneOptions(
                budget, bands, peakRps, heldOutShare, value, environment, maxVariants, seed, codeVersion);
    }

    public TuneOptions withSeed(long value) {
        return new TuneOptions(budget, bands, peakRps, heldOutShare, ppo, environment, maxVariants, value, codeVersion);
    }

    public TuneOptions withCodeVersion(String value) {
        return new TuneOptions(budget, bands, peakRps, heldOutShare, ppo, environment, maxVariants, seed, value);
    }

    /** Design tests for a space of {@code knobs} knobs: at least knobs + 2. */
    public static int minimumDesign(int knobs) {
        return knobs + 2;
    }

    /** The smallest budget for a space of {@code knobs} knobs: the design, two tests per search, and validation. */
    public int minimumBudget(int knobs) {
        return minimumDesign(knobs) + 4 + bands + 1;
    }
}
