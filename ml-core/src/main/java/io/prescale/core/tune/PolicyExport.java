package io.prescale.core.tune;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.core.scale.ScalingBand;
import io.prescale.core.scale.ScalingPolicy;
import io.prescale.core.series.LoadProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Turns the learned PPO policy into load bands: {@code bands} bands of equal width up to the 99th percentile of the
 * training loads, the top one open. Each band's configuration is PPO's greedy choice in the steady state at the
 * band's sizing load (its upper edge; the largest training load for the top band), iterated to a fixed point of
 * "running what it chose"; there, the cheapest of the policy's most probable actions (90 % of its probability mass)
 * that holds the load on the capacity model is taken ({@code ppo}, or {@code ppo-cheapest-probable} when that is not
 * the greedy one); when none of them holds, the next most probable action that does ({@code ppo-next-holding}).
 * Also evaluates the bands and the step-by-step agent on
 * the held-out profiles against the per-band grid optimum.
 */
final class PolicyExport {
    private final ConfigSpace space;
    private final Profiles data;
    private final TuneOptions options;
    private final double[] edges;
    private final double[] sizingLoads;
    private final List<Configuration> configs = new ArrayList<>();
    private final List<String> sources = new ArrayList<>();
    private final List<Configuration> gridConfigs = new ArrayList<>();
    private final List<Prediction> predictions = new ArrayList<>();
    private TuneResult.HeldOut heldOut;

    private PolicyExport(ConfigSpace space, Profiles data, TuneOptions options) {
        this.space = space;
        this.data = data;
        this.options = options;
        int bands = options.bands();
        edges = new double[bands + 1];
        sizingLoads = new double[bands];
        for (int k = 0; k <= bands; k++) {
            edges[k] = k == bands ? Double.POSITIVE_INFINITY : data.p99() * k / bands;
        }
        for (int k = 0; k < bands; k++) {
            sizingLoads[k] = k == bands - 1 ? data.sizing() : edges[k + 1];
        }
    }

    static PolicyExport of(
            ConfigSpace space,
            CapacityModel model,
            ActionSet actions,
            PpoPolicy policy,
            Profiles data,
            TuneOptions options,
            List<Configuration> grid) {
        PolicyExport export = new PolicyExport(space, data, options);
        TuningEnvironment env = new TuningEnvironment(data.train(), actions, options.environment(), data.sizing());
        Configuration fallback = GridOptimum.cheapest(space, model, grid, data.sizing());
        int[] bandActions = new int[options.bands()];
        for (int k = 0; k < options.bands(); k++) {
            double load = export.sizingLoads[k];
            int current = actions.cheapestHolding(Double.POSITIVE_INFINITY);
            double[] observation = env.steady(load, current);
            for (int i = 0; i < 5; i++) {
                current = policy.act(observation);
                observation = env.steady(load, current);
            }
            String source = "ppo";
            int chosen = cheapestProbable(space, actions, policy, observation, load);
            if (chosen < 0) {
                chosen = current;
            } else if (chosen != current) {
                source = "ppo-cheapest-probable";
            }
            if (actions.capacity(actions.variant(chosen), actions.count(chosen)) < load) {
                chosen = -1;
                source = "ppo-next-holding";
                for (int a : policy.ranked(observation)) {
                    if (actions.capacity(actions.variant(a), actions.count(a)) >= load) {
                        chosen = a;
                        break;
                    }
                }
            }
            Configuration config = chosen >= 0 ? actions.config(chosen) : fallback;
            export.configs.add(config);
            export.sources.add(chosen >= 0 ? source : "grid-fallback");
            export.predictions.add(model.predict(config, load));
            Configuration gridBest = GridOptimum.cheapest(space, model, grid, load);
            export.gridConfigs.add(gridBest == null ? fallback : gridBest);
            bandActions[k] = actions.cheapestHolding(load);
        }
        export.heldOut = export.evaluate(model, env, policy, bandActions);
        return export;
    }

    /**
     * The cheapest action that holds {@code load} on the capacity model among the policy's most probable actions
     * (by decreasing probability until their probabilities sum to {@link #PROBABLE_MASS}), or −1 when none of them
     * holds. Decoding a stochastic policy by its greedy action alone throws away what the agent learned about
     * near-ties; restricting the choice to the probable actions keeps it the agent's.
     */
    static int cheapestProbable(
            ConfigSpace space, ActionSet actions, PpoPolicy policy, double[] observation, double load) {
        double[] logits = policy.logits(observation);
        double max = java.util.Arrays.stream(logits).max().orElse(0);
        double sum = 0;
        for (double l : logits) {
            sum += Math.exp(l - max);
        }
        double mass = 0;
        int best = -1;
        for (int a : policy.ranked(observation)) {
            if (mass >= PROBABLE_MASS) {
                break;
            }
            mass += Math.exp(logits[a] - max) / sum;
            boolean holds = actions.capacity(actions.variant(a), actions.count(a)) >= load;
            if (holds && (best < 0 || space.costPerHour(actions.config(a)) < space.costPerHour(actions.config(best)))) {
                best = a;
            }
        }
        return best;
    }

    /** The probability mass of the actions a band's configuration is chosen among. */
    static final double PROBABLE_MASS = 0.9;

    List<Configuration> configs() {
        return List.copyOf(configs);
    }

    List<Configuration> gridConfigs() {
        return List.copyOf(gridConfigs);
    }

    double[] sizingLoads() {
        return sizingLoads.clone();
    }

