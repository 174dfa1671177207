package io.prescale.core.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The evaluation of {@code prescale generate evaluate} under one of two {@link EvaluationProtocol}s, after TimeGAN
 * (Yoon, Jarrett &amp; van der Schaar, NeurIPS 2019). Each of {@code runs} runs draws as many synthetic windows as
 * there are real windows to compare with and computes the discriminative score, the predictive score (train on
 * synthetic, test on real), the ACF distance and the memorisation ratio; the report averages them. Every
 * departure from TimeGAN's code is listed in {@link EvaluationReport#deviations()}.
 */
public final class Evaluation {
    private static final Logger LOG = LoggerFactory.getLogger(Evaluation.class);
    static final double TRAIN_FRACTION = 0.8;
    /** Temporal protocol: held-out values beyond the training range by more than this share of it mean a trend. */
    static final double TREND_TOLERANCE = 0.1;

    private Evaluation() {}

    /** The temporal split of {@code rows} (time order, rows × features). */
    public static Split split(double[][] rows, int window) {
        return split(rows, window, EvaluationProtocol.TEMPORAL, 0);
    }

    /**
     * The training and held-out windows of {@code rows} (time order, rows × features) under {@code protocol};
     * {@code seed} shuffles the windows of the TimeGAN protocol.
     */
    public static Split split(double[][] rows, int window, EvaluationProtocol protocol, long seed) {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(protocol, "protocol");
        if (protocol == EvaluationProtocol.TIMEGAN) {
            if (window < 2 || rows.length < window + 1) {
                throw new IllegalArgumentException("window of " + window + " steps does not fit: the series has "
                        + rows.length + " rows and needs at least two windows of >= 2 steps");
            }
            MinMaxScaler scaler = MinMaxScaler.fit(rows);
            return shuffled(WindowSet.slide(rows, 0, rows.length, window, scaler), seed, "global");
        }
        int splitRow = (int) Math.floor(rows.length * TRAIN_FRACTION);
        if (window < 2 || window > rows.length - splitRow) {
            throw new IllegalArgumentException("window of " + window + " steps does not fit: the series has "
                    + rows.length + " rows and its held-out last 20 % (" + (rows.length - splitRow)
                    + " rows) must hold at least one window of >= 2 steps");
        }
        MinMaxScaler scaler = MinMaxScaler.fit(java.util.Arrays.copyOf(rows, splitRow));
        if (trending(rows, splitRow, scaler)) {
            WindowSet test = WindowSet.slidePerWindow(rows, splitRow, rows.length, window);
            return new Split(
                    WindowSet.slidePerWindow(rows, 0, splitRow, window),
                    test,
                    test.windows(),
                    EvaluationProtocol.TEMPORAL,
                    "per-window");
        }
        WindowSet test = WindowSet.slide(rows, splitRow, rows.length, window, scaler);
        return new Split(
                WindowSet.slide(rows, 0, splitRow, window, scaler),
                test,
                test.windows(),
                EvaluationProtocol.TEMPORAL,
                "global");
    }

    /**
     * TimeGAN's protocol on windows given as they are (already in about [0, 1], e.g. {@link SineWindows}): shuffled,
     * the model trains on a random 80 %, the scores compare with all of them.
     */
    public static Split windowsSplit(double[][][] windows, long seed) {
        if (windows.length < 2) {
            throw new IllegalArgumentException("TimeGAN's protocol needs at least two windows, got " + windows.length);
        }
        return shuffled(WindowSet.of(windows), seed, "as given");
    }

    private static Split shuffled(WindowSet all, long seed, String scaling) {
        int[] order = PostHocGru.permutation(all.size(), new java.util.SplittableRandom(seed ^ 0x5DEECE66DL));
        int cut = Math.max(1, Math.min(all.size() - 1, (int) (all.size() * TRAIN_FRACTION)));
        WindowSet train = all.subset(java.util.Arrays.copyOfRange(order, 0, cut));
        WindowSet heldOut = all.subset(java.util.Arrays.copyOfRange(order, cut, order.length));
        double[][][] real = all.subset(order).windows();
        return new Split(train, heldOut, real, EvaluationProtocol.TIMEGAN, scaling);
    }

