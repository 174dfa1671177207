package io.prescale.core.forecast;

import io.prescale.core.series.TimeSeries;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Additive Holt–Winters exponential smoothing with up to two seasonal cycles and an AR(1) adjustment of the
 * one-step error: Taylor 2003, "Short-term electricity demand forecasting using double seasonal exponential
 * smoothing", J. Oper. Res. Soc. 54:799–805. Periods come from {@link Seasonality#detect} (ACF by FFT).
 * Parameters (α level, δ first season, ω second season, φ error AR) are fitted by Nelder–Mead on the mean
 * absolute error at the configured horizon. Without a detected season it is simple exponential smoothing with
 * the AR(1) adjustment, and says so.
 */
final class HoltWinters extends ClassicalForecaster {
    static final int MAX_EVALS = 160;

    HoltWinters(ForecastOptions options) {
        super(options);
    }

    @Override
    public String name() {
        return "holt-winters";
    }

    @Override
    PredictorFit fitPredictor(TimeSeries training) {
        double[] y = training.values();
        int[] periods = Seasonality.detect(Gaps.fill(y, 0), training.step());
        String fallback = fallbackNote(y.length, periods, training);
        int m1 = periods.length > 0 ? periods[0] : 0;
        int m2 = periods.length > 1 ? periods[1] : 0;
        int h = Math.min(options.horizon(), Math.max(1, m1 > 0 ? m1 : 48));
        double[] window = Arrays.copyOfRange(y, Math.max(0, y.length - fitWindow(m1, m2)), y.length);
        double[] best = NelderMead.minimise(
                p -> new Filter(m1, m2, params(p)).loss(window, h), new double[] {-2, -2, -2, 0}, 1.0, MAX_EVALS);
        double[] parameters = params(best);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("periods", Arrays.stream(periods).boxed().toList());
        facts.put("alpha", parameters[0]);
        facts.put("delta", parameters[1]);
        facts.put("omega", parameters[2]);
        facts.put("phi", parameters[3]);
        return new PredictorFit(new Model(m1, m2, parameters), "holt-winters/1", fallback, facts);
    }

    static String fallbackNote(int n, int[] periods, TimeSeries training) {
        int daily = Seasonality.daily(training.step());
        int weekly = Seasonality.weekly(training.step());
        if (periods.length == 0) {
            return "no season found (history " + n + " steps); simple exponential smoothing";
        }
        if (periods.length == 1 && weekly > 0 && n < 2 * weekly && periods[0] == daily) {
            return "history of " + n + " steps is shorter than two weeks; daily season only";
        }
        return null;
    }

    /** Steps the filter runs over: enough for the slowest season to settle, bounded for speed. */
    static int fitWindow(int m1, int m2) {
        return Math.max(8 * Math.max(m1, m2), 3000);
    }

    static double[] params(double[] raw) {
        double[] p = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            p[i] = 1 / (1 + Math.exp(-raw[i]));
        }
        return p;
    }

    /** The fitted model: re-runs the filter over (the newest part of) the given history. */
    record Model(int m1, int m2, double[] parameters) implements Predictor {
        @Override
        public double[] point(double[] history, Instant start, int horizon) {
            int from = Math.max(0, history.length - fitWindow(m1, m2));
            Filter filter = new Filter(m1, m2, parameters);
            filter.run(Arrays.copyOfRange(history, from, history.length), 0, null);
            return filter.forecast(horizon);
        }
    }

    /** One pass of the smoothing equations. */
    static final class Filter {
        private final int m1;
        private final int m2;
        private final double alpha;
        private final double delta;
        private final double omega;
        private final double phi;
        private double level;
        private double error;
        private double[] d;
        private double[] w;
        private int t;

        Filter(int m1, int m2, double[] p) {
            this.m1 = m1;
            this.m2 = m2;
            this.alpha = p[0];
            this.delta = p[1];
            this.omega = p[2];
            this.phi = p[3];
        }

        /** Mean absolute error of the {@code h}-step forecasts after one season of burn-in. */
        double loss(double[] y, int h) {
            double[] sum = new double[2];
            run(y, h, sum);
            return sum[1] == 0 ? Double.MAX_VALUE : sum[0] / sum[1];
        }

        void run(double[] raw, int h, double[] lossSum) {
            double[] y = Gaps.fill(raw, 0);
            initialise(y);
            int burnIn = Math.max(Math.max(m1, m2), 1);
            double[] pending = lossSum == null ? null : new double[y.length + h];
            for (t = 0; t < y.length; t++) {
                if (pending != null && t >= burnIn + h && Double.isFinite(raw[t])) {
                    lossSum[0] += Math.abs(raw[t] - pending[t]);
                    lossSum[1]++;
                }
                update(y[t], Double.isFinite(raw[t]));
                if (pending != null) {
                    pending[t + h] = ahead(h);
                }
            }
        }

        private void update(double value, boolean observed) {
            double ds = m1 > 0 ? d[t % m1] : 0;
            double ws = m2 > 0 ? w[t % m2] : 0;
            if (!observed) {
                error *= phi;
                return;
            }
            double newLevel = alpha * (value - ds - ws) + (1 - alpha) * level;
            if (m1 > 0) {
                d[t % m1] = delta * (value - newLevel - ws) + (1 - delta) * ds;
            }
            if (m2 > 0) {
                w[t % m2] = omega * (value - newLevel - ds) + (1 - omega) * ws;
            }
            error = value - (level + ds + ws);
            level = newLevel;
        }

        /** Forecast made now for {@code k} steps ahead (k ≥ 1). */
        private double ahead(int k) {
            int target = t + k;
            return level + (m1 > 0 ? d[target % m1] : 0) + (m2 > 0 ? w[target % m2] : 0) + Math.pow(phi, k) * error;
        }

        double[] forecast(int horizon) {
            t--;
            double[] out = new double[horizon];
            for (int k = 1; k <= horizon; k++) {
                out[k - 1] = ahead(k);
            }
            return out;
        }

        private void initialise(double[] y) {
            int n = y.length;
            int span = Math.min(n, Math.max(Math.max(m1, m2), 1));
            level = mean(y, 0, span, 1, 0);
            error = 0;
            d = new double[Math.max(m1, 0)];
            w = new double[Math.max(m2, 0)];
            for (int phase = 0; phase < m1; phase++) {
                d[phase] = mean(y, phase, Math.min(n, Math.max(m2, 2 * m1)), m1, level);
            }
            for (int phase = 0; phase < m2 && phase < n; phase++) {
                w[phase] = y[phase] - level - (m1 > 0 ? d[phase % m1] : 0);
            }
        }

        private static double mean(double[] y, int from, int to, int stride, double minus) {
            double sum = 0;
            int count = 0;
            for (int i = from; i < to; i += stride) {
                sum += y[i] - minus;
                count++;
            }
            return count == 0 ? 0 : sum / count;
        }
    }
}
