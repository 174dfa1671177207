package io.prescale.core.forecast;

/**
 * Accuracy of scored forecasts, as fractions: WAPE = Σ|e|/Σ|y|; sMAPE = mean of 2|e|/(|y|+|ŷ|) with
 * 0/0 = 0; NRMSE = RMSE/std(y over the targets); MASE = MAE / {@code scale}, the in-sample MAE of the weekly
 * seasonal naive before the test period (Hyndman & Koehler 2006); pinball = mean over τ ∈ {.1, .5, .9} of the
 * mean quantile loss, divided by the same scale; coverage80 = share of targets with p10 ≤ y ≤ p90. The point
 * forecast ŷ is the median (p50).
 */
public record ForecastMetrics(
        double mase, double wape, double smape, double nrmse, double pinball, double coverage80, int targets) {
    /** Levels every backtest forecasts. */
    static final double[] LEVELS = {0.1, 0.5, 0.9};

    /**
     * Metrics of {@code y} against quantile forecasts {@code p10, p50, p90} (same length, finite).
     *
     * @param scale the MASE scale (> 0)
     */
    public static ForecastMetrics of(double[] y, double[] p10, double[] p50, double[] p90, double scale) {
        int n = y.length;
        if (p10.length != n || p50.length != n || p90.length != n) {
            throw new IllegalArgumentException("y and the quantiles must have the same length, got " + n + ", "
                    + p10.length + ", " + p50.length + ", " + p90.length);
        }
        if (!(scale > 0)) {
            throw new IllegalArgumentException("MASE scale must be > 0, got " + scale);
        }
        double absErr = 0;
        double absY = 0;
        double smape = 0;
        double sq = 0;
        double pinball = 0;
        int covered = 0;
        double mean = 0;
        for (int i = 0; i < n; i++) {
            double e = y[i] - p50[i];
            absErr += Math.abs(e);
            absY += Math.abs(y[i]);
            double denominator = Math.abs(y[i]) + Math.abs(p50[i]);
            smape += denominator == 0 ? 0 : 2 * Math.abs(e) / denominator;
            sq += e * e;
            pinball += (loss(y[i], p10[i], 0.1) + loss(y[i], p50[i], 0.5) + loss(y[i], p90[i], 0.9)) / 3;
            if (p10[i] <= y[i] && y[i] <= p90[i]) {
                covered++;
            }
            mean += y[i];
        }
        if (n == 0) {
            return new ForecastMetrics(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        mean /= n;
        double var = 0;
        for (double v : y) {
            var += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(var / n);
        return new ForecastMetrics(
                absErr / n / scale,
                absY == 0 ? Double.NaN : absErr / absY,
                smape / n,
                std == 0 ? Double.NaN : Math.sqrt(sq / n) / std,
                pinball / n / scale,
                covered / (double) n,
                n);
    }

    /** The quantile (pinball) loss of forecast {@code q} at level {@code tau}. */
    public static double loss(double y, double q, double tau) {
        double e = y - q;
        return e >= 0 ? tau * e : (tau - 1) * e;
    }

    /**
     * The MASE scale: mean |y[i] − y[i−L]| over the finite pairs in {@code values[0, end)}, with L one week of
     * steps, else one day, else 1 when the data is too short; NaN when there is no pair.
     */
    public static double maseScale(double[] values, int end, int weekly, int daily) {
        for (int lag : new int[] {weekly, daily, 1}) {
            if (lag < 1 || lag >= end) {
                continue;
            }
            double sum = 0;
            int count = 0;
            for (int i = lag; i < end; i++) {
                if (Double.isFinite(values[i]) && Double.isFinite(values[i - lag])) {
                    sum += Math.abs(values[i] - values[i - lag]);
                    count++;
                }
            }
            if (count > 0 && sum > 0) {
                return sum / count;
            }
        }
        return Double.NaN;
    }
}
