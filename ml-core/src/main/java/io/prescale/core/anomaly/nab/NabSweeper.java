package io.prescale.core.anomaly.nab;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * NAB's scoring sweep, after {@code nab/sweeper.py} at numenta/NAB commit ea702d7 (Lavin & Ahmad 2015,
 * "Evaluating real-time anomaly detection algorithms – the Numenta Anomaly Benchmark", IEEE ICMLA; Ahmad et al.
 * 2017, Neurocomputing 262). Every row gets a sweep score: inside a window the scaled sigmoid of its relative
 * position weighted by tpWeight/σ(−1); outside, the scaled sigmoid of its distance past the preceding window
 * weighted by fpWeight (−fpWeight before any window). Rows in the probationary period (the first
 * {@code min(floor(0.15·n), 750)} rows) are dropped. Then, threshold by threshold from the highest anomaly score
 * down, each window counts its best (earliest) detection or −fnWeight, and every detection outside a window adds
 * its (negative) sweep score. The floating-point order of the sums follows NAB's so that results match.
 */
final class NabSweeper {
    static final int OUTSIDE = -1;
    static final int PROBATION = -2;
    static final double PROBATION_PERCENT = 0.15;

    /** The threshold above every score: nothing is detected (NAB's {@code 1.1}). */
    static final double START_THRESHOLD = 1.1;

    /** Per-row points of one or more files: anomaly score, sweep score and window id (or OUTSIDE/PROBATION). */
    static final class Points {
        double[] anomaly = new double[0];
        double[] sweep = new double[0];
        int[] window = new int[0];
        int size;
        int windowIds;

        void add(double anomalyScore, double sweepScore, int windowId) {
            if (size == anomaly.length) {
                int capacity = Math.max(1024, size * 2);
                anomaly = Arrays.copyOf(anomaly, capacity);
                sweep = Arrays.copyOf(sweep, capacity);
                window = Arrays.copyOf(window, capacity);
            }
            anomaly[size] = anomalyScore;
            sweep[size] = sweepScore;
            window[size] = windowId;
            size++;
        }
    }

    /** The NAB result at one threshold: every row with score ≥ threshold is a detection. */
    record ThresholdScore(double threshold, double score, int tp, int tn, int fp, int fn) {}

    private NabSweeper() {}

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** NAB's {@code scaledSigmoid}: −1 beyond 3, else {@code 2·sigmoid(−5x) − 1}. */
    static double scaledSigmoid(double relativePosition) {
        if (relativePosition > 3.0) {
            return -1.0;
        }
        return 2 * sigmoid(-5 * relativePosition) - 1.0;
    }

    /** NAB's {@code _getProbationaryLength}: {@code min(floor(0.15·n), 0.15·5000)} (a float, compared with i). */
    static double probationaryLength(int rows) {
        return Math.min(Math.floor(PROBATION_PERCENT * rows), PROBATION_PERCENT * 5000);
    }

    /** NAB's {@code calcSweepScore} for one file, appended to {@code out}; window ids continue from out's. */
    static void sweep(
            LocalDateTime[] timestamps, double[] scores, List<NabWindow> windows, NabProfile profile, Points out) {
        double maxTp = scaledSigmoid(-1.0);
        double probation = probationaryLength(timestamps.length);
        List<NabWindow> pending = new ArrayList<>(windows);
        NabWindow current = null;
        int currentId = OUTSIDE;
        double currentWidth = 0;
        int currentRight = -1;
        double previousWidth = 0;
        int previousRight = -1;
        for (int i = 0; i < timestamps.length; i++) {
            if (!pending.isEmpty() && timestamps[i].equals(pending.get(0).start())) {
                current = pending.remove(0);
                currentId = out.windowIds++;
                currentRight = indexOf(timestamps, current.end());
                currentWidth = currentRight - indexOf(timestamps, current.start()) + 1;
            }
            double weighted;
            if (current != null) {
                double position = -(currentRight - i + 1) / currentWidth;
                weighted = scaledSigmoid(position) * profile.tpWeight() / maxTp;
            } else {
                double unweighted =
                        previousRight < 0 ? -1.0 : scaledSigmoid(Math.abs(previousRight - i) / (previousWidth - 1));
                weighted = unweighted * profile.fpWeight();
            }
            int name = i >= probation ? (current != null ? currentId : OUTSIDE) : PROBATION;
            out.add(scores[i], weighted, name);
            if (current != null && timestamps[i].equals(current.end())) {
                previousRight = i;
                previousWidth = currentWidth;
                current = null;
                currentId = OUTSIDE;
            }
        }
    }

