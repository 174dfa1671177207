package io.prescale.contract.document;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.prescale.contract.summary.Figure;
import java.util.List;
import java.util.Map;

/**
 * {@code tune}: the learned policy against the baselines at the same budget of real load tests, the capacity
 * model's validation error, the re-measured bands, and the policy file written with its digest. Costs are per
 * hour in the space's cost unit; shares are fractions.
 *
 * @param regretVsOptimum the learned policy's cost per hour ÷ the per-band grid optimum's
 * @param episodeCostVsStaticOptimum PPO's whole-episode cost ÷ the static per-band optimum's
 * @param validation per band: the capacity model's prediction against the real load test
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TuneDocument(
        String command,
        int schemaVersion,
        String prescaleVersion,
        Long seed,
        String target,
        Long budget,
        Strategy ppo,
        Strategy gridOptimum,
        Strategy bayesOpt,
        Strategy random,
        Double regretVsOptimum,
        Double episodeCostVsStaticOptimum,
        CapacityModel capacityModel,
        List<BandValidation> validation,
        Long loadTests,
        Double wallSeconds,
        String policyFile,
        String policyDigest,
        String measurementsFile,
        String plotFile)
        implements CommandDocument {
    public TuneDocument {
        validation = validation == null ? List.of() : List.copyOf(validation);
    }

    /**
     * One strategy's outcome: cost per hour (null when no configuration held the SLO), share of SLO-violating
     * steps, real load tests used, and the configuration it chose (knob → value), or null.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Strategy(Double costPerHour, Double sloViolationShare, Long loadTests, Map<String, Object> config) {}

    /**
     * The capacity model chosen and its cross-validated error: p99 (median absolute relative error) and error
     * rate, over {@code folds} folds.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CapacityModel(String model, Double p99ErrorShare, Double errorRateError, Integer folds) {}

    /**
     * One band re-measured at {@code loadRps} with its configuration: predicted and measured p99 (ms) and error
     * rate (fraction).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BandValidation(
            Integer band,
            Double loadRps,
            Map<String, Object> config,
            Double predictedP99Ms,
            Double measuredP99Ms,
            Double predictedErrorRate,
            Double measuredErrorRate) {}

    @Override
    public List<String> writtenFiles() {
        List<String> files = new java.util.ArrayList<>();
        for (String file : new String[] {policyFile, measurementsFile, plotFile}) {
            if (file != null) {
                files.add(file);
            }
        }
        return List.copyOf(files);
    }

    @Override
    public List<Figure> figures() {
        Figures figures = new Figures().text("Staging target", target);
        cost(figures, "Learned policy (PPO)", ppo);
        cost(figures, "Per-band grid optimum", gridOptimum);
        cost(figures, "Bayesian optimisation", bayesOpt);
        cost(figures, "Random search", random);
        figures.number("Regret vs optimum", regretVsOptimum, null)
                .number("Episode cost vs static optimum", episodeCostVsStaticOptimum, null);
        if (capacityModel != null) {
            figures.share("Capacity model p99 error", capacityModel.p99ErrorShare())
                    .text("Capacity model", capacityModel.model());
        }
        return figures.number("Real load tests", loadTests == null ? null : loadTests.doubleValue(), null)
                .number("Wall time", wallSeconds, "s")
                .text("Policy digest", policyDigest)
                .list();
    }

    private static void cost(Figures figures, String label, Strategy strategy) {
        if (strategy != null && strategy.costPerHour() == null) {
            figures.text(label, "no configuration held the SLO");
        } else if (strategy != null) {
            String violations = strategy.sloViolationShare() == null
                    ? ""
                    : String.format(
                            java.util.Locale.ROOT,
                            ", SLO violated %.2f %% of steps",
                            100 * strategy.sloViolationShare());
            figures.text(label, Figures.format(strategy.costPerHour()) + " per hour" + violations);
        }
    }
}
