package io.prescale.core.anomaly.nab;

import java.util.List;
import java.util.Objects;

/**
 * Scores detector output exactly as the Numenta Anomaly Benchmark does (see {@link NabSweeper} for the rules and
 * the source): one threshold per detector and profile optimised with NAB's sweep over all files of a run, per-file
 * Score/TP/TN/FP/FN at a threshold, and NAB's normalisation {@code 100·(S − S_null)/(S_perfect − S_null)}.
 * TP/TN/FP/FN count rows after the probationary period, as NAB's result CSVs do.
 */
public final class NabScoring {
    private NabScoring() {}

    /**
     * A detector's scores for one labelled file.
     *
     * @param rows    the data file's rows as written
     * @param scores  one anomaly score per row (finite; NAB expects [0, 1])
     * @param windows the file's label windows; each end must be the timestamp of exactly one row (NAB's rule)
     */
    public record FileScores(NabRows rows, double[] scores, List<NabWindow> windows) {
        public FileScores {
            Objects.requireNonNull(rows, "rows");
            scores = Objects.requireNonNull(scores, "scores").clone();
            windows = List.copyOf(windows);
            if (scores.length != rows.size()) {
                throw new IllegalArgumentException(
                        rows.file() + ": expected " + rows.size() + " scores (one per row), got " + scores.length);
            }
            for (int i = 0; i < scores.length; i++) {
                if (!Double.isFinite(scores[i])) {
                    throw new IllegalArgumentException(
                            rows.file() + ": score of row " + i + " must be finite, got " + scores[i]);
                }
            }
            checkWindows(rows, windows);
        }

        @Override
        public double[] scores() {
            return scores.clone();
        }
    }

    /** The result at one threshold: NAB score and row counts. */
    public record Counts(double score, int tp, int tn, int fp, int fn) {}

    /** An optimised threshold and the summed score it reaches on the files it was optimised on. */
    public record Optimum(double threshold, double score) {}

    /** NAB's optimiser over all {@code files} together (NAB's {@code optimizeThreshold}). */
    public static Optimum optimise(List<FileScores> files, NabProfile profile) {
        NabSweeper.Points points = new NabSweeper.Points();
        for (FileScores file : files) {
            NabSweeper.sweep(file.rows().timestamps(), file.scores, file.windows(), profile, points);
        }
        NabSweeper.ThresholdScore best = NabSweeper.best(NabSweeper.byThreshold(points, profile));
        return new Optimum(best.threshold(), best.score());
    }

    /** One file at {@code threshold} (NAB's {@code scoreDataSet}). */
    public static Counts score(FileScores file, NabProfile profile, double threshold) {
        NabSweeper.Points points = new NabSweeper.Points();
        NabSweeper.sweep(file.rows().timestamps(), file.scores, file.windows(), profile, points);
        NabSweeper.ThresholdScore s = NabSweeper.at(NabSweeper.byThreshold(points, profile), threshold);
        return new Counts(s.score(), s.tp(), s.tn(), s.fp(), s.fn());
    }

    /** The null detector's score on a file (it never fires): −fnWeight per window that has a scored row. */
    public static double nullScore(FileScores file, NabProfile profile) {
        NabSweeper.Points points = new NabSweeper.Points();
        NabSweeper.sweep(file.rows().timestamps(), file.scores, file.windows(), profile, points);
        return NabSweeper.byThreshold(points, profile).get(0).score();
    }

    /** NAB's perfect score for {@code windows} windows: one full true positive each. */
    public static double perfectScore(int windows, NabProfile profile) {
        return windows * profile.tpWeight();
    }

    /** NAB's normalisation ({@code runner.normalize}): 100 for perfect, 0 for the null detector. */
    public static double normalise(double score, double nullScore, double perfectScore) {
        return 100 * (score - nullScore) / (perfectScore - nullScore);
    }

    /** NAB's label check: every window end is the timestamp of exactly one row of its file. */
    static void checkWindows(NabRows rows, List<NabWindow> windows) {
        for (NabWindow w : windows) {
            for (var time : List.of(w.start(), w.end())) {
                int count = rows.countOf(time);
                if (count != 1) {
                    throw new IllegalArgumentException("label window timestamp " + time + " of " + rows.file()
                            + " must match exactly one row, matches " + count);
                }
            }
        }
    }
}
