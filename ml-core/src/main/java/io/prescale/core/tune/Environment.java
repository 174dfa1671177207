package io.prescale.core.tune;

import java.util.SplittableRandom;

/**
 * An episodic decision problem with a discrete action set, as {@link Ppo} learns it. Not thread-safe: one
 * episode at a time per instance.
 */
public interface Environment {
    /** Length of every observation vector. */
    int observationSize();

    /** Number of actions; actions are 0 … actions() − 1. */
    int actions();

    /** Starts an episode drawn with {@code random}; returns the first observation. */
    double[] reset(SplittableRandom random);

    /** Takes {@code action}; the observation after it, the reward, and whether the episode ended. */
    Step step(int action);

    /**
     * The outcome of one step.
     *
     * @param observation what the agent sees next (meaningless once {@code done})
     * @param reward the step's reward
     * @param done whether the episode ended with this step
     */
    record Step(double[] observation, double reward, boolean done) {}
}
