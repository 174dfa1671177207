package io.prescale.core.anomaly;

import io.prescale.core.series.TimeSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * {@code iforest}: the {@link IsolationForest} of Liu, Ting &amp; Zhou (2008) on causal {@link WindowFeatures}.
 * Batch ({@link #fit}): one forest on the reference's rows; the model reports the raw s(x) = 2^(−E(h)/c(ψ)).
 * Streaming ({@link #scoreStreaming}): from row {@code warmup} on, a quarter of the trees is regrown every
 * {@code refitEvery} rows on subsamples of the last {@code history} rows before the row being scored, and the
 * raw scores go through the {@link StreamCalibration}. Seeded: the same seed gives the same scores.
 */
public final class IsolationForestDetector implements AnomalyDetector {
    /**
     * @param trees       t (paper default 100)
     * @param subsample   ψ (paper default 256)
     * @param warmup      rows before the first streaming fit
     * @param refitEvery  rows between streaming refits
     * @param history     most recent rows a streaming fit samples from
     * @param calibration how streaming raw scores become reported scores
     * @param seed        seed of the subsamples and splits
     */
    public record Options(
            int trees,
            int subsample,
            int warmup,
            int refitEvery,
            int history,
            StreamCalibration calibration,
            long seed) {
        public Options {
            new IsolationForest.Options(trees, subsample);
            Objects.requireNonNull(calibration, "calibration");
            if (warmup < 16 || refitEvery < 1 || history < warmup) {
                throw new IllegalArgumentException("need warmup ≥ 16, refitEvery ≥ 1 and history ≥ warmup, got "
                        + warmup + ", " + refitEvery + ", " + history);
            }
        }

        public static Options defaults(long seed) {
            return new Options(100, 256, 64, 64, 3000, StreamCalibration.defaults(), seed);
        }

        public Options withCalibration(StreamCalibration other) {
            return new Options(trees, subsample, warmup, refitEvery, history, other, seed);
        }

        public Options withRefitEvery(int rows) {
            return new Options(trees, subsample, warmup, rows, history, calibration, seed);
        }
    }

    private final Options options;
    private final WindowFeatures.Options features = WindowFeatures.Options.defaults();

    public IsolationForestDetector(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public Options options() {
        return options;
    }

    @Override
    public String name() {
        return "iforest";
    }

    @Override
    public AnomalyModel fit(TimeSeries reference) {
        double[] values = reference.values();
        double[][] all = WindowFeatures.of(values, features);
        double[][] observed = IntStream.range(0, values.length)
                .filter(i -> !Double.isNaN(values[i]))
                .mapToObj(i -> all[i])
                .toArray(double[][]::new);
        if (observed.length < 2) {
            throw new IllegalArgumentException(
                    "iforest needs at least 2 observed steps in the reference, got " + observed.length);
        }
        IsolationForest forest = IsolationForest.fit(observed, forestOptions(), new SplittableRandom(options.seed()));
        return series -> {
            double[] x = series.values();
            double[][] f = WindowFeatures.of(x, features);
            double[] scores = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                scores[i] = Double.isNaN(x[i]) ? Double.NaN : forest.score(f[i]);
            }
            return scores;
        };
    }

    @Override
    public double[] scoreStreaming(double[] rows) {
        return options.calibration().apply(rawStreaming(rows), options.warmup());
    }

    /**
     * Raw streaming iforest scores s(x): 0 before warmup, NaN on gaps. The forest is grown whole at row
     * {@code warmup} and at every refit while fewer than ψ rows are known; after that a quarter of its trees is
     * regrown every {@code refitEvery} rows (oldest first), so every tree is at most 4·refitEvery rows old.
     */
    double[] rawStreaming(double[] rows) {
        double[][] f = WindowFeatures.of(rows, features);
        SplittableRandom random = new SplittableRandom(options.seed());
        double[] raw = new double[rows.length];
        // Growing the next trees and scoring rows with the current (immutable) forest overlap on two threads.
        ExecutorService scorer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "iforest-scorer");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> pending = new ArrayList<>();
            IsolationForest forest = null;
            int next = 0;
            int segmentStart = 0;
            for (int i = options.warmup(); i <= rows.length; i += options.refitEvery()) {
                int end = Math.min(rows.length, i);
                pending.add(scorer.submit(scoreSegment(forest, f, rows, raw, segmentStart, end)));
                segmentStart = end;
                if (i == rows.length) {
                    break;
                }
                double[][] history = Arrays.copyOfRange(f, Math.max(0, i - options.history()), i);
                if (forest == null || history.length < options.subsample()) {
                    forest = IsolationForest.fit(history, forestOptions(), random);
                } else {
                    int quarter = Math.max(1, options.trees() / 4);
                    forest = forest.renew(history, next, quarter, options.subsample(), random);
                    next = (next + quarter) % options.trees();
                }
            }
            pending.add(scorer.submit(scoreSegment(forest, f, rows, raw, segmentStart, rows.length)));
            for (Future<?> done : pending) {
                done.get();
            }
            return raw;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scoring", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("iforest scoring failed", e.getCause());
        } finally {
            scorer.shutdownNow();
        }
    }

    private static Runnable scoreSegment(
            IsolationForest forest, double[][] f, double[] rows, double[] raw, int from, int to) {
        return () -> {
            for (int i = from; i < to; i++) {
                raw[i] = Double.isNaN(rows[i]) ? Double.NaN : forest == null ? 0 : forest.score(f[i]);
            }
        };
    }

    int warmup() {
        return options.warmup();
    }

    private IsolationForest.Options forestOptions() {
        return new IsolationForest.Options(options.trees(), options.subsample());
    }
}
