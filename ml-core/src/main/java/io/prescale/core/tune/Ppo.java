package io.prescale.core.tune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import io.prescale.core.nn.DeepLearning;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Proximal policy optimisation (Schulman, Wolski, Dhariwal, Radford, Klimov, arXiv:1707.06347, 2017) on DJL: an
 * actor (tanh MLP → action logits) and a critic (tanh MLP → state value), the clipped surrogate objective, generalised
 * advantage estimation (Schulman, Moritz, Levine, Jordan, Abbeel, ICLR 2016) and an entropy bonus, trained with Adam
 * on batches of parallel episodes. Actions are sampled with a seeded Java generator and the networks are initialised
 * after seeding PyTorch, so a run is reproducible from {@link PpoOptions#seed()} (on one thread count).
 */
public final class Ppo {
    private Ppo() {}

    /**
     * One point of the learning curve.
     *
     * @param steps environment steps taken so far
     * @param meanEpisodeReward mean total reward of the episodes of this iteration
     */
    public record CurvePoint(long steps, double meanEpisodeReward) {}

    /**
     * A trained policy and how it learned.
     *
     * @param policy the actor
     * @param curve one point per iteration
     */
    public record Result(PpoPolicy policy, List<CurvePoint> curve) {
        public Result {
            Objects.requireNonNull(policy, "policy");
            curve = List.copyOf(curve);
        }
    }

    /**
     * Trains on {@code options.episodesPerIteration()} environments made by {@code environments} (index → a fresh
     * environment); {@code progress} hears one line per tenth of the iterations.
     */
    public static Result train(IntFunction<Environment> environments, PpoOptions options, Consumer<String> progress) {
        int n = options.episodesPerIteration();
        List<Environment> envs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            envs.add(environments.apply(i));
        }
        int obs = envs.get(0).observationSize();
        int actions = envs.get(0).actions();
        SplittableRandom random = new SplittableRandom(options.seed());
        DeepLearning.seed(options.seed());
        List<CurvePoint> curve = new ArrayList<>();
        try (NDManager manager = DeepLearning.newManager()) {
            SequentialBlock actor = mlp(options.hidden(), actions);
            SequentialBlock critic = mlp(options.hidden(), 1);
            actor.initialize(manager, DataType.FLOAT32, new Shape(1, obs));
            critic.initialize(manager, DataType.FLOAT32, new Shape(1, obs));
            List<Parameter> parameters = new ArrayList<>();
            for (SequentialBlock block : List.of(actor, critic)) {
                for (Pair<String, Parameter> p : block.getParameters()) {
                    p.getValue().getArray().setRequiresGradient(true);
                    parameters.add(p.getValue());
                }
            }
            Optimizer adam = Optimizer.adam()
                    .optLearningRateTracker(Tracker.fixed((float) options.learningRate()))
                    .build();
            ParameterStore store = new ParameterStore(manager, false);
            long steps = 0;
            for (int iteration = 0; iteration < options.iterations(); iteration++) {
                Rollout rollout = rollout(envs, actor, critic, random, obs, options.hidden(), actions);
                steps += rollout.size();
                curve.add(new CurvePoint(steps, rollout.meanEpisodeReward()));
                double entropy = options.entropy() * (1 - 0.9 * iteration / Math.max(1.0, options.iterations() - 1));
                update(rollout, actor, critic, store, manager, adam, parameters, options, entropy, actions, random);
                if (progress != null && (iteration + 1) % Math.max(1, options.iterations() / 10) == 0) {
                    progress.accept(String.format(
                            "ppo: iteration %d of %d, %d steps, mean episode reward %.3f",
                            iteration + 1, options.iterations(), steps, rollout.meanEpisodeReward()));
                }
            }
            return new Result(copy(actor, obs, options.hidden(), actions), curve);
        }
    }

    private static SequentialBlock mlp(int hidden, int out) {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(hidden).build())
                .add(Activation::tanh)
                .add(Linear.builder().setUnits(hidden).build())
                .add(Activation::tanh)
                .add(Linear.builder().setUnits(out).build());
    }

    private static Rollout rollout(
            List<Environment> envs,
            SequentialBlock actor,
            SequentialBlock critic,
            SplittableRandom random,
            int obs,
            int hidden,
            int actions) {
        // tiny networks: a forward pass in Java is far cheaper than a round of native calls per step
        PpoPolicy actorCopy = copy(actor, obs, hidden, actions);
        PpoPolicy criticCopy = copy(critic, obs, hidden, 1);
        Rollout out = new Rollout(obs);
        int n = envs.size();
        double sum = 0;
        List<List<Integer>> episodes = new ArrayList<>();
        for (Environment env : envs) {
            List<Integer> indices = new ArrayList<>();
            double[] current = env.reset(random);
            boolean done = false;
            while (!done) {
                double[] logits = actorCopy.logits(current);
                double[] probabilities = softmax(logits);
                int action = sample(probabilities, random);
                double value = criticCopy.logits(current)[0];
                Environment.Step result = env.step(action);
                indices.add(out.add(
                        toFloat(current),
                        action,
                        (float) Math.log(Math.max(1e-12, probabilities[action])),
                        (float) value,
                        result.reward(),
                        result.done()));
                sum += result.reward();
                current = result.observation();
                done = result.done();
            }
            episodes.add(indices);
        }
        out.episodes = episodes;
        out.meanReward = sum / n;
        return out;
    }

    private static void update(
            Rollout rollout,
            SequentialBlock actor,
            SequentialBlock critic,
            ParameterStore store,
            NDManager manager,
            Optimizer adam,
            List<Parameter> parameters,
            PpoOptions options,
            double entropyWeight,
            int actions,
            SplittableRandom random) {
        int size = rollout.size();
        float[] advantages = new float[size];
        float[] returns = new float[size];
        for (List<Integer> episode : rollout.episodes) {
            double gae = 0;
            for (int k = episode.size() - 1; k >= 0; k--) {
                int i = episode.get(k);
                double nextValue = k + 1 < episode.size() ? rollout.values.get(episode.get(k + 1)) : 0;
                double delta = rollout.rewards.get(i) + options.gamma() * nextValue - rollout.values.get(i);
                gae = delta + options.gamma() * options.lambda() * gae;
                advantages[i] = (float) gae;
                returns[i] = (float) (gae + rollout.values.get(i));
            }
        }
        normalise(advantages);
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            shuffle(order, random);
            for (int start = 0; start < size; start += options.minibatch()) {
                int end = Math.min(size, start + options.minibatch());
                step(
                        rollout,
                        order,
                        start,
                        end,
                        advantages,
                        returns,
                        actor,
                        critic,
                        store,
                        manager,
                        adam,
                        parameters,
                        options,
                        entropyWeight,
                        actions);
            }
        }
    }

    private static void step(
            Rollout rollout,
            int[] order,
            int start,
            int end,
            float[] advantages,
            float[] returns,
            SequentialBlock actor,
            SequentialBlock critic,
            ParameterStore store,
            NDManager manager,
            Optimizer adam,
            List<Parameter> parameters,
            PpoOptions options,
            double entropyWeight,
            int actions) {
        int b = end - start;
        float[][] x = new float[b][];
        int[] chosen = new int[b];
        float[] oldLogp = new float[b];
        float[] adv = new float[b];
        float[] ret = new float[b];
        for (int j = 0; j < b; j++) {
            int i = order[start + j];
            x[j] = rollout.observations.get(i);
            chosen[j] = rollout.actions.get(i);
            oldLogp[j] = rollout.logProbabilities.get(i);
            adv[j] = advantages[i];
            ret[j] = returns[i];
        }
        try (NDManager temp = manager.newSubManager()) {
            NDArray input = temp.create(x);
            try (GradientCollector collector = DeepLearning.engine().newGradientCollector()) {
                NDArray logits = actor.forward(store, new NDList(input), true).singletonOrThrow();
                NDArray logpAll = logits.logSoftmax(1);
                NDArray logp = logpAll.mul(temp.create(chosen).oneHot(actions)).sum(new int[] {1});
                NDArray ratio = logp.sub(temp.create(oldLogp)).exp();
                NDArray a = temp.create(adv);
                NDArray surrogate = ratio.mul(a)
                        .minimum(ratio.clip(1 - options.clip(), 1 + options.clip())
                                .mul(a));
                NDArray value = critic.forward(store, new NDList(input), true)
                        .singletonOrThrow()
                        .reshape(b);
                NDArray valueLoss = value.sub(temp.create(ret)).square().mean();
                NDArray entropy =
                        logpAll.exp().mul(logpAll).sum(new int[] {1}).neg().mean();
                NDArray loss = surrogate
                        .mean()
                        .neg()
                        .add(valueLoss.mul(options.valueWeight()))
                        .sub(entropy.mul(entropyWeight));
                collector.backward(loss);
            }
            for (Parameter parameter : parameters) {
                NDArray weight = parameter.getArray();
                NDArray gradient = weight.getGradient();
                gradient.attach(temp);
                adam.update(parameter.getId(), weight, gradient);
                gradient.muli(0);
            }
        }
    }

    private static PpoPolicy copy(SequentialBlock actor, int obs, int hidden, int actions) {
        List<float[]> weights = new ArrayList<>();
        List<float[]> biases = new ArrayList<>();
        for (Pair<String, Parameter> p : actor.getParameters()) {
            float[] values = p.getValue().getArray().toFloatArray();
            if (p.getKey().endsWith("weight")) {
                weights.add(values);
            } else {
                biases.add(values);
            }
        }
        return new PpoPolicy(weights, biases, new int[] {obs, hidden, hidden, actions});
    }

    private static int sample(double[] probabilities, SplittableRandom random) {
        double u = random.nextDouble();
        double sum = 0;
        for (int a = 0; a < probabilities.length; a++) {
            sum += probabilities[a];
            if (u < sum) {
                return a;
            }
        }
        return probabilities.length - 1;
    }

    private static double[] softmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logits) {
            max = Math.max(max, v);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    private static void normalise(float[] values) {
        double mean = 0;
        for (float v : values) {
            mean += v;
        }
        mean /= Math.max(1, values.length);
        double var = 0;
        for (float v : values) {
            var += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(var / Math.max(1, values.length)) + 1e-8;
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((values[i] - mean) / sd);
        }
    }

    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int k = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[k];
            order[k] = t;
        }
    }

    private static float[] toFloat(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    /** The steps of one rollout, in the order taken. */
    private static final class Rollout {
        final List<float[]> observations = new ArrayList<>();
        final List<Integer> actions = new ArrayList<>();
        final List<Float> logProbabilities = new ArrayList<>();
        final List<Float> values = new ArrayList<>();
        final List<Double> rewards = new ArrayList<>();
        List<List<Integer>> episodes;
        double meanReward;

        Rollout(int obs) {}

        int add(float[] observation, int action, float logp, float value, double reward, boolean done) {
            observations.add(observation);
            actions.add(action);
            logProbabilities.add(logp);
            values.add(value);
            rewards.add(reward);
            return observations.size() - 1;
        }

        int size() {
            return observations.size();
        }

        double meanEpisodeReward() {
            return meanReward;
        }
    }
}
