package io.prescale.core.tune;

import io.prescale.core.scale.ScalingPolicy;
import java.util.List;
import java.util.Objects;

/**
 * Everything a tuning run produced: the policy, how it compares with the baselines, the capacity model's error,
 * the validation load tests, the learning curves and every measurement.
 *
 * @param policy the exported policy (its configurations from PPO)
 * @param ppo the learned policy's top band, validated by real load tests
 * @param gridOptimum the per-band grid optimum on the capacity model
 * @param bayesOpt Bayesian optimisation on real load tests at the sizing load
 * @param random random search on real load tests at the sizing load
 * @param regretVsOptimum band-policy cost per hour over the held-out profiles ÷ the grid optimum's − 1
 * @param episodeCostVsStaticOptimum PPO's episode cost ÷ the reactive per-band optimum's, held-out profiles
 * @param heldOut band policies and episodes on the held-out profiles
 * @param capacityModel the cross-validation of the capacity model
 * @param validation one per band: predicted and measured p99 and errors
 * @param ppoCurve PPO's learning curve
 * @param bayesCurve Bayesian optimisation's best objective after each trial
 * @param randomCurve random search's best objective after each trial
 * @param measurements every real load test, in order
 * @param sizingLoadRps the load the top band is sized for (and the searches test at)
 * @param wallSeconds the run's duration
 * @param learned the exported policy priced on the capacity model, for {@link PolicySimulation}
 * @param handWritten the hand-written capacity-only policy it is compared with (see {@link Tuner})
 */
public record TuneResult(
        ScalingPolicy policy,
        MethodResult ppo,
        MethodResult gridOptimum,
        MethodResult bayesOpt,
        MethodResult random,
        double regretVsOptimum,
        double episodeCostVsStaticOptimum,
        HeldOut heldOut,
        CapacityModel.CrossValidation capacityModel,
        List<BandValidation> validation,
        List<Ppo.CurvePoint> ppoCurve,
        List<Double> bayesCurve,
        List<Double> randomCurve,
        List<Measurement> measurements,
        double sizingLoadRps,
        double wallSeconds,
        PricedPolicy learned,
        PricedPolicy handWritten) {
    public TuneResult {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(learned, "learned");
        Objects.requireNonNull(handWritten, "handWritten");
        validation = List.copyOf(validation);
        ppoCurve = List.copyOf(ppoCurve);
        bayesCurve = List.copyOf(bayesCurve);
        randomCurve = List.copyOf(randomCurve);
        measurements = List.copyOf(measurements);
    }

    /**
     * The capacity model's error on the validation load tests (never used to fit it): the median of |predicted −
     * measured| / measured p99 over the bands' re-measurements that answered; NaN when none did.
     */
    public double validationP99ErrorShare() {
        double[] errors = validation.stream()
                .filter(v -> Double.isFinite(v.measuredP99Ms()) && v.measuredP99Ms() > 0)
                .mapToDouble(v -> Math.abs(v.predictedP99Ms() - v.measuredP99Ms()) / v.measuredP99Ms())
                .sorted()
                .toArray();
        if (errors.length == 0) {
            return Double.NaN;
        }
        int n = errors.length;
        return n % 2 == 1 ? errors[n / 2] : (errors[n / 2 - 1] + errors[n / 2]) / 2;
    }

    /** The 99th percentile of the training profiles, requests/s (the top of the policy's closed bands). */
    public double profilesP99Rps() {
        return policy.provenance().path("profiles").path("p99Rps").asDouble(sizingLoadRps);
    }

    /**
     * What one method settled on for the sizing load.
     *
     * @param config its configuration (null when it found none that holds the SLO)
     * @param costPerHour cost per hour of that configuration (NaN when none)
     * @param sloViolationShare share of its chosen configurations' real load tests that violated the SLO
     * @param loadTests real load tests the method used
     */
    public record MethodResult(Configuration config, double costPerHour, double sloViolationShare, int loadTests) {}

    /**
     * Held-out evaluation on the capacity model.
     *
     * @param profiles held-out profiles
     * @param ppoPolicyCostPerHour mean cost per hour of the exported policy's band configurations
     * @param gridPolicyCostPerHour the same for the grid optimum's bands
     * @param ppoPolicyViolationShare steps whose load the exported band's configuration does not hold
     * @param ppoEpisodeCost PPO acting step by step (forecast, start-up delay, switching costs), summed cost
     * @param staticEpisodeCost the reactive per-band optimum in the same episodes
     * @param ppoEpisodeViolationShare violating steps of PPO's episodes
     * @param staticEpisodeViolationShare violating steps of the static optimum's episodes
     */
    public record HeldOut(
            int profiles,
            double ppoPolicyCostPerHour,
            double gridPolicyCostPerHour,
            double ppoPolicyViolationShare,
            double ppoEpisodeCost,
            double staticEpisodeCost,
            double ppoEpisodeViolationShare,
            double staticEpisodeViolationShare) {}

    /**
     * A band's configuration re-measured by a real load test at the band's sizing load.
     *
     * @param band band index
     * @param loadRps the sizing load
     * @param config the band's configuration
     * @param predictedP99Ms the capacity model's p99
     * @param measuredP99Ms the load test's p99
     * @param predictedErrorRate the model's error rate
     * @param measuredErrorRate the load test's error rate
     */
    public record BandValidation(
            int band,
            double loadRps,
            Configuration config,
            double predictedP99Ms,
            double measuredP99Ms,
            double predictedErrorRate,
            double measuredErrorRate) {}
}
