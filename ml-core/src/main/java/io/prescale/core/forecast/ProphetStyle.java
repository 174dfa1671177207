package io.prescale.core.forecast;

import io.prescale.core.series.TimeSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Prophet-style decomposition (Taylor & Letham 2018, "Forecasting at scale", The American Statistician 72(1)):
 * y(t) = g(t) + s(t) + h(t) + ε with a piecewise-linear trend g (25 changepoints over the first 80 % of the
 * history, rate changes δ under a Laplace(0, 0.05) prior), Fourier seasonality for the day (order 6) and the week
 * (order 4) under N(0, 10²) priors, and one effect per event name (from {@code --events}) under N(0, 10²). The MAP
 * fit on max-scaled y is a penalised least squares (L1 on δ, ridge on the rest) solved by coordinate descent on
 * the Gram matrix, with σ² from a first ridge pass. Forecasts extend the last trend rate.
 */
final class ProphetStyle extends ClassicalForecaster {
    static final int CHANGEPOINTS = 25;
    static final int DAILY_ORDER = 6;
    static final int WEEKLY_ORDER = 4;
    static final double CHANGEPOINT_SCALE = 0.05;
    static final double SEASONALITY_SCALE = 10;
    static final int SWEEPS = 300;

    ProphetStyle(ForecastOptions options) {
        super(options);
    }

    @Override
    public String name() {
        return "prophet";
    }

    @Override
    Map<String, Object> recordedOptions() {
        return Map.of(
                "horizon",
                options.horizon(),
                "changepoints",
                CHANGEPOINTS,
                "dailyOrder",
                DAILY_ORDER,
                "weeklyOrder",
                WEEKLY_ORDER,
                "changepointPriorScale",
                CHANGEPOINT_SCALE,
                "events",
                options.events().size());
    }

    @Override
    PredictorFit fitPredictor(TimeSeries training) {
        Duration span = Duration.between(training.start(), training.end());
        int daily = span.compareTo(Duration.ofDays(2)) >= 0 && training.step().compareTo(Duration.ofHours(12)) < 0
                ? DAILY_ORDER
                : 0;
        int weekly = span.compareTo(Duration.ofDays(14)) >= 0 ? WEEKLY_ORDER : 0;
        String fallback = weekly == 0
                ? "history of " + span + " is shorter than two weeks: no weekly seasonality"
                        + (daily == 0 ? " and no daily seasonality" : "")
                : null;
        double yScale = Math.max(1e-9, maxAbs(training.values()));
        double[] changepoints = new double[CHANGEPOINTS];
        for (int j = 0; j < CHANGEPOINTS; j++) {
            changepoints[j] = 0.8 * (j + 1) / (CHANGEPOINTS + 1);
        }
        List<String> names =
                options.events().stream().map(Event::name).distinct().toList();
        Model shape = new Model(
                training.start(),
                training.step(),
                span.toSeconds(),
                yScale,
                changepoints,
                daily,
                weekly,
                options.events(),
                names,
                new double[0]);
        double[] beta = solve(shape, training);
        Model model = new Model(
                training.start(),
                training.step(),
                span.toSeconds(),
                yScale,
                changepoints,
                daily,
                weekly,
                options.events(),
                names,
                beta);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("features", beta.length);
        facts.put("activeChangepoints", countActive(beta, 2, CHANGEPOINTS));
        return new PredictorFit(model, "prophet/1", fallback, facts);
    }