    /** Whether a held-out value leaves the training rows' range by more than {@link #TREND_TOLERANCE} of it. */
    static boolean trending(double[][] rows, int splitRow, MinMaxScaler scaler) {
        for (int r = splitRow; r < rows.length; r++) {
            for (int f = 0; f < rows[r].length; f++) {
                double scaled = scaler.scale(f, rows[r][f]);
                if (scaled < -TREND_TOLERANCE || scaled > 1 + TREND_TOLERANCE) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Splits {@code rows} under {@code options.protocol()}, trains with {@code trainer} and scores the model. */
    public static EvaluationReport evaluate(
            double[][] rows, int window, LoadModelTrainer trainer, EvaluationOptions options, long seed) {
        Split split = split(rows, window, options.protocol(), seed);
        LoadModel model = trainer.train(split.train(), seed);
        return score(model, split, options, seed);
    }

    /** Scores a model already trained on {@code split.train()}. */
    public static EvaluationReport score(LoadModel model, Split split, EvaluationOptions options, long seed) {
        double[][][] train = split.train().windows();
        double[][][] heldOut = split.test().windows();
        double[][][] real = split.real();
        boolean paper = split.protocol() == EvaluationProtocol.TIMEGAN;
        int runs = options.runs();
        double[] disc = new double[runs];
        double[] pred = new double[runs];
        double[] acf = new double[runs];
        double[] memo = new double[runs];
        double realNearest = WindowStatistics.medianNearestDistance(heldOut, train);
        // the real-data reference does not depend on the model: trained once, not once per run
        double predReal =
                PostHocGru.predictiveMae(train, real, options.predictorIterations(), options.batchSize(), paper, seed);
        for (int run = 0; run < runs; run++) {
            long runSeed = seed * 1_000_003L + run;
            double[][][] synthetic = model.sample(real.length, runSeed);
            disc[run] = PostHocGru.discriminativeScore(
                    real, synthetic, options.discriminatorIterations(), options.batchSize(), runSeed);
            pred[run] = PostHocGru.predictiveMae(
                    synthetic, real, options.predictorIterations(), options.batchSize(), paper, runSeed);
            acf[run] = WindowStatistics.acfDistance(real, synthetic);
            memo[run] = WindowStatistics.medianNearestDistance(synthetic, train) / realNearest;
            LOG.debug(
                    "run={} model={} discriminative={} predictive={} predictiveReal={} acf={} memorisation={}",
                    run,
                    model.kind(),
                    disc[run],
                    pred[run],
                    predReal,
                    acf[run],
                    memo[run]);
        }
        Integer active =
                model.activeLatentDims().isPresent() ? model.activeLatentDims().getAsInt() : null;
        return new EvaluationReport(
                model.kind(),
                model.window(),
                model.features(),
                train.length,
                heldOut.length,
                runs,
                seed,
                split.protocol(),
                split.scaling(),
                mean(disc),
                std(disc),
                mean(pred),
                predReal,
                mean(acf),
                mean(memo),
                active,
                deviations(model, options, split));
    }

    static List<String> deviations(LoadModel model, EvaluationOptions options, Split split) {
        List<String> out = new ArrayList<>();
        if (split.protocol() == EvaluationProtocol.TEMPORAL) {
            out.add("temporal protocol: rows are not reversed; the model trains on the windows of the first 80% of"
                    + " rows in time order and is scored against the windows of the last 20% (windows overlapping"
                    + " the split dropped); TimeGAN scores against the windows it trained on");
            out.add(
                    split.scaling().equals("per-window")
                            ? "held-out values leave the training range by more than " + (int) (TREND_TOLERANCE * 100)
                                    + "% of it (a trend): every window min-max scaled on its own (TimeGAN: one scaler over all rows)"
                            : "min-max scaler fitted on the training rows only (TimeGAN fits on all rows)");
            out.add("real set of both post-hoc networks' test = the held-out windows; synthetic windows drawn in the"
                    + " same number");
            out.add("predictor input = all features at steps 1..W-1 (the target's own lag included), target = last"
                    + " feature at steps 2..W; TimeGAN feeds only the first dim-1 features");
        } else {
            out.add("timegan protocol: rows are not reversed (TimeGAN reverses them before windowing; the set of"
                    + " shuffled windows differs only in direction); the model trains on a random 80% of the"
                    + " windows, the other 20% are held out for the memorisation ratio only");
            if (model.features() == 1) {
                out.add("univariate: predictor input = the feature itself at steps 1..W-1 (TimeGAN's dim-1 inputs"
                        + " would be none)");
            }
        }
        out.add("post-hoc GRU hidden size max(1, floor(dim/2)) instead of floor(dim/2), so univariate data works");
        out.add("predictiveScoreReal: the same predictor trained once on the real training windows and tested like"
                + " the synthetic one (not averaged over runs)");
        out.add("added metrics not in TimeGAN: acfDistance (mean squared difference of mean within-window ACF,"
                + " lags 1..W-1) and memorisationRatio (median nearest-training-window distance of synthetic over"
                + " that of held-out real windows)");
        if (options.discriminatorIterations() != EvaluationOptions.TIMEGAN_DISCRIMINATOR_ITERATIONS
                || options.predictorIterations() != EvaluationOptions.TIMEGAN_PREDICTOR_ITERATIONS
                || options.batchSize() != EvaluationOptions.TIMEGAN_BATCH) {
            out.add("post-hoc training shortened (a weaker discriminator makes the discriminative score optimistic):"
                    + " discriminator " + options.discriminatorIterations()
                    + " iterations (TimeGAN 2000), predictor " + options.predictorIterations()
                    + " (TimeGAN 5000), batch " + options.batchSize() + " (TimeGAN 128)");
        }
        if (options.runs() != EvaluationOptions.TIMEGAN_RUNS) {
            out.add("runs = " + options.runs() + " (TimeGAN 10)");
        }
        if (model.kind().equals("vae") || model.kind().equals("gan")) {
            out.add("the model is conditioned on the window's phase and shape measures, drawn at sampling time from"
                    + " the training windows' empirical distribution");
        }
        return out;
    }

    static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    static double std(double[] x) {
        double m = mean(x);
        double sum = 0;
        for (double v : x) {
            sum += (v - m) * (v - m);
        }
        return x.length < 2 ? 0 : Math.sqrt(sum / (x.length - 1));
    }

    /**
     * Training and held-out windows, scaled alike, and the real windows the scores compare with.
     *
     * @param train windows the model trains on (temporal: inside the first 80 % of rows; timegan: a random 80 %)
     * @param test windows held out of training (temporal: inside the last 20 % of rows; timegan: the other 20 %)
     * @param real the real windows of the post-hoc scores (temporal: {@code test}; timegan: all windows, shuffled)
     * @param protocol the protocol that made the split
     * @param scaling {@code global}, {@code per-window} or {@code as given}
     */
    public record Split(
            WindowSet train, WindowSet test, double[][][] real, EvaluationProtocol protocol, String scaling) {
        public Split {
            Objects.requireNonNull(train, "train");
            Objects.requireNonNull(test, "test");
            Objects.requireNonNull(real, "real");
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(scaling, "scaling");
        }
    }
}
