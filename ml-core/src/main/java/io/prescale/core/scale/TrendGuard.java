package io.prescale.core.scale;

import io.prescale.core.forecast.QuantileForecast;
import io.prescale.core.series.TimeSeries;
import java.util.Arrays;
import java.util.Objects;

/**
 * A short-horizon guard for ramps the forecast did not see (an unannounced surge, a launch): the Theil–Sen
 * slope (Sen 1968) of the newest {@code windowSteps} loads, extrapolated over the forecast, raises every
 * quantile at or above the median to at least the extrapolated load. It only acts when the rise over the
 * window exceeds {@code gate} robust standard deviations of the loads around the fitted line (1.4826 × their
 * median absolute deviation), so that noise does not pay for capacity; a falling or flat load never changes
 * the forecast. Immutable and thread-safe.
 *
 * @param windowSteps how many of the newest steps the slope is fitted on (&ge; 4)
 * @param gate how many robust standard deviations the rise over the window must exceed (&gt; 0)
 */
public record TrendGuard(int windowSteps, double gate) {
    public TrendGuard {
        if (windowSteps < 4) {
            throw new IllegalArgumentException("trend window must be at least 4 steps, got " + windowSteps);
        }
        if (!(gate > 0) || !Double.isFinite(gate)) {
            throw new IllegalArgumentException("trend gate must be a finite number > 0, got " + gate);
        }
    }

    /** The guard over {@code windowSteps} with a gate of 4 robust standard deviations. */
    public static TrendGuard of(int windowSteps) {
        return new TrendGuard(windowSteps, 4);
    }

    /**
     * {@code forecast}, raised where the newest trend of {@code history} (which ends at the forecast's origin)
     * runs above it; the forecast itself when the trend is not significant or not rising.
     */
    public QuantileForecast apply(TimeSeries history, QuantileForecast forecast) {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(forecast, "forecast");
        int n = history.size();
        if (n < windowSteps) {
            return forecast;
        }
        double[] y = Arrays.copyOfRange(history.values(), n - windowSteps, n);
        for (double v : y) {
            if (!Double.isFinite(v)) {
                return forecast;
            }
        }
        double slope = theilSen(y);
        if (!(slope > 0)) {
            return forecast;
        }
        double[] residuals = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            residuals[i] = y[i] - slope * i;
        }
        double intercept = median(residuals);
        double[] deviations = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            deviations[i] = Math.abs(residuals[i] - intercept);
        }
        double sigma = 1.4826 * median(deviations);
        if (slope * (y.length - 1) <= gate * Math.max(sigma, 1e-12)) {
            return forecast;
        }
        double[] levels = forecast.levels();
        double[][] values = new double[forecast.horizon()][levels.length];
        boolean raised = false;
        for (int h = 0; h < values.length; h++) {
            double projected = intercept + slope * (y.length + h);
            for (int q = 0; q < levels.length; q++) {
                double v = forecast.value(h, q);
                if (levels[q] >= 0.5 && projected > v) {
                    v = projected;
                    raised = true;
                }
                values[h][q] = q > 0 ? Math.max(v, values[h][q - 1]) : v;
            }
        }
        return raised ? new QuantileForecast(forecast.origin(), forecast.step(), levels, values) : forecast;
    }

    /** The median of all pairwise slopes (Sen 1968), O(m²) for the small windows used here. */
    private static double theilSen(double[] y) {
        int m = y.length;
        double[] slopes = new double[m * (m - 1) / 2];
        int k = 0;
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                slopes[k++] = (y[j] - y[i]) / (j - i);
            }
        }
        return median(slopes);
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