    private static int indexOf(LocalDateTime[] timestamps, LocalDateTime time) {
        for (int i = 0; i < timestamps.length; i++) {
            if (timestamps[i].equals(time)) {
                return i;
            }
        }
        throw new IllegalArgumentException("window timestamp " + time + " is not a row of the file");
    }

    /** NAB's {@code calcScoreByThreshold}: one result per distinct anomaly score, thresholds descending. */
    static List<ThresholdScore> byThreshold(Points points, NabProfile profile) {
        Integer[] order = scorableByScoreDescending(points);
        WindowParts parts = new WindowParts(points, order, profile);
        int tn = order.length - parts.rowsInWindows;
        int fn = parts.rowsInWindows;
        List<ThresholdScore> result = new ArrayList<>();
        double fpPart = 0;
        int tp = 0;
        int fp = 0;
        double threshold = START_THRESHOLD;
        for (int idx : order) {
            double score = points.anomaly[idx];
            if (score != threshold) {
                result.add(new ThresholdScore(threshold, parts.total(fpPart), tp, tn, fp, fn));
                threshold = score;
            }
            int w = points.window[idx];
            if (w == OUTSIDE) {
                fp++;
                tn--;
                fpPart += points.sweep[idx];
            } else {
                tp++;
                fn--;
                parts.value[w] = Math.max(parts.value[w], points.sweep[idx]);
            }
        }
        result.add(new ThresholdScore(threshold, parts.total(fpPart), tp, tn, fp, fn));
        return result;
    }

    /**
     * NAB's {@code scoreParts}: one part per window that has a scored row, starting at −fnWeight, in the order the
     * windows first appear in the sorted rows (Python dict order, which fixes the order of the final sum).
     */
    private static final class WindowParts {
        final double[] value;
        final int[] insertion;
        int count;
        int rowsInWindows;

        WindowParts(Points points, Integer[] order, NabProfile profile) {
            value = new double[points.windowIds];
            insertion = new int[points.windowIds];
            boolean[] seen = new boolean[points.windowIds];
            for (int idx : order) {
                int w = points.window[idx];
                if (w != OUTSIDE) {
                    rowsInWindows++;
                    if (!seen[w]) {
                        seen[w] = true;
                        value[w] = -profile.fnWeight();
                        insertion[count++] = w;
                    }
                }
            }
        }

        /** {@code sum(scoreParts.values())} with the false-positive part first. */
        double total(double fpPart) {
            double sum = 0;
            sum += fpPart;
            for (int k = 0; k < count; k++) {
                sum += value[insertion[k]];
            }
            return sum;
        }
    }

    private static Integer[] scorableByScoreDescending(Points points) {
        List<Integer> scorable = new ArrayList<>(points.size);
        for (int i = 0; i < points.size; i++) {
            if (points.window[i] != PROBATION) {
                scorable.add(i);
            }
        }
        Integer[] order = scorable.toArray(Integer[]::new);
        // Stable, like Python's sorted(..., reverse=True): equal scores keep row order.
        Arrays.sort(order, (a, b) -> {
            double x = points.anomaly[a];
            double y = points.anomaly[b];
            return x > y ? -1 : (x < y ? 1 : 0);
        });
        return order;
    }

    /** NAB's {@code scoreDataSet} match: the result at {@code threshold}, or at the lowest threshold above it. */
    static ThresholdScore at(List<ThresholdScore> scores, double threshold) {
        ThresholdScore previous = null;
        for (ThresholdScore s : scores) {
            if (s.threshold() == threshold) {
                return s;
            }
            if (s.threshold() < threshold) {
                return previous != null ? previous : s;
            }
            previous = s;
        }
        return previous;
    }

    /** NAB's optimiser: the first (highest-threshold) result with the maximum score. */
    static ThresholdScore best(List<ThresholdScore> scores) {
        ThresholdScore best = scores.get(0);
        for (ThresholdScore s : scores) {
            if (s.score() > best.score()) {
                best = s;
            }
        }
        return best;
    }
}
