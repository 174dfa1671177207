package io.prescale.core.tune;

/**
 * The world the tuning agent acts in, step by step over a load profile.
 *
 * @param forecastSteps how many future steps of load the agent sees (the forecast, with noise)
 * @param forecastNoise relative standard deviation of the forecast's multiplicative noise
 * @param startupSteps steps before a launched instance serves (instance start-up delay)
 * @param restartShare share of the instances down during the step in which a restart-requiring change rolls out
 * @param episodeSteps steps of a training episode (a window of a profile)
 * @param violationPenalty reward lost per step that violates the SLO, in units of the dearest action's cost
 * @param switchCost reward lost per change of configuration, same units
 */
public record EnvironmentOptions(
        int forecastSteps,
        double forecastNoise,
        int startupSteps,
        double restartShare,
        int episodeSteps,
        double violationPenalty,
        double switchCost) {
    public EnvironmentOptions {
        if (forecastSteps < 1 || startupSteps < 0 || episodeSteps < 2) {
            throw new IllegalArgumentException(
                    "environment needs forecastSteps ≥ 1, startupSteps ≥ 0 and episodeSteps ≥ 2, got " + forecastSteps
                            + ", " + startupSteps + ", " + episodeSteps);
        }
        if (!(forecastNoise >= 0)
                || !(restartShare >= 0 && restartShare <= 1)
                || !(violationPenalty >= 0)
                || !(switchCost >= 0)) {
            throw new IllegalArgumentException(
                    "environment forecastNoise, violationPenalty, switchCost must be ≥ 0 and restartShare in [0, 1]");
        }
    }

    /** 3 forecast steps with 5 % noise, 1 step start-up, half the instances down in a restart, 48-step episodes,
     *  penalty 1.5, switching cost 0.02. */
    public static EnvironmentOptions defaults() {
        return new EnvironmentOptions(3, 0.05, 1, 0.5, 48, 1.5, 0.02);
    }
}
