package io.prescale.core.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The evaluation protocol of {@code prescale generate evaluate}, fixed so that it cannot be gamed, after TimeGAN
 * (Yoon, Jarrett &amp; van der Schaar, NeurIPS 2019): stride-1 windows of W steps with TimeGAN's min-max
 * scaling; the model trains on the windows inside the first 80 % of rows (in time order) and is scored against
 * the windows inside the last 20 % (windows overlapping the split are dropped). Each of {@code runs} runs draws
 * as many synthetic windows as there are held-out ones and computes the discriminative score, the predictive
 * score (train on synthetic, test on real), the ACF distance and the memorisation ratio; the report averages
 * them. Every departure from TimeGAN's code is listed in {@link EvaluationReport#deviations()}.
 */
public final class Evaluation {
    private static final Logger LOG = LoggerFactory.getLogger(Evaluation.class);
    static final double TRAIN_FRACTION = 0.8;

    private Evaluation() {
    }

    /** The training and held-out windows of {@code rows} (time order, rows × features). */
    public static Split split(double[][] rows, int window) {
        Objects.requireNonNull(rows, "rows");
        int splitRow = (int) Math.floor(rows.length * TRAIN_FRACTION);
        if (window < 2 || window > rows.length - splitRow) {
            throw new IllegalArgumentException("window of " + window + " steps does not fit: the series has "
                    + rows.length + " rows and its held-out last 20 % (" + (rows.length - splitRow)
                    + " rows) must hold at least one window of >= 2 steps");
        }
        MinMaxScaler scaler = MinMaxScaler.fit(java.util.Arrays.copyOf(rows, splitRow));
        return new Split(WindowSet.slide(rows, 0, splitRow, window, scaler),
                WindowSet.slide(rows, splitRow, rows.length, window, scaler));
    }

    /** Trains with {@code trainer} on the training windows and scores the model. */
    public static EvaluationReport evaluate(double[][] rows, int window, LoadModelTrainer trainer,
                                            EvaluationOptions options, long seed) {
        Split split = split(rows, window);
        LoadModel model = trainer.train(split.train(), seed);
        return score(model, split, options, seed);
    }

    /** Scores a model already trained on {@code split.train()}. */
    public static EvaluationReport score(LoadModel model, Split split, EvaluationOptions options, long seed) {
        double[][][] train = split.train().windows();
        double[][][] test = split.test().windows();
        int runs = options.runs();
        double[] disc = new double[runs];
        double[] pred = new double[runs];
        double[] acf = new double[runs];
        double[] memo = new double[runs];
        double realNearest = WindowStatistics.medianNearestDistance(test, train);
        // the real-data reference does not depend on the model: trained once, not once per run
        double predReal = PostHocGru.predictiveMae(train, test, options.predictorIterations(), options.batchSize(),
                seed);
        for (int run = 0; run < runs; run++) {
            long runSeed = seed * 1_000_003L + run;
            double[][][] synthetic = model.sample(test.length, runSeed);
            disc[run] = PostHocGru.discriminativeScore(test, synthetic, options.discriminatorIterations(),
                    options.batchSize(), runSeed);
            pred[run] = PostHocGru.predictiveMae(synthetic, test, options.predictorIterations(), options.batchSize(),
                    runSeed);
            acf[run] = WindowStatistics.acfDistance(test, synthetic);
            memo[run] = WindowStatistics.medianNearestDistance(synthetic, train) / realNearest;
            LOG.debug("run={} model={} discriminative={} predictive={} predictiveReal={} acf={} memorisation={}",
                    run, model.kind(), disc[run], pred[run], predReal, acf[run], memo[run]);
        }
        Integer active = model.activeLatentDims().isPresent() ? model.activeLatentDims().getAsInt() : null;
        return new EvaluationReport(model.kind(), model.window(), model.features(), train.length, test.length, runs,
                seed, mean(disc), std(disc), mean(pred), predReal, mean(acf), mean(memo), active,
                deviations(model, options));
    }

    static List<String> deviations(LoadModel model, EvaluationOptions options) {
        List<String> out = new ArrayList<>();
        out.add("rows are not reversed; the model trains on the windows of the first 80% of rows in time order and"
                + " is scored against the windows of the last 20% (windows overlapping the split dropped); TimeGAN"
                + " scores against the windows it trained on");
        out.add("min-max scaler fitted on the training rows only (TimeGAN fits on all rows)");
        out.add("real set of both post-hoc networks' test = the held-out windows; synthetic windows drawn in the"
                + " same number");
        out.add("post-hoc GRU hidden size max(1, floor(dim/2)) instead of floor(dim/2), so univariate data works");
        out.add("predictor input = all features at steps 1..W-1 (the target's own lag included), target = last"
                + " feature at steps 2..W; TimeGAN feeds only the first dim-1 features");
        out.add("predictiveScoreReal: the same predictor trained once on the real training windows (not averaged"
                + " over runs; TimeGAN's paper reports it without fixing the split)");
        out.add("added metrics not in TimeGAN: acfDistance (mean squared difference of mean within-window ACF,"
                + " lags 1..W-1) and memorisationRatio");
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
     * Training and held-out windows, scaled alike.
     *
     * @param train windows inside the first 80 % of rows
     * @param test windows inside the last 20 %
     */
    public record Split(WindowSet train, WindowSet test) {
    }
}
