package io.prescale.core.scale;

import io.prescale.core.forecast.ForecastModel;
import io.prescale.core.forecast.Forecaster;
import io.prescale.core.series.TimeSeries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code seasonal-quantile}: a seasonal-naive forecast with a damped level correction and empirical quantiles of
 * its own rolling-origin errors by horizon. The seasonal profile S_i is the median of the last
 * {@code seasonsAveraged} periods (seasonal naive, Hyndman and Athanasopoulos, <i>Forecasting: Principles and
 * Practice</i>, 3rd ed., §5.2), each smoothed over ±0, 1, 3 or 7 neighbouring steps, and the level is the mean
 * of the last 1, 4 or 16 steps (see {@link SeasonalShape}); the level's deviation from the profile decays as φ^steps
 * (additive: ŷ_{n+h} = S_{n+h} + φ^{h+1}·(y_{n−1} − S_{n−1}); multiplicative: the ratio y_{n−1}/S_{n−1}
 * decays towards 1 instead). The period (one day or one week), φ and the form are chosen by the mean absolute
 * error of rolling-origin forecasts over the last {@code validation}; the quantiles are the empirical quantiles
 * of the errors of those forecasts per horizon (empirical prediction intervals, FPP3 §5.5), scaled absolutely,
 * by √ŷ or by ŷ, whichever gives the lowest pinball loss.
 *
 * <p>This is the scaling package's own forecaster and the backtest's default, because the simulator refits it
 * cheaply at every simulated day; any model of {@code io.prescale.core.forecast} ({@code auto},
 * {@code holt-winters}…) can be chosen by name instead ({@code scale backtest --forecaster}).
 */
public final class SeasonalQuantileForecaster implements Forecaster {
    /** The name the CLI uses. */
    public static final String NAME = "seasonal-quantile";

    /**
     * Hyper-parameters.
     *
     * @param seasonsAveraged how many past periods the seasonal median uses (≥ 1)
     * @param validation how much recent history scores the candidates and yields the error quantiles
     * @param maxOrigins at most this many rolling origins (evenly strided) are scored
     * @param residualHorizons error quantiles are kept for this many horizons; longer ones reuse the last
     * @param selectionHorizons candidates are compared on this many horizons
     * @param dampings the candidate φ values
     */
    public record Options(
            int seasonsAveraged,
            Duration validation,
            int maxOrigins,
            int residualHorizons,
            int selectionHorizons,
            List<Double> dampings) {
        public Options {
            if (seasonsAveraged < 1 || maxOrigins < 10 || residualHorizons < 1 || selectionHorizons < 1) {
                throw new IllegalArgumentException("seasonsAveraged, residualHorizons and selectionHorizons must be ≥ 1"
                        + " and maxOrigins ≥ 10, got " + seasonsAveraged + ", " + residualHorizons + ", "
                        + selectionHorizons + ", " + maxOrigins);
            }
            Objects.requireNonNull(validation, "validation");
            dampings = List.copyOf(dampings);
            for (double phi : dampings) {
                if (!(phi >= 0 && phi <= 1)) {
                    throw new IllegalArgumentException("dampings must lie in [0, 1], got " + phi);
                }
            }
        }

        /** Median of 3 periods, 7 days of validation, 1,000 origins, 64 horizons, 16 for selection. */
        public static Options defaults() {
            return new Options(3, Duration.ofDays(7), 1000, 64, 16, List.of(1.0, 0.98, 0.9, 0.7, 0.0));
        }
    }

    private static final int[] SMOOTHINGS = {0, 1, 3, 7};
    private static final int[] ANCHORS = {1, 4, 16};
    private final Options options;

    public SeasonalQuantileForecaster(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public SeasonalQuantileForecaster() {
        this(Options.defaults());
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * @throws IllegalArgumentException when the history is shorter than two days or the step is longer than 12 h
     */
    @Override
    public ForecastModel fit(TimeSeries history) {
        long stepNanos = history.step().toNanos();
        long dayNanos = Duration.ofDays(1).toNanos();
        // the daily period in whole steps (rounded when the step does not divide a day)
        int day = (int) Math.min(Integer.MAX_VALUE / 16, Math.round((double) dayNanos / stepNanos));
        if (day < 2) {
            throw new IllegalArgumentException(
                    "step " + history.step() + " is too long for a daily season (at most 12 h)");
        }
        int n = history.size();
        if (n < 2 * day + 1) {
            throw new IllegalArgumentException(
                    "history of " + n + " steps is shorter than two days (" + (2 * day + 1) + " steps)");
        }
        double[] y = history.values();
        int validation =
                (int) Math.min(n - day - 1, Math.max(1, options.validation().toNanos() / stepNanos));
        int stride = Math.max(1, validation / options.maxOrigins());
        int firstOrigin = n - validation;
        List<Integer> periods = new ArrayList<>(List.of(day));
        if (firstOrigin > 7 * day) {
            periods.add(7 * day);
        }
        // stage 1: period, profile smoothing and level window, at φ = 0.9 (additive); stage 2: damping and form
        List<SeasonalShape> shapes = new ArrayList<>();
        for (int period : periods) {
            for (int smoothing : SMOOTHINGS) {
                for (int anchor : ANCHORS) {
                    shapes.add(new SeasonalShape(period, smoothing, anchor, 0.9, false, options.seasonsAveraged()));
                }
            }
        }
        SeasonalShape shape = best(shapes, y, firstOrigin, stride);
        if (shape == null) {
            throw new IllegalArgumentException("history of " + n + " steps has too few finite values to fit");
        }
        List<SeasonalShape> dampings = new ArrayList<>(List.of(shape));
        for (double phi : options.dampings()) {
            dampings.add(shape.with(phi, false));
            dampings.add(shape.with(phi, true));
        }
        SeasonalModel best = new SeasonalModel(best(dampings, y, firstOrigin, stride));
        return best.withResiduals(y, firstOrigin, stride, options.residualHorizons(), history.step());
    }

    /** The shape with the lowest rolling-origin mean absolute error (the first on ties), or null. */
    private SeasonalShape best(List<SeasonalShape> shapes, double[] y, int firstOrigin, int stride) {
        SeasonalShape best = null;
        double bestError = Double.POSITIVE_INFINITY;
        for (SeasonalShape shape : shapes) {
            double error =
                    new SeasonalModel(shape).meanAbsoluteError(y, firstOrigin, stride, options.selectionHorizons());
            if (error < bestError) {
                bestError = error;
                best = shape;
            }
        }
        return best;
    }
}
