package io.prescale.core.anomaly;

import io.prescale.core.series.TimeSeries;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;

/**
 * {@code knncad}: KNN-CAD, the conformal k-nearest-neighbour anomaly detector of E. Burnaev and V. Ishimtsev,
 * "Conformalized density- and distance-based anomaly detection in time-series data", arXiv:1608.04585 (2016), as
 * run in NAB ({@code nab/detectors/knncad}). Row i is described by the window of the last {@code dim} values. Its
 * non-conformity is the sum of its Mahalanobis-type distances {@code d(a, b) = (a − b)ᵀ Σ (a − b)}, Σ = (XᵀX)⁻¹
 * over the training windows X, to its k nearest training windows; the reported score is the fraction of the
 * recent calibration non-conformities below it (a conformal p-value turned around). The first {@code learning}
 * windows train; afterwards each scored window joins a calibration queue and the training set slides forward
 * by one calibration window per row, Σ is re-estimated every {@code learning/2} rows, and after a score of at
 * least {@code alarm} the next {@code learning/5} rows report 0.5 (the reference's hold-off). Deterministic.
 */
public final class KnnCadDetector implements AnomalyDetector {
    /**
     * @param dim      values per window (reference: 19)
     * @param k        neighbours summed (reference: 27)
     * @param learning training windows before scoring (the reference uses NAB's probationary period)
     * @param alarm    score that starts the hold-off (reference: 0.9965)
     */
    public record Options(int dim, int k, int learning, double alarm) {
        public Options {
            if (dim < 1 || k < 1 || learning < 2 * (k + 1) || !(alarm > 0 && alarm <= 1)) {
                throw new IllegalArgumentException("need dim ≥ 1, k ≥ 1, learning ≥ 2(k+1) and alarm in (0, 1], got "
                        + dim + ", " + k + ", " + learning + ", " + alarm);
            }
        }

        public static Options defaults() {
            return new Options(19, 27, 600, 0.9965);
        }
    }

    private final Options options;

    public KnnCadDetector(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public String name() {
        return "knncad";
    }

    /** Batch form: a series is streamed after the last rows of the reference (see {@link AfterReference}). */
    @Override
    public AnomalyModel fit(TimeSeries reference) {
        return AfterReference.model(this, reference);
    }

    @Override
    public double[] scoreStreaming(double[] rows) {
        double[] x = WindowFeatures.carryForward(rows);
        int dim = options.dim();
        int learning = options.learning();
        double[] out = new double[rows.length];
        ArrayDeque<double[]> training = new ArrayDeque<>();
        ArrayDeque<double[]> calibration = new ArrayDeque<>();
        double[][] transform = identity(dim);
        boolean fitted = false;
        // The transformed training windows and the calibration scores, as rings (their order does not matter).
        double[] trainingT = null;
        double[] scores = null;
        int ring = 0;
        int scoreHead = 0;
        int holdOff = 0;
        for (int i = 0; i < rows.length; i++) {
            int count = i + 1;
            if (count < dim) {
                continue;
            }
            double[] item = Arrays.copyOfRange(x, i + 1 - dim, i + 1);
            if (count < learning) {
                training.addLast(item);
                continue;
            }
            int phase = count % learning;
            if (!fitted || phase == 0 || phase == learning / 2) {
                double[][] next = transform(training, dim);
                if (next != null) {
                    transform = next;
                }
                fitted = true;
                trainingT = new double[training.size() * dim];
                int w = 0;
                for (double[] window : training) {
                    System.arraycopy(apply(transform, window), 0, trainingT, w++ * dim, dim);
                }
                ring = 0;
            }
            int size = training.size();
            if (scores == null) {
                scores = new double[size];
                for (int w = 0; w < size; w++) {
                    scores[w] = ncm(trainingT, size, Arrays.copyOfRange(trainingT, w * dim, (w + 1) * dim), true);
                }
            }
            double score = ncm(trainingT, size, apply(transform, item), false);
            int below = 0;
            for (double s : scores) {
                if (s < score) {
                    below++;
                }
            }
            double result = (double) below / scores.length;
            if (count >= 2 * learning) {
                training.pollFirst();
                double[] joining = calibration.pollFirst();
                training.addLast(joining);
                System.arraycopy(apply(transform, joining), 0, trainingT, ring * dim, dim);
                ring = (ring + 1) % size;
            }
            calibration.addLast(item);
            scores[scoreHead] = score;
            scoreHead = (scoreHead + 1) % scores.length;
            if (holdOff > 0) {
                holdOff--;
                out[i] = 0.5;
            } else {
                if (result >= options.alarm()) {
                    holdOff = learning / 5;
                }
                out[i] = result;
            }
        }
        for (int i = 0; i < rows.length; i++) {
            if (Double.isNaN(rows[i])) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }

    /** Sum of the k smallest squared distances from {@code item} to the {@code size} transformed windows. */
    private double ncm(double[] trainingT, int size, double[] item, boolean itemInTraining) {
        int dim = item.length;
        int k = Math.min(size, options.k() + (itemInTraining ? 1 : 0));
        double[] best = new double[k];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        for (int w = 0; w < size; w++) {
            int base = w * dim;
            double d = 0;
            double worst = best[k - 1];
            for (int j = 0; j < dim && d < worst; j++) {
                double diff = item[j] - trainingT[base + j];
                d += diff * diff;
            }
            if (d < worst) {
                int pos = k - 1;
                while (pos > 0 && best[pos - 1] > d) {
                    best[pos] = best[pos - 1];
                    pos--;
                }
                best[pos] = d;
            }
        }
        double sum = 0;
        for (double b : best) {
            sum += b;
        }
        return sum;
    }

    private static double[][] identity(int dim) {
        double[][] identity = new double[dim][dim];
        for (int j = 0; j < dim; j++) {
            identity[j][j] = 1;
        }
        return identity;
    }

    private static double[] apply(double[][] t, double[] w) {
        double[] out = new double[w.length];
        for (int r = 0; r < t.length; r++) {
            double s = 0;
            for (int c = 0; c < w.length; c++) {
                s += t[r][c] * w[c];
            }
            out[r] = s;
        }
        return out;
    }

    /**
     * L⁻¹ where XᵀX = LLᵀ (Cholesky), so that |L⁻¹(a − b)|² = (a − b)ᵀ(XᵀX)⁻¹(a − b); null when XᵀX is singular
     * (the caller keeps its previous metric, as the reference does).
     */
    static double[][] transform(Iterable<double[]> windows, int dim) {
        double[][] gram = new double[dim][dim];
        for (double[] w : windows) {
            for (int r = 0; r < dim; r++) {
                for (int c = 0; c <= r; c++) {
                    gram[r][c] += w[r] * w[c];
                }
            }
        }
        double[][] l = new double[dim][dim];
        for (int r = 0; r < dim; r++) {
            for (int c = 0; c <= r; c++) {
                double s = gram[r][c];
                for (int m = 0; m < c; m++) {
                    s -= l[r][m] * l[c][m];
                }
                if (r == c) {
                    if (!(s > 1e-12 * Math.max(1, gram[r][r]))) {
                        return null;
                    }
                    l[r][r] = Math.sqrt(s);
                } else {
                    l[r][c] = s / l[c][c];
                }
            }
        }
        double[][] inv = new double[dim][dim];
        for (int col = 0; col < dim; col++) {
            for (int r = 0; r < dim; r++) {
                double s = r == col ? 1 : 0;
                for (int m = 0; m < r; m++) {
                    s -= l[r][m] * inv[m][col];
                }
                inv[r][col] = s / l[r][r];
            }
        }
        return inv;
    }
}
