package io.prescale.core.tune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Predicts p99 latency, error rate and throughput of a configuration at a load, from real load tests. Three forms
 * are fitted — the {@link QueueingModel} with Kingman's and with the Erlang C wait, and a Tribuo random forest on
 * physics features — and the one with the smallest k-fold cross-validated p99 error is kept (the earlier on a tie),
 * refitted on all the data. Immutable; thread-safe.
 */
public final class CapacityModel {
    private final ConfigSpace space;
    private final CapacityPredictor predictor;
    private final CrossValidation validation;

    CapacityModel(ConfigSpace space, CapacityPredictor predictor, CrossValidation validation) {
        this.space = Objects.requireNonNull(space, "space");
        this.predictor = Objects.requireNonNull(predictor, "predictor");
        this.validation = validation;
    }

    /**
     * How each form did on held-out folds.
     *
     * @param chosen the name of the form kept
     * @param folds folds used (k of k-fold)
     * @param scores one per form
     */
    public record CrossValidation(String chosen, int folds, List<Score> scores) {
        public CrossValidation {
            scores = List.copyOf(scores);
        }

        /** The chosen form's score. */
        public Score best() {
            return scores.stream()
                    .filter(s -> s.model().equals(chosen))
                    .findFirst()
                    .orElseThrow();
        }
    }

    /**
     * One form's cross-validated error.
     *
     * @param model the form's name
     * @param p99ErrorShare median of |predicted − measured| / measured p99 over held-out load tests
     * @param errorRateError mean |predicted − measured| error rate over held-out load tests
     */
    public record Score(String model, double p99ErrorShare, double errorRateError) {}

    /**
     * Fits the three forms, cross-validates them with {@code min(5, n)} folds (shuffled by {@code seed}) and keeps the
     * better.
     *
     * @throws IllegalArgumentException with fewer than 4 measurements
     */
    public static CapacityModel fit(ConfigSpace space, List<Measurement> data, long seed) {
        if (data.size() < 4) {
            throw new IllegalArgumentException("a capacity model needs at least 4 load tests, got " + data.size());
        }
        int folds = Math.min(5, data.size());
        int[] order = shuffled(data.size(), seed);
        List<String> names = List.of("queueing", "queueing-erlang-c", "tribuo-random-forest");
        double[][][] errors = new double[names.size()][2][data.size()];
        for (int f = 0; f < folds; f++) {
            List<Measurement> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < order.length; i++) {
                if (i % folds == f) {
                    test.add(order[i]);
                } else {
                    train.add(data.get(order[i]));
                }
            }
            for (int m = 0; m < names.size(); m++) {
                CapacityPredictor candidate = candidate(m, space, train, seed + f);
                for (int index : test) {
                    score(candidate, data.get(index), errors[m], index);
                }
            }
        }
        List<Score> scores = new ArrayList<>();
        int best = 0;
        for (int m = 0; m < names.size(); m++) {
            scores.add(summary(names.get(m), errors[m]));
            if (scores.get(m).p99ErrorShare() < scores.get(best).p99ErrorShare()) {
                best = m;
            }
        }
        CapacityPredictor chosen = candidate(best, space, data, seed);
        return new CapacityModel(space, chosen, new CrossValidation(chosen.name(), folds, scores));
    }

    /** Candidate {@code m}: the Kingman queueing model, the Erlang C queueing model, the random forest. */
    private static CapacityPredictor candidate(int m, ConfigSpace space, List<Measurement> train, long seed) {
        return switch (m) {
            case 0 -> QueueingModel.fit(space, train, QueueingModel.Form.KINGMAN);
            case 1 -> QueueingModel.fit(space, train, QueueingModel.Form.ERLANG_C);
            default -> ForestModel.fit(space, train, seed);
        };
    }

    /** The expected p99, error rate and throughput of {@code config} at {@code loadRps}. */
    public Prediction predict(Configuration config, double loadRps) {
        return predictor.predict(config, loadRps);
    }

    /** Whether {@code config} is expected to hold the space's SLO at {@code loadRps}. */
    public boolean holds(Configuration config, double loadRps) {
        Prediction p = predict(config, loadRps);
        return space.slo().holds(p.p99Ms(), p.errorRate());
    }

    /**
     * The largest load (requests/s, up to {@code ceiling}) that {@code config} holds the SLO at: the largest of the
     * loads {@code ceiling / 2^k} (k = 0…20) that holds, refined by bisection towards the next larger one; 0 when
     * none holds. Scanning down from the ceiling copes with a learned model that is not monotone in the load (a
     * forest predicts a flat value outside the loads it was trained on).
     */
    public double capacity(Configuration config, double ceiling) {
        double lo = -1;
        for (int k = 0; k <= 20; k++) {
            double load = ceiling / Math.pow(2, k);
            if (holds(config, load)) {
                lo = load;
                break;
            }
        }
        if (lo < 0) {
            return 0;
        }
        if (lo == ceiling) {
            return ceiling;
        }
        double hi = 2 * lo;
        for (int i = 0; i < 30 && hi - lo > 1e-3 * hi; i++) {
            double mid = (lo + hi) / 2;
            if (holds(config, mid)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The name of the form in use. */
    public String name() {
        return predictor.name();
    }

    /** The cross-validation that chose it. */
    public CrossValidation validation() {
        return validation;
    }

    public ConfigSpace space() {
        return space;
    }

    private static void score(CapacityPredictor model, Measurement m, double[][] out, int index) {
        Prediction p = model.predict(m.config(), m.loadRps());
        double measured = Double.isFinite(m.p99Ms()) && m.p99Ms() > 0 ? m.p99Ms() : ForestModel.NO_RESPONSE_P99_MS;
        out[0][index] = Math.abs(p.p99Ms() - measured) / measured;
        out[1][index] = Math.abs(p.errorRate() - m.errorRate());
    }

    private static Score summary(String name, double[][] errors) {
        double[] p99 = errors[0].clone();
        Arrays.sort(p99);
        double median = p99.length % 2 == 1 ? p99[p99.length / 2] : (p99[p99.length / 2 - 1] + p99[p99.length / 2]) / 2;
        return new Score(name, median, Arrays.stream(errors[1]).average().orElse(Double.NaN));
    }

    private static int[] shuffled(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int k = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[k];
            order[k] = t;
        }
        return order;
    }
}