    TuneResult.HeldOut heldOut() {
        return heldOut;
    }

    private int band(double load) {
        for (int k = 0; k < sizingLoads.length; k++) {
            if (load < edges[k + 1]) {
                return k;
            }
        }
        return sizingLoads.length - 1;
    }

    private TuneResult.HeldOut evaluate(
            CapacityModel model, TuningEnvironment env, PpoPolicy policy, int[] bandActions) {
        double ppoCost = 0;
        double gridCost = 0;
        int violations = 0;
        int steps = 0;
        double ppoEpisode = 0;
        double staticEpisode = 0;
        int ppoViolations = 0;
        int staticViolations = 0;
        int episodeSteps = 0;
        ToIntFunction<double[]> reactive = observation -> bandActions[band(observation[0] * data.sizing())];
        for (int p = 0; p < data.heldOut().size(); p++) {
            double[] profile = data.heldOut().get(p);
            for (double load : profile) {
                int k = band(load);
                ppoCost += space.costPerHour(configs.get(k));
                gridCost += space.costPerHour(gridConfigs.get(k));
                violations += model.holds(configs.get(k), load) ? 0 : 1;
                steps++;
            }
            long seed = options.seed() * 31 + p;
            TuningEnvironment.Totals agent = env.evaluate(profile, policy::act, seed);
            TuningEnvironment.Totals fixed = env.evaluate(profile, reactive, seed);
            ppoEpisode += agent.episodeCost();
            staticEpisode += fixed.episodeCost();
            ppoViolations += agent.violations();
            staticViolations += fixed.violations();
            episodeSteps += agent.steps();
        }
        return new TuneResult.HeldOut(
                data.heldOut().size(),
                ppoCost / steps,
                gridCost / steps,
                violations / (double) steps,
                ppoEpisode,
                staticEpisode,
                ppoViolations / (double) episodeSteps,
                staticViolations / (double) episodeSteps);
    }

    /** The policy with its provenance. */
    ScalingPolicy policy(
            int loadTests,
            CapacityModel model,
            Ppo.Result learned,
            TuneResult.HeldOut held,
            List<TuneResult.BandValidation> validations,
            double wallSeconds,
            Searches searches) {
        List<ScalingBand> bands = new ArrayList<>();
        for (int k = 0; k < configs.size(); k++) {
            boolean restart = k > 0 && space.restartBetween(configs.get(k - 1), configs.get(k));
            bands.add(new ScalingBand(
                    edges[k],
                    edges[k + 1],
                    LoadProfile.UNIT,
                    space.policyConfig(configs.get(k)),
                    restart,
                    finite(predictions.get(k).p99Ms()),
                    space.costPerHour(configs.get(k)),
                    null));
        }
        ObjectNode provenance = JsonNodeFactory.instance.objectNode();
        provenance.put("tool", "prescale tune");
        provenance.put("codeVersion", options.codeVersion());
        provenance.set("space", space.summary());
        ObjectNode profiles = provenance.putObject("profiles");
        profiles.put("train", data.train().size());
        profiles.put("heldOut", data.heldOut().size());
        profiles.put("scale", data.scale());
        profiles.put("p99Rps", data.p99());
        profiles.put("sizingRps", data.sizing());
        double[] all = data.train().stream().flatMapToDouble(Arrays::stream).toArray();
        profiles.put("minRps", Arrays.stream(all).min().orElse(0));
        profiles.put("maxRps", Arrays.stream(all).max().orElse(0));
        ObjectNode modelNode = provenance.putObject("capacityModel");
        modelNode.put("model", model.name());
        modelNode.put("folds", model.validation().folds());
        putNumber(modelNode, "p99ErrorShare", model.validation().best().p99ErrorShare());
        putNumber(modelNode, "errorRateError", model.validation().best().errorRateError());
        ObjectNode learner = provenance.putObject("learner");
        learner.put("algorithm", "ppo");
        learner.put("iterations", options.ppo().iterations());
        learner.put(
                "steps",
                learned.curve().isEmpty()
                        ? 0
                        : learned.curve().get(learned.curve().size() - 1).steps());
        ArrayNode sourceNode = learner.putArray("bandSources");
        sources.forEach(sourceNode::add);
        provenance.putObject("seeds").put("seed", options.seed());
        ObjectNode metrics = provenance.putObject("metrics");
        putNumber(metrics, "regretVsOptimum", held.ppoPolicyCostPerHour() / held.gridPolicyCostPerHour() - 1);
        putNumber(metrics, "episodeCostVsStaticOptimum", held.ppoEpisodeCost() / held.staticEpisodeCost());
        putNumber(metrics, "heldOutViolationShare", held.ppoPolicyViolationShare());
        metrics.put("loadTests", loadTests);
        ArrayNode validation = provenance.putArray("validation");
        for (TuneResult.BandValidation v : validations) {
            ObjectNode node = validation.addObject();
            node.put("band", v.band());
            node.put("loadRps", v.loadRps());
            putNumber(node, "predictedP99Ms", v.predictedP99Ms());
            putNumber(node, "measuredP99Ms", v.measuredP99Ms());
            putNumber(node, "predictedErrorRate", v.predictedErrorRate());
            putNumber(node, "measuredErrorRate", v.measuredErrorRate());
        }
        return new ScalingPolicy(ScalingPolicy.SCHEMA_VERSION, space.name() + "-tuned", bands, provenance, null);
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static void putNumber(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }
}
