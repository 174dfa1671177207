package io.prescale.core.tune;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CapacityModelTest {
    static final ConfigSpace SPACE = ConfigSpace.parse("""
            name: svc
            knobs:
              - {name: count, type: int, min: 1, max: 4, apply: count}
              - {name: cpus, type: int, min: 1, max: 4, apply: resources.cpu, role: cpus}
              - {name: threads, type: int, min: 4, max: 32, step: 4, apply: env, key: T, role: threads}
              - {name: cacheMb, type: int, min: 0, max: 64, step: 16, apply: env, key: C, role: cache-mb}
            cost: {perInstanceHour: 0.01, perCoreHour: 0.04}
            slo: {p99Ms: 100, errorRate: 0.01}
            """);

    /**
     * Synthetic queueing data: an M/M/1-like instance whose service time is 2 ms per request per core and whose
     * p99 is 10 ms × (1 + 3ρ/(1 − ρ)) below saturation, with 5 % multiplicative noise; overload sheds 1 − 1/ρ.
     */
    static List<Measurement> synthetic(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Measurement> out = new ArrayList<>();
        double[][] design = LatinHypercube.sample(n, 5, seed);
        for (int i = 0; i < n; i++) {
            Configuration config = SPACE.at(new double[] {design[i][0], design[i][1], design[i][2], design[i][3]});
            double load = 50 + 1500 * design[i][4];
            double perInstance = load / SPACE.count(config);
            double capacity = config.get("cpus") / 2.0 * 1000;
            double rho = perInstance / capacity;
            double p99 = rho < 0.98 ? 10 * (1 + 3 * rho / (1 - rho)) : 2000;
            double errors = rho < 1 ? 0 : 1 - 1 / rho;
            p99 *= 1 + 0.05 * (random.nextDouble() * 2 - 1);
            out.add(new Measurement(i, "design", config, load, p99, errors, load * (1 - errors), 1));
        }
        return out;
    }

    @Test
    void learnsSyntheticQueueingDataAndReportsItsCrossValidatedError() {
        CapacityModel model = CapacityModel.fit(SPACE, synthetic(40, 3), 1);
        assertThat(model.validation().scores())
                .extracting(CapacityModel.Score::model)
                .containsExactly("queueing", "queueing-erlang-c", "tribuo-random-forest");
        assertThat(model.validation().folds()).isEqualTo(5);
        assertThat(model.validation().best().p99ErrorShare()).isLessThan(0.5);
        // more capacity never holds less load
        Configuration small = SPACE.at(new double[] {0, 0, 0.5, 0});
        Configuration large = small.with("count", 4).with("cpus", 4);
        assertThat(model.capacity(large, 100_000)).isGreaterThan(model.capacity(small, 100_000));
        // light load holds, a load far beyond capacity does not
        assertThat(model.holds(large, 100)).isTrue();
        assertThat(model.holds(small, 50_000)).isFalse();
    }

    @Test
    void erlangCWaitMatchesTheClosedFormsOfMm1AndMm2() {
        // M/M/1, s = 1 ms, λ = 0.5/ms: C = ρ = 0.5, p99 wait = ln(0.5/0.01) / (1 − 0.5)
        assertThat(QueueingModel.erlangWait99(1, 1, 0.5))
                .isCloseTo(Math.log(50) / 0.5, org.assertj.core.data.Offset.offset(1e-9));
        // M/M/2, A = 1: C(2, 1) = 1/3, p99 wait = ln(100/3) / (2 − 1)
        assertThat(QueueingModel.erlangWait99(2, 1, 1))
                .isCloseTo(Math.log(100 / 3.0), org.assertj.core.data.Offset.offset(1e-9));
        // 32 servers at 50 % utilisation: fewer than 1 % wait
        assertThat(QueueingModel.erlangWait99(32, 1, 16)).isZero();
        assertThat(QueueingModel.erlangWait99(4, 1, 4)).isInfinite();
    }

    @Test
    void blockingIsErlangBWithoutAQueueAndVanishesWithADeepOne() {
        // Erlang B: B(1, A) = A / (1 + A); B(2, 1) = (1/2) / (1 + 1 + 1/2) = 0.2
        assertThat(QueueingModel.blocking(1, 0, 1)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(QueueingModel.blocking(2, 0, 1)).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(QueueingModel.blocking(8, 1000, 4)).isLessThan(1e-12);
        assertThat(QueueingModel.blocking(8, 0, 0)).isZero();
        // overloaded with a deep queue: the share beyond capacity, 1 − 1/ρ, and never NaN
        assertThat(QueueingModel.blocking(2, 1000, 4)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
        // M/M/2/5 at a = 2: p_n ∝ 1, 2, 2, 2, 2, 2, so p_5 = 2/11
        assertThat(QueueingModel.blocking(2, 3, 2)).isCloseTo(2 / 11.0, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void theErlangCFormBeatsKingmanOnAThreadPoolBoundService() {
        // a pool of T threads each holding a request 20 ms (M/M/T), p99 = 20 ms × 2 + the Erlang C p99 wait
        SplittableRandom random = new SplittableRandom(7);
        List<Measurement> data = new ArrayList<>();
        double[][] design = LatinHypercube.sample(40, 5, 11);
        for (int i = 0; i < design.length; i++) {
            Configuration config = SPACE.at(new double[] {design[i][0], 1, design[i][2], 0});
            double load = 20 + 1500 * design[i][4];
            double lambda = load / SPACE.count(config) / 1000;
            double wait = QueueingModel.erlangWait99(config.get("threads"), 20, lambda);
            double p99 = Double.isFinite(wait) ? Math.min(2000, 40 + wait) : 2000;
            double errors = Double.isFinite(wait) ? 0 : 1 - config.get("threads") / 20.0 / lambda;
            p99 *= 1 + 0.05 * (random.nextDouble() * 2 - 1);
            data.add(new Measurement(i, "design", config, load, p99, Math.max(0, errors), load, 1));
        }
        CapacityModel model = CapacityModel.fit(SPACE, data, 1);
        double kingman = model.validation().scores().get(0).p99ErrorShare();
        double erlang = model.validation().scores().get(1).p99ErrorShare();
        assertThat(erlang).isLessThan(kingman).isLessThan(0.15);
        assertThat(model.name()).isEqualTo("queueing-erlang-c");
    }

    @Test
    void theDesignCoversEveryStratumOfEveryDimension() {
        double[][] design = LatinHypercube.sample(10, 3, 5);
        for (int d = 0; d < 3; d++) {
            boolean[] seen = new boolean[10];
            for (double[] point : design) {
                seen[(int) (point[d] * 10)] = true;
            }
            assertThat(seen).containsOnly(true);
        }
        assertThat(LatinHypercube.sample(10, 3, 5)).isDeepEqualTo(design);
    }
}
