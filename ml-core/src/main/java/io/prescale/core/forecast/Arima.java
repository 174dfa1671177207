package io.prescale.core.forecast;

import io.prescale.core.series.TimeSeries;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import smile.timeseries.ARMA;

/**
 * ARIMA(p,d,q)(0,D,0)_S: our seasonal differencing {@code (1−B^S)^D} at the longest detected period S and regular
 * differencing {@code (1−B)^d} (d = 1 when the seasonally differenced series still has a lag-1 autocorrelation
 * above 0.97), then SMILE 2.6's ARMA (Hannan & Rissanen 1982 estimation) on the differenced series, with (p, q)
 * chosen by AIC (Box, Jenkins & Reinsel, "Time Series Analysis", ch. 9 for the seasonal form). Forecasts run the
 * ARMA recursion over the newest history with the fitted coefficients, then undo the differencing.
 */
final class Arima extends ClassicalForecaster {
    private static final int[][] ORDERS = {{1, 0}, {2, 0}, {3, 1}, {5, 1}, {8, 0}, {12, 1}};
    static final int MAX_FIT = 6000;
    static final int TAIL = 3000;

    Arima(ForecastOptions options) {
        super(options);
    }

    @Override
    public String name() {
        return "arima";
    }

    @Override
    PredictorFit fitPredictor(TimeSeries training) {
        double[] y = training.values();
        int[] periods = Seasonality.detect(Gaps.fill(y, 0), training.step());
        int season = periods.length == 0 ? 0 : periods[periods.length - 1];
        String fallback = HoltWinters.fallbackNote(y.length, periods, training);
        double[] x = Gaps.fill(y, season);
        double[] z = difference(x, season, 0);
        int d = z.length > 10 && Seasonality.acf(z, 1)[1] > 0.97 ? 1 : 0;
        if (d == 1) {
            z = difference(x, season, 1);
        }
        double[] sample = Arrays.copyOfRange(z, Math.max(0, z.length - MAX_FIT), z.length);
        ARMA best = null;
        double bestAic = Double.POSITIVE_INFINITY;
        for (int[] order : ORDERS) {
            if (sample.length < 10 * (order[0] + order[1] + 2)) {
                continue;
            }
            try {
                ARMA arma = ARMA.fit(sample, order[0], order[1]);
                int m = arma.residuals().length;
                double aic = m * Math.log(Math.max(arma.RSS(), 1e-300) / m) + 2 * (order[0] + order[1] + 1);
                if (Double.isFinite(aic) && aic < bestAic) {
                    bestAic = aic;
                    best = arma;
                }
            } catch (RuntimeException e) {
                // a singular design for this order: try the others
            }
        }
        Model model = best == null
                ? new Model(season, d, new double[0], new double[0], mean(sample))
                : new Model(season, d, best.ar(), best.ma(), best.intercept());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("season", season);
        facts.put("d", d);
        facts.put("D", season > 0 ? 1 : 0);
        facts.put("p", model.ar().length);
        facts.put("q", model.ma().length);
        return new PredictorFit(
                model,
                "arima/1",
                best == null ? "no ARMA order could be fitted; mean of the differences" : fallback,
                facts);
    }

    /** {@code (1−B)^d (1−B^S) x} (no seasonal step when S = 0); the result is shorter by S + d. */
    static double[] difference(double[] x, int season, int d) {
        double[] z = x;
        if (season > 0) {
            z = new double[Math.max(0, x.length - season)];
            for (int i = 0; i < z.length; i++) {
                z[i] = x[i + season] - x[i];
            }
        }
        if (d == 1) {
            double[] r = new double[Math.max(0, z.length - 1)];
            for (int i = 0; i < r.length; i++) {
                r[i] = z[i + 1] - z[i];
            }
            z = r;
        }
        return z;
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }

    /** The fitted ARIMA: z_t = c + Σ φ_i z_{t−i} + Σ θ_j e_{t−j} + e_t on the differenced series. */
    record Model(int season, int d, double[] ar, double[] ma, double intercept) implements Predictor {
        @Override
        public double[] point(double[] history, Instant start, int horizon) {
            int keep = Math.min(history.length, TAIL + season + d);
            double[] x = Gaps.fill(Arrays.copyOfRange(history, history.length - keep, history.length), season);
            if (x.length <= season + d + 1) {
                return new NaiveForecaster.Seasonal(season).point(x, start, horizon);
            }
            double[] z = difference(x, season, d);
            double[] zf = armaForecast(z, horizon);
            return integrate(x, zf);
        }

        double[] armaForecast(double[] z, int horizon) {
            int n = z.length;
            int p = ar.length;
            int q = ma.length;
            double[] all = Arrays.copyOf(z, n + horizon);
            double[] e = new double[n + horizon];
            for (int t = 0; t < n + horizon; t++) {
                double fit = intercept;
                for (int i = 1; i <= p; i++) {
                    fit += t - i >= 0 ? ar[i - 1] * all[t - i] : 0;
                }
                for (int j = 1; j <= q; j++) {
                    fit += t - j >= 0 ? ma[j - 1] * e[t - j] : 0;
                }
                if (t < n) {
                    e[t] = t >= p ? all[t] - fit : 0;
                } else {
                    all[t] = fit;
                }
            }
            return Arrays.copyOfRange(all, n, n + horizon);
        }

        /** Undoes the differencing of forecasts {@code zf} that follow {@code x}. */
        double[] integrate(double[] x, double[] zf) {
            int n = x.length;
            int horizon = zf.length;
            double[] ext = Arrays.copyOf(x, n + horizon);
            double lastSeasonalDiff = season > 0 ? x[n - 1] - x[n - 1 - season] : x[n - 1];
            for (int k = 0; k < horizon; k++) {
                double sd = d == 1 ? lastSeasonalDiff + zf[k] : zf[k];
                lastSeasonalDiff = sd;
                ext[n + k] = season > 0 ? ext[n + k - season] + sd : (d == 1 ? sd : sd);
            }
            return Arrays.copyOfRange(ext, n, n + horizon);
        }
    }
}