    private static double[] solve(Model shape, TimeSeries training) {
        int p = shape.featureCount();
        double[][] gram = new double[p][p];
        double[] xty = new double[p];
        int rows = 0;
        for (int i = 0; i < training.size(); i++) {
            double y = training.valueAt(i);
            if (!Double.isFinite(y)) {
                continue;
            }
            double[] x = shape.features(training.timeAt(i));
            double ys = y / shape.yScale();
            for (int a = 0; a < p; a++) {
                xty[a] += x[a] * ys;
                for (int b = a; b < p; b++) {
                    gram[a][b] += x[a] * x[b];
                }
            }
            rows++;
        }
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < a; b++) {
                gram[a][b] = gram[b][a];
            }
        }
        double[] beta = coordinateDescent(gram, xty, shape, 1e-4, 1e-4);
        double sse = residualSumOfSquares(gram, xty, beta, training, shape.yScale());
        double sigma2 = Math.max(sse / Math.max(1, rows - p), 1e-8);
        return coordinateDescent(
                gram, xty, shape, sigma2 / CHANGEPOINT_SCALE, sigma2 / (SEASONALITY_SCALE * SEASONALITY_SCALE));
    }

    /** Minimises ½‖y − Xβ‖² + l1·Σ|δ| + ½·l2·Σβ_s² (trend slope and offset unpenalised). */
    private static double[] coordinateDescent(double[][] gram, double[] xty, Model shape, double l1, double l2) {
        int p = xty.length;
        double[] beta = new double[p];
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            double change = 0;
            for (int j = 0; j < p; j++) {
                if (gram[j][j] <= 0) {
                    continue;
                }
                double r = xty[j];
                for (int k = 0; k < p; k++) {
                    if (k != j) {
                        r -= gram[j][k] * beta[k];
                    }
                }
                double next;
                if (j < 2) {
                    next = r / gram[j][j];
                } else if (j < 2 + CHANGEPOINTS) {
                    next = Math.signum(r) * Math.max(0, Math.abs(r) - l1) / gram[j][j];
                } else {
                    next = r / (gram[j][j] + l2);
                }
                change = Math.max(change, Math.abs(next - beta[j]));
                beta[j] = next;
            }
            if (change < 1e-7) {
                break;
            }
        }
        return beta;
    }

    private static double residualSumOfSquares(
            double[][] gram, double[] xty, double[] beta, TimeSeries training, double yScale) {
        double yy = 0;
        for (double v : training.values()) {
            if (Double.isFinite(v)) {
                yy += (v / yScale) * (v / yScale);
            }
        }
        double sse = yy;
        for (int a = 0; a < beta.length; a++) {
            sse -= 2 * beta[a] * xty[a];
            for (int b = 0; b < beta.length; b++) {
                sse += beta[a] * gram[a][b] * beta[b];
            }
        }
        return Math.max(sse, 0);
    }

    private static int countActive(double[] beta, int from, int count) {
        int active = 0;
        for (int j = from; j < from + count && j < beta.length; j++) {
            active += Math.abs(beta[j]) > 1e-9 ? 1 : 0;
        }
        return active;
    }

    private static double maxAbs(double[] values) {
        double max = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }

    /**
     * The fitted decomposition. Features: [1, τ, (τ − s_j)+ for each changepoint, daily sin/cos, weekly sin/cos,
     * one indicator per event name], with τ the time scaled so that the training data spans [0, 1].
     */
    record Model(
            Instant start,
            Duration step,
            long spanSeconds,
            double yScale,
            double[] changepoints,
            int dailyOrder,
            int weeklyOrder,
            List<Event> events,
            List<String> eventNames,
            double[] beta)
            implements Predictor {
        int featureCount() {
            return 2 + changepoints.length + 2 * dailyOrder + 2 * weeklyOrder + eventNames.size();
        }

        double[] features(Instant time) {
            double[] x = new double[featureCount()];
            double tau = (time.getEpochSecond() - start.getEpochSecond()) / (double) Math.max(1, spanSeconds);
            x[0] = 1;
            x[1] = tau;
            int k = 2;
            for (double s : changepoints) {
                x[k++] = Math.max(0, tau - s);
            }
            double seconds = time.getEpochSecond();
            k = fourier(x, k, seconds / 86_400.0, dailyOrder);
            k = fourier(x, k, seconds / 604_800.0, weeklyOrder);
            for (String name : eventNames) {
                for (Event event : events) {
                    if (event.name().equals(name) && event.covers(time)) {
                        x[k] = 1;
                    }
                }
                k++;
            }
            return x;
        }

        private static int fourier(double[] x, int k, double cycles, int order) {
            for (int n = 1; n <= order; n++) {
                double angle = 2 * Math.PI * n * cycles;
                x[k++] = Math.sin(angle);
                x[k++] = Math.cos(angle);
            }
            return k;
        }

        @Override
        public double[] point(double[] history, Instant historyStart, int horizon) {
            double[] out = new double[horizon];
            for (int h = 0; h < horizon; h++) {
                double[] x = features(historyStart.plus(step.multipliedBy(history.length + (long) h)));
                double sum = 0;
                for (int j = 0; j < x.length; j++) {
                    sum += x[j] * beta[j];
                }
                out[h] = sum * yScale;
            }
            return out;
        }
    }
}
