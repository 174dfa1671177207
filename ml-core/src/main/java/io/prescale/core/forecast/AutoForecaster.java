package io.prescale.core.forecast;

import io.prescale.core.series.TimeSeries;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code auto}: picks one model per series by a rolling-origin backtest on the newest part of the history it is
 * given (in a backtest that is only data before {@code --test-from}). Each candidate is fitted on the history
 * before a validation window V (a quarter of the history, at most two weeks), forecasts every validation target
 * at the configured horizon H from the data before it, and is scored by the under-prediction-penalising error
 *
 * <pre>  E = Σ_t [ 2·max(y_t − ŷ_t, 0) + max(ŷ_t − y_t, 0) ] / Σ_t |y_t|</pre>
 *
 * where ŷ is the candidate's median (candidates: the daily and weekly seasonal naive, Holt-Winters, ARIMA, the
 * quantile-averaged combination of the last two, {@link Combination}, and the weighted combination of the four
 * singles whose convex weights — multiples of 1/{@link #GRID} — give the least E on the same targets): running
 * short of capacity costs twice as much as over-provisioning (the asymmetry Crane's predictor applies). The candidate with the least E is refitted on the whole history; refits
 * in a backtest keep the choice.
 */
final class AutoForecaster implements Forecaster {
    static final List<String> CANDIDATES =
            List.of("seasonal-naive-daily", "seasonal-naive-weekly", "holt-winters", "arima");
    static final double UNDER_WEIGHT = 2.0;
    /** The name auto gives the combination of Holt-Winters and ARIMA (see {@link Combination}). */
    static final String COMBINATION = "holt-winters+arima";
    /** The name auto gives the weighted combination of the single candidates. */
    static final String WEIGHTED = "weighted";
    /** Combination weights are multiples of 1/GRID. */
    static final int GRID = 10;

    private static final int MAX_ORIGINS = 300;
    private final ForecastOptions options;

    AutoForecaster(ForecastOptions options) {
        this.options = options;
    }

    @Override
    public String name() {
        return "auto";
    }

    @Override
    public ForecastModel fit(TimeSeries history) {
        ClassicalForecaster.checkHistory(history);
        int n = history.size();
        int weekly = Seasonality.weekly(history.step());
        int v = Math.min(n / 4, weekly > 0 ? 2 * weekly : 2000);
        Map<String, Object> scores = new LinkedHashMap<>();
        String best = "naive";
        Map<String, Double> weights = Map.of();
        double bestScore = Double.POSITIVE_INFINITY;
        if (v >= options.horizon() + 10 && n - v >= 20) {
            Map<String, double[]> medians = new LinkedHashMap<>();
            for (String candidate : CANDIDATES) {
                medians.put(candidate, medians(Forecasters.byName(candidate, options), history, n - v));
            }
            medians.put(COMBINATION, mean(medians.get("holt-winters"), medians.get("arima")));
            for (Map.Entry<String, double[]> e : medians.entrySet()) {
                double score = score(e.getValue(), history, n - v);
                scores.put(e.getKey(), score);
                if (score < bestScore) {
                    bestScore = score;
                    best = e.getKey();
                }
            }
            Map<String, Double> found = weights(medians, history, n - v);
            if (found != null) {
                double score = score(weighted(medians, found), history, n - v);
                scores.put(WEIGHTED, score);
                if (score < bestScore - 1e-12) {
                    bestScore = score;
                    best = WEIGHTED;
                    weights = found;
                }
            }
        }
        return choose(best, weights, history, scores, bestScore);
    }

    /**
     * The convex weights over the single candidates (on a grid of 1/{@link #GRID}) whose weighted median has
     * the least E on the validation targets; null when fewer than two candidates could be fitted.
     */
    Map<String, Double> weights(Map<String, double[]> medians, TimeSeries history, int split) {
        List<String> names =
                CANDIDATES.stream().filter(c -> medians.get(c) != null).toList();
        if (names.size() < 2) {
            return null;
        }
        int[] units = new int[names.size()];
        int[] best = new int[names.size()];
        double[] bestScore = {Double.POSITIVE_INFINITY};
        search(names, medians, history, split, units, 0, GRID, best, bestScore);
        Map<String, Double> w = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (best[i] > 0) {
                w.put(names.get(i), best[i] / (double) GRID);
            }
        }
        return w;
    }

    private void search(
            List<String> names,
            Map<String, double[]> medians,
            TimeSeries history,
            int split,
            int[] units,
            int index,
            int left,
            int[] best,
            double[] bestScore) {
        if (index == names.size() - 1) {
            units[index] = left;
            Map<String, Double> w = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                w.put(names.get(i), units[i] / (double) GRID);
            }
            double score = score(weighted(medians, w), history, split);
            if (score < bestScore[0] - 1e-12) {
                bestScore[0] = score;
                System.arraycopy(units, 0, best, 0, units.length);
            }
            return;
        }
        for (int u = 0; u <= left; u++) {
            units[index] = u;
            search(names, medians, history, split, units, index + 1, left - u, best, bestScore);
        }
    }

    private static double[] weighted(Map<String, double[]> medians, Map<String, Double> weights) {
        double[] out = null;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            double[] m = medians.get(e.getKey());
            if (out == null) {
                out = new double[m.length];
            }
            for (int i = 0; i < m.length; i++) {
                out[i] += e.getValue() * m[i];
            }
        }
        return out;
    }

    static double[] mean(double[] a, double[] b) {
        if (a == null || b == null) {
            return null;
        }
        double[] m = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            m[i] = (a[i] + b[i]) / 2;
        }
        return m;
    }

    /**
     * Fits {@code chosen} on {@code history}: one model, the combination of holt-winters and arima, or the
     * weighted combination with {@code weights}.
     */
    ForecastModel fitNamed(String chosen, Map<String, Double> weights, TimeSeries history) {
        if (chosen.equals(WEIGHTED)) {
            List<ForecastModel> members = new java.util.ArrayList<>();
            double[] w = new double[weights.size()];
            String fallback = null;
            Map<String, Object> facts = new LinkedHashMap<>();
            int i = 0;
            for (Map.Entry<String, Double> e : weights.entrySet()) {
                ForecastModel member = Forecasters.byName(e.getKey(), options).fit(history);
                members.add(member);
                w[i++] = e.getValue();
                fallback = fallback != null ? fallback : member.provenance().fallback();
                facts.put(e.getKey(), member.provenance().fit());
            }
            facts.put("weights", weights);
            return new Combination(
                    members,
                    w,
                    new ModelProvenance(
                            WEIGHTED,
                            history.start(),
                            history.end(),
                            history.size(),
                            history.step(),
                            Map.of("horizon", options.horizon()),
                            options.seed(),
                            "combination/2",
                            fallback,
                            facts));
        }
        if (!chosen.equals(COMBINATION)) {
            return Forecasters.byName(chosen, options).fit(history);
        }
        ForecastModel hw = Forecasters.byName("holt-winters", options).fit(history);
        ForecastModel arima = Forecasters.byName("arima", options).fit(history);
        String fallback = hw.provenance().fallback() != null
                ? hw.provenance().fallback()
                : arima.provenance().fallback();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("holt-winters", hw.provenance().fit());
        facts.put("arima", arima.provenance().fit());
        return new Combination(
                List.of(hw, arima),
                new ModelProvenance(
                        COMBINATION,
                        history.start(),
                        history.end(),
                        history.size(),
                        history.step(),
                        Map.of("horizon", options.horizon()),
                        options.seed(),
                        "combination/1",
                        fallback,
                        facts));
    }

    private ForecastModel choose(
            String chosen,
            Map<String, Double> weights,
            TimeSeries history,
            Map<String, Object> scores,
            double bestScore) {
        ForecastModel inner = fitNamed(chosen, weights, history);
        ModelProvenance innerProvenance = inner.provenance();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("chosen", chosen);
        if (chosen.equals(WEIGHTED)) {
            facts.put("weights", weights);
        }
        facts.put("scores", scores);
        facts.put("chosenFit", innerProvenance.fit());
        String fallback = scores.isEmpty()
                ? "history of " + history.size() + " steps is too short to compare models: " + chosen
                : innerProvenance.fallback();
        ModelProvenance provenance = new ModelProvenance(
                "auto",
                history.start(),
                history.end(),
                history.size(),
                history.step(),
                Map.of("horizon", options.horizon(), "candidates", CANDIDATES, "underWeight", UNDER_WEIGHT),
                options.seed(),
                "auto/2",
                fallback,
                facts);
        return new AutoModel(inner, chosen, provenance, options);
    }

    /** Medians at step H of {@code forecaster} fitted on {@code [0, split)}, for the targets of {@link #targets}. */
    double[] medians(Forecaster forecaster, TimeSeries history, int split) {
        int[] targets = targets(history, split);
        int h = options.horizon();
        int[] origins = new int[targets.length];
        for (int i = 0; i < targets.length; i++) {
            origins[i] = targets[i] - h + 1;
        }
        try {
            ForecastModel model = forecaster.fit(history.slice(0, split));
            QuantileForecast[] forecasts = Backtest.forecastAll(
                    model, history.slice(0, origins[origins.length - 1]), origins, h, new double[] {0.5});
            double[] medians = new double[targets.length];
            for (int i = 0; i < targets.length; i++) {
                medians[i] = forecasts[i].value(h - 1, 0);
            }
            return medians;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private int[] targets(TimeSeries history, int split) {
        int first = split + options.horizon() - 1;
        int stride = Math.max(1, (history.size() - first) / MAX_ORIGINS);
        return java.util.stream.IntStream.iterate(first, t -> t < history.size(), t -> t + stride)
                .toArray();
    }

    /** E (see the class comment) of the medians over the validation targets; infinite when the fit failed. */
    double score(double[] medians, TimeSeries history, int split) {
        if (medians == null) {
            return Double.POSITIVE_INFINITY;
        }
        int[] targets = targets(history, split);
        double loss = 0;
        double total = 0;
        for (int i = 0; i < targets.length; i++) {
            double y = history.valueAt(targets[i]);
            if (!Double.isFinite(y)) {
                continue;
            }
            double p = medians[i];
            loss += y > p ? UNDER_WEIGHT * (y - p) : p - y;
            total += Math.abs(y);
        }
        return total == 0 ? Double.POSITIVE_INFINITY : loss / total;
    }

    /** The chosen model, with auto's provenance; a refit keeps the choice. */
    record AutoModel(ForecastModel inner, String chosen, ModelProvenance provenance, ForecastOptions options)
            implements ForecastModel, Refittable, BatchForecast {
        @Override
        public QuantileForecast forecast(TimeSeries history, int horizon, double[] levels) {
            return inner.forecast(history, horizon, levels);
        }

        @Override
        public QuantileForecast[] forecastAll(TimeSeries series, int[] origins, int horizon, double[] levels) {
            return Backtest.forecastAll(inner, series, origins, horizon, levels);
        }

        @Override
        public ForecastModel refit(TimeSeries history) {
            ForecastModel next;
            if (inner instanceof Refittable r) {
                next = r.refit(history);
            } else if (inner instanceof Combination c && chosen.equals(WEIGHTED)) {
                Map<String, Double> weights = new LinkedHashMap<>();
                for (int i = 0; i < c.members().size(); i++) {
                    weights.put(c.members().get(i).provenance().model(), c.weights()[i]);
                }
                next = new AutoForecaster(options).fitNamed(chosen, weights, history);
            } else {
                next = new AutoForecaster(options).fitNamed(chosen, Map.of(), history);
            }
            ModelProvenance p = provenance;
            return new AutoModel(
                    next,
                    chosen,
                    new ModelProvenance(
                            p.model(),
                            history.start(),
                            history.end(),
                            history.size(),
                            p.step(),
                            p.options(),
                            p.seed(),
                            p.version(),
                            p.fallback(),
                            p.fit()),
                    options);
        }
    }
}
