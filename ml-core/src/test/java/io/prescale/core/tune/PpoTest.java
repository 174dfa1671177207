package io.prescale.core.tune;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PpoTest {
    /**
     * Each step shows a load level 0–4 (one-hot); action a holds levels ≤ a and costs 0.25·a, a level above a costs 2. The
     * optimum is a = level: the cheapest action that holds.
     */
    static final class Levels implements Environment {
        private SplittableRandom random;
        private int level;
        private int t;

        @Override
        public int observationSize() {
            return 5;
        }

        @Override
        public int actions() {
            return 5;
        }

        @Override
        public double[] reset(SplittableRandom r) {
            random = r.split();
            t = 0;
            level = random.nextInt(5);
            return observation();
        }

        @Override
        public Step step(int action) {
            double reward = -0.25 * action - (action < level ? 2 : 0);
            t++;
            level = random.nextInt(5);
            return new Step(observation(), reward, t >= 16);
        }

        private double[] observation() {
            return oneHot(level);
        }
    }

    static double[] oneHot(int level) {
        double[] x = new double[5];
        x[level] = 1;
        return x;
    }

    @Test
    void findsTheCheapestActionThatHoldsEveryLevel() {
        // a contextual bandit: no credit to assign over time, so γ = 0; a larger step and more epochs per batch
        PpoOptions options = PpoOptions.defaults()
                .withIterations(20)
                .withGamma(0)
                .withLearningRate(1e-2)
                .withEpochs(6)
                .withSeed(7);
        Ppo.Result result = Ppo.train(i -> new Levels(), options, null);
        for (int level = 0; level < 5; level++) {
            assertThat(result.policy().act(oneHot(level))).as("level " + level).isEqualTo(level);
        }
        assertThat(result.curve().get(result.curve().size() - 1).meanEpisodeReward())
                .isGreaterThan(result.curve().get(0).meanEpisodeReward());
    }

    @Test
    void isReproducibleFromItsSeed() {
        PpoOptions options = PpoOptions.defaults().withIterations(2).withSeed(3);
        Ppo.Result a = Ppo.train(i -> new Levels(), options, null);
        Ppo.Result b = Ppo.train(i -> new Levels(), options, null);
        assertThat(a.curve()).isEqualTo(b.curve());
    }
}
