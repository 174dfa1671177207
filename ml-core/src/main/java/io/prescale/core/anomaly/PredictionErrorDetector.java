package io.prescale.core.anomaly;

import io.prescale.core.series.TimeSeries;
import java.util.Objects;

/**
 * {@code likelihood}: a prediction-error detector with anomaly-likelihood post-processing, in the manner of the
 * Numenta HTM detector of NAB (Ahmad, Lavin, Purdy &amp; Agha, "Unsupervised real-time anomaly detection for
 * streaming data", Neurocomputing 262, 2017). The raw score of row i is how badly the past predicted it: the
 * smaller of its distances to the previous row and to an exponentially weighted level, in units of the recent
 * typical step size, squashed into [0, 1) as {@code 1 − exp(−e/3)}. The raw scores go through the anomaly
 * likelihood ({@link AnomalyLikelihood}: the mean of the last {@code shortWindow} raw scores against a normal
 * distribution of the last {@code longWindow} ones, as nupic's {@code anomaly_likelihood.py}
 * {@code estimateNormal}/{@code tailProbability}), which is what lets one threshold serve series of any scale and
 * noise. Finally, as NAB's numenta detector does, a value beyond everything seen so far by more than
 * {@code spatialTolerance} of the seen range scores 1 (a "spatial" anomaly). Deterministic; causal.
 */
public final class PredictionErrorDetector implements AnomalyDetector {
    /**
     * @param levelAlpha       weight of the newest row in the exponentially weighted level (0, 1]
     * @param scaleAlpha       weight of the newest step in the typical step size (0, 1]
     * @param learning         rows before any score is reported (they score 0)
     * @param shortWindow      raw scores averaged for the current level of surprise
     * @param longWindow       raw scores in the fitted normal distribution
     * @param spatialTolerance fraction of the seen range a value must exceed it by to score 1; negative = off
     */
    public record Options(
            double levelAlpha,
            double scaleAlpha,
            int learning,
            int shortWindow,
            int longWindow,
            double spatialTolerance) {
        public Options {
            if (!(levelAlpha > 0 && levelAlpha <= 1) || !(scaleAlpha > 0 && scaleAlpha <= 1)) {
                throw new IllegalArgumentException(
                        "levelAlpha and scaleAlpha must be in (0, 1], got " + levelAlpha + " and " + scaleAlpha);
            }
            if (learning < 2 || shortWindow < 1 || longWindow <= shortWindow) {
                throw new IllegalArgumentException("need learning ≥ 2 and 1 ≤ shortWindow < longWindow, got " + learning
                        + ", " + shortWindow + ", " + longWindow);
            }
        }

        public static Options defaults() {
            return new Options(0.1, 0.01, 150, 10, 2000, 0.05);
        }
    }

    private final Options options;

    public PredictionErrorDetector(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public Options options() {
        return options;
    }

    @Override
    public String name() {
        return "likelihood";
    }

    /** Batch form: a series is streamed after the last rows of the reference (see {@link AfterReference}). */
    @Override
    public AnomalyModel fit(TimeSeries reference) {
        return AfterReference.model(this, reference);
    }

    @Override
    public double[] scoreStreaming(double[] rows) {
        double[] raw = rawStreaming(rows);
        boolean[] valid = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            valid[i] = i >= 1 && !Double.isNaN(rows[i]);
        }
        double[] scores = AnomalyLikelihood.calibrate(
                raw, valid, new AnomalyLikelihood.Options(options.shortWindow(), options.longWindow(), 2));
        double[] spatial = spatial(rows);
        for (int i = 0; i < rows.length; i++) {
            if (Double.isNaN(rows[i])) {
                scores[i] = Double.NaN;
            } else if (i < options.learning()) {
                scores[i] = 0;
            } else {
                scores[i] = Math.max(scores[i], spatial[i]);
            }
        }
        return scores;
    }

    /** Raw prediction errors in [0, 1): 0 on the first row, NaN on gaps. */
    double[] rawStreaming(double[] rows) {
        double[] raw = new double[rows.length];
        double level = Double.NaN;
        double previous = Double.NaN;
        double scale = Double.NaN;
        for (int i = 0; i < rows.length; i++) {
            double x = rows[i];
            if (Double.isNaN(x)) {
                raw[i] = Double.NaN;
                continue;
            }
            if (Double.isNaN(previous)) {
                level = x;
                previous = x;
                raw[i] = 0;
                continue;
            }
            double error = Math.min(Math.abs(x - previous), Math.abs(x - level));
            double step = Math.abs(x - previous);
            double unit = Double.isNaN(scale) ? step : scale;
            double floor = 1e-9 + 1e-6 * Math.abs(level);
            raw[i] = 1 - Math.exp(-error / Math.max(unit, floor) / 3);
            scale = Double.isNaN(scale) ? step : scale + options.scaleAlpha() * (step - scale);
            level += options.levelAlpha() * (x - level);
            previous = x;
        }
        return raw;
    }

    /** 1 where a value leaves the range of all earlier values by more than the tolerance, else 0. */
    private double[] spatial(double[] rows) {
        double[] out = new double[rows.length];
        if (options.spatialTolerance() < 0) {
            return out;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < rows.length; i++) {
            double x = rows[i];
            if (Double.isNaN(x)) {
                continue;
            }
            if (max > min) {
                double tolerance = (max - min) * options.spatialTolerance();
                out[i] = x > max + tolerance || x < min - tolerance ? 1 : 0;
            }
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        return out;
    }
}
