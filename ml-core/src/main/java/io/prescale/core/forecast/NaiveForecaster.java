package io.prescale.core.forecast;

import io.prescale.core.series.TimeSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The baselines: persistence ({@code naive}: the last finite value) and the seasonal naive forecast
 * ({@code y[t+h] = y[t+h−kL]}, the newest finite value of the same phase) for a daily or weekly period L
 * (Hyndman & Athanasopoulos, "Forecasting: Principles and Practice", §5.2). With less than one period of
 * history the weekly model falls back to the daily one, and the daily one to persistence.
 */
final class NaiveForecaster extends ClassicalForecaster {
    enum Kind {
        NAIVE,
        DAILY,
        WEEKLY
    }

    private final Kind kind;

    NaiveForecaster(Kind kind, ForecastOptions options) {
        super(options);
        this.kind = kind;
    }

    @Override
    public String name() {
        return switch (kind) {
            case NAIVE -> "naive";
            case DAILY -> "seasonal-naive-daily";
            case WEEKLY -> "seasonal-naive-weekly";
        };
    }

    @Override
    PredictorFit fitPredictor(TimeSeries training) {
        Duration step = training.step();
        int n = training.size();
        int period = switch (kind) {
            case NAIVE -> 0;
            case DAILY -> Seasonality.daily(step);
            case WEEKLY -> Seasonality.weekly(step);
        };
        String fallback = null;
        if (kind == Kind.WEEKLY && (period == 0 || n < period)) {
            int daily = Seasonality.daily(step);
            fallback = "history of " + n + " steps is shorter than one week (" + period + " steps): ";
            period = daily > 0 && n >= daily ? daily : 0;
            fallback += period > 0 ? "seasonal-naive-daily" : "naive";
        } else if (kind == Kind.DAILY && (period == 0 || n < period)) {
            fallback = "history of " + n + " steps is shorter than one day (" + period + " steps): naive";
            period = 0;
        }
        return new PredictorFit(new Seasonal(period), name() + "/1", fallback, Map.of("period", period));
    }

    /** Seasonal naive with period {@code period} (0: persistence). */
    record Seasonal(int period) implements Predictor {
        @Override
        public double[] point(double[] history, Instant start, int horizon) {
            int n = history.length;
            double last = lastFinite(history);
            double[] out = new double[horizon];
            for (int h = 0; h < horizon; h++) {
                out[h] = last;
                if (period > 0) {
                    for (int j = n + h - period; j >= 0; j -= period) {
                        if (j < n && Double.isFinite(history[j])) {
                            out[h] = history[j];
                            break;
                        }
                        if (j >= n) {
                            out[h] = out[j - n];
                            break;
                        }
                    }
                }
            }
            return out;
        }
    }

    static double lastFinite(double[] values) {
        for (int i = values.length - 1; i >= 0; i--) {
            if (Double.isFinite(values[i])) {
                return values[i];
            }
        }
        return 0;
    }
}
