package io.prescale.grafana.report;

/** One agent's learning curve: mean episode reward (higher is better) after each number of episodes. */
public record TuningCurve(String agent, double[] episodes, double[] reward) {
    public TuningCurve {
        if (agent == null || agent.isBlank()) {
            throw new IllegalArgumentException("agent must not be blank");
        }
        if (episodes.length != reward.length || episodes.length == 0) {
            throw new IllegalArgumentException("episodes and reward must be non-empty and of equal length, got "
                    + episodes.length + " and " + reward.length);
        }
        episodes = episodes.clone();
        reward = reward.clone();
    }

    @Override
    public double[] episodes() {
        return episodes.clone();
    }

    @Override
    public double[] reward() {
        return reward.clone();
    }
}
