package io.prescale.core.tune;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;

/**
 * The tuning world: a load profile is replayed step by step; before each step the agent sees the last observed
 * load, a noisy forecast of the next steps, and its running configuration, and picks the configuration for the
 * step. Launched instances serve from {@code startupSteps} later; a restart-requiring change takes
 * {@code restartShare} of the ready instances down for the step. A step violates the SLO when its load exceeds what
 * the ready instances hold on the capacity model. Reward = −cost / dearest cost − penalty × violation − switching
 * cost × change. Observation: last load, forecast (both ÷ peak), count ÷ max count, per-instance capacity ÷ the
 * largest, ready ÷ max count, ready capacity ÷ peak.
 */
final class TuningEnvironment implements Environment {
    private final List<double[]> profiles;
    private final ActionSet actions;
    private final EnvironmentOptions options;
    private final double peak;
    private double[] load;
    private double[] noise;
    private int t;
    private int end;
    private int action;
    private final Deque<int[]> pending = new ArrayDeque<>(); // {readyAt, instances}
    private int ready;
    private Totals totals;

    TuningEnvironment(List<double[]> profiles, ActionSet actions, EnvironmentOptions options, double peak) {
        this.profiles = List.copyOf(profiles);
        this.actions = actions;
        this.options = options;
        this.peak = peak;
    }

    /**
     * What an episode cost.
     *
     * @param steps steps scored
     * @param costPerHour mean cost per hour of the configurations run (starting instances included)
     * @param violations steps whose load exceeded what the ready instances held
     * @param switches configuration changes
     * @param episodeCost −(sum of rewards): cost, penalties and switching together
     */
    record Totals(int steps, double costPerHour, int violations, int switches, double episodeCost) {}

    @Override
    public int observationSize() {
        return 1 + options.forecastSteps() + 4;
    }

    @Override
    public int actions() {
        return actions.size();
    }

    @Override
    public double[] reset(SplittableRandom random) {
        double[] profile = profiles.get(random.nextInt(profiles.size()));
        int length = Math.min(profile.length - 1, options.episodeSteps());
        int start = profile.length - 1 > length ? random.nextInt(profile.length - 1 - length) : 0;
        begin(profile, start, start + 1 + length, random);
        return observation();
    }

    /** Runs {@code policy} (observation → action) over the whole of {@code profile}; forecast noise from {@code seed}. */
    Totals evaluate(double[] profile, ToIntFunction<double[]> policy, long seed) {
        begin(profile, 0, profile.length, new SplittableRandom(seed));
        double[] observation = observation();
        boolean done = false;
        while (!done) {
            Step step = step(policy.applyAsInt(observation));
            observation = step.observation();
            done = step.done();
        }
        return totals;
    }

    private void begin(double[] profile, int start, int stop, SplittableRandom random) {
        load = profile;
        noise = new double[profile.length];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = 1 + options.forecastNoise() * gaussian(random);
        }
        t = start + 1;
        end = stop;
        action = actions.cheapestHolding(profile[start]);
        ready = actions.count(action);
        pending.clear();
        totals = new Totals(0, 0, 0, 0, 0);
    }

    @Override
    public Step step(int next) {
        int variant = actions.variant(action);
        int nextVariant = actions.variant(next);
        int count = actions.count(action);
        int nextCount = actions.count(next);
        boolean restart = actions.restart(variant, nextVariant);
        if (nextCount > count) {
            pending.addLast(new int[] {t + options.startupSteps(), nextCount - count});
        } else if (nextCount < count) {
            int remove = count - nextCount;
            while (remove > 0 && !pending.isEmpty()) {
                int[] youngest = pending.peekLast();
                int take = Math.min(remove, youngest[1]);
                youngest[1] -= take;
                remove -= take;
                if (youngest[1] == 0) {
                    pending.removeLast();
                }
            }
            ready -= remove;
        }
        while (!pending.isEmpty() && pending.peekFirst()[0] <= t) {
            ready += pending.removeFirst()[1];
        }
        double serving = restart ? ready - Math.ceil(ready * options.restartShare()) : ready;
        boolean violates = load[t] > actions.capacity(nextVariant, serving) * (1 + 1e-9);
        boolean changed = next != action;
        double cost = actions.cost(next);
        double reward = -cost / actions.maxCost()
                - (violates ? options.violationPenalty() : 0)
                - (changed ? options.switchCost() : 0);
        totals = new Totals(
                totals.steps() + 1,
                (totals.costPerHour() * totals.steps() + cost) / (totals.steps() + 1),
                totals.violations() + (violates ? 1 : 0),
                totals.switches() + (changed ? 1 : 0),
                totals.episodeCost() - reward);
        action = next;
        t++;
        boolean done = t >= end;
        return new Step(done ? new double[observationSize()] : observation(), reward, done);
    }

    /** The observation of a steady state: load and forecast all {@code load}, {@code current} running and ready. */
    double[] steady(double steadyLoad, int current) {
        double[] x = new double[observationSize()];
        for (int i = 0; i <= options.forecastSteps(); i++) {
            x[i] = steadyLoad / peak;
        }
        fill(x, current, actions.count(current));
        return x;
    }

    private double[] observation() {
        double[] x = new double[observationSize()];
        x[0] = load[t - 1] / peak;
        for (int h = 0; h < options.forecastSteps(); h++) {
            int i = Math.min(load.length - 1, t + h);
            x[1 + h] = load[i] * noise[i] / peak;
        }
        fill(x, action, ready);
        return x;
    }

    private void fill(double[] x, int current, int readyNow) {
        int base = 1 + options.forecastSteps();
        int variant = actions.variant(current);
        x[base] = actions.count(current) / (double) actions.maxCount();
        x[base + 1] = actions.capacityPerInstance(variant) / actions.maxCapacityPerInstance();
        x[base + 2] = readyNow / (double) actions.maxCount();
        x[base + 3] = actions.capacity(variant, readyNow) / peak;
    }

    private static double gaussian(SplittableRandom random) {
        double u = Math.max(1e-12, random.nextDouble());
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
