package io.prescale.core.anomaly;

import io.prescale.core.series.TimeSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code autoencoder}: a dense autoencoder on DJL ({@link AutoencoderNet}) over sliding windows of the series,
 * scored by its reconstruction error calibrated to [0, 1] ({@link AutoencoderModel}). Batch: trained on the
 * reference's gap-free windows. Streaming: trained at rows {@code warmup}, 2·warmup, 4·warmup, … (then every
 * {@code maxRefitGap} rows) on the last {@code history} rows before that row, and each row is scored by the
 * latest model; the raw scores go through the {@link StreamCalibration}. Seeded.
 */
public final class AutoencoderDetector implements AnomalyDetector {
    /**
     * @param window      rows per window (input width)
     * @param hidden      units of the hidden layers
     * @param code        units of the code layer
     * @param steps       Adam steps per training
     * @param batch       windows per step
     * @param warmup      rows before the first streaming fit
     * @param maxRefitGap most rows between streaming refits once doubling has reached it
     * @param history     rows a streaming fit trains on
     * @param calibration how streaming raw scores become reported scores
     * @param seed        seed of initialisation and batches
     */
    public record Options(
            int window,
            int hidden,
            int code,
            int steps,
            int batch,
            int warmup,
            int maxRefitGap,
            int history,
            StreamCalibration calibration,
            long seed) {
        public Options {
            Objects.requireNonNull(calibration, "calibration");
            if (window < 2 || hidden < 1 || code < 1 || steps < 1 || batch < 1) {
                throw new IllegalArgumentException("autoencoder sizes must be positive (window ≥ 2), got window "
                        + window + ", hidden " + hidden + ", code " + code + ", steps " + steps + ", batch " + batch);
            }
            if (warmup < window + 16 || maxRefitGap < warmup || history < warmup) {
                throw new IllegalArgumentException("need warmup ≥ window + 16 and maxRefitGap, history ≥ warmup, got "
                        + warmup + ", " + maxRefitGap + ", " + history);
            }
        }

        public static Options defaults(long seed) {
            return new Options(24, 16, 4, 150, 64, 192, 16384, 4096, StreamCalibration.defaults(), seed);
        }

        /** A small, fast configuration (demo quick mode, tests). */
        public Options withSteps(int newSteps) {
            return new Options(window, hidden, code, newSteps, batch, warmup, maxRefitGap, history, calibration, seed);
        }

        public Options withCalibration(StreamCalibration other) {
            return new Options(window, hidden, code, steps, batch, warmup, maxRefitGap, history, other, seed);
        }
    }

    private final Options options;

    public AutoencoderDetector(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public Options options() {
        return options;
    }

    @Override
    public String name() {
        return "autoencoder";
    }

    @Override
    public AutoencoderModel fit(TimeSeries reference) {
        double[] x = reference.values();
        List<Integer> rows = new ArrayList<>();
        for (int i = options.window() - 1; i < x.length; i++) {
            boolean gapFree = true;
            for (int k = i - options.window() + 1; k <= i && gapFree; k++) {
                gapFree = !Double.isNaN(x[k]);
            }
            if (gapFree) {
                rows.add(i);
            }
        }
        if (rows.size() < 16) {
            throw new IllegalArgumentException("autoencoder needs at least 16 gap-free windows of " + options.window()
                    + " steps in the reference, got " + rows.size());
        }
        return train(x, rows.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Trains on the windows ending at {@code ends} of gap-free {@code x}. */
    private AutoencoderModel train(double[] x, int[] ends) {
        double sum = 0;
        double sumSquares = 0;
        int from = Math.max(0, ends[0] - options.window() + 1);
        int to = ends[ends.length - 1];
        for (int i = from; i <= to; i++) {
            double v = Double.isNaN(x[i]) ? 0 : x[i];
            sum += v;
            sumSquares += v * v;
        }
        int n = to - from + 1;
        double mean = sum / n;
        double std = Math.sqrt(Math.max(0, sumSquares / n - mean * mean));
        double scale = std > 1e-9 * Math.max(1, Math.abs(mean)) ? std : 1;
        float[][] windows = new float[ends.length][];
        for (int k = 0; k < ends.length; k++) {
            windows[k] = AutoencoderModel.window(x, ends[k], options.window(), mean, scale);
        }
        AutoencoderNet net = AutoencoderNet.train(
                windows, options.hidden(), options.code(), options.steps(), options.batch(), options.seed());
        return AutoencoderModel.calibrated(net, windows, mean, scale);
    }

    @Override
    public double[] scoreStreaming(double[] rows) {
        return options.calibration().apply(rawStreaming(rows), options.warmup());
    }

    /** Raw streaming scores (calibrated reconstruction error): 0 before warmup, NaN on gaps. */
    double[] rawStreaming(double[] rows) {
        double[] x = WindowFeatures.carryForward(rows);
        double[] raw = new double[rows.length];
        AutoencoderModel model = null;
        int nextFit = options.warmup();
        for (int i = 0; i < rows.length; i++) {
            if (i == nextFit) {
                int start = Math.max(options.window() - 1, i - options.history());
                int[] ends = java.util.stream.IntStream.range(start, i).toArray();
                model = train(x, ends);
                nextFit = i + Math.min(i, options.maxRefitGap());
            }
            raw[i] = Double.isNaN(rows[i]) ? Double.NaN : model == null ? 0 : model.scoreRow(x, i);
        }
        return raw;
    }
}
