package io.prescale.core.forecast;

import io.prescale.core.series.TimeSeries;
import java.util.List;
import java.util.Objects;

/**
 * A weighted combination of models by quantile averaging (Vincentization; Lichtendahl, Grushka-Cockayne &
 * Winkler 2013, "Is it better to average probabilities or quantiles?"): level τ of the combination is the
 * weighted mean of the members' level-τ forecasts, so quantiles stay ordered. Forecast combination is the most
 * reliable gain in the M-competitions (Makridakis et al. 2020, M4).
 *
 * @param weights one non-negative weight per member, summing to 1
 */
record Combination(List<ForecastModel> members, double[] weights, ModelProvenance provenance)
        implements ForecastModel, BatchForecast {
    Combination {
        members = List.copyOf(members);
        Objects.requireNonNull(provenance, "provenance");
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a combination needs at least one member");
        }
        weights = weights.clone();
        double sum = 0;
        for (double w : weights) {
            if (!(w >= 0)) {
                throw new IllegalArgumentException(
                        "combination weights must be ≥ 0, got " + java.util.Arrays.toString(weights));
            }
            sum += w;
        }
        if (weights.length != members.size() || Math.abs(sum - 1) > 1e-6) {
            throw new IllegalArgumentException("one weight per member, summing to 1, is needed; got "
                    + java.util.Arrays.toString(weights) + " for " + members.size() + " members");
        }
    }

    /** The equal-weight combination. */
    Combination(List<ForecastModel> members, ModelProvenance provenance) {
        this(members, equal(members.size()), provenance);
    }

    private static double[] equal(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0 / Math.max(1, n));
        return w;
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public QuantileForecast forecast(TimeSeries history, int horizon, double[] levels) {
        QuantileForecast[] parts = new QuantileForecast[members.size()];
        for (int m = 0; m < parts.length; m++) {
            parts[m] = members.get(m).forecast(history, horizon, levels);
        }
        return average(parts, weights, levels);
    }

    @Override
    public QuantileForecast[] forecastAll(TimeSeries series, int[] origins, int horizon, double[] levels) {
        QuantileForecast[][] parts = new QuantileForecast[members.size()][];
        for (int m = 0; m < parts.length; m++) {
            parts[m] = Backtest.forecastAll(members.get(m), series, origins, horizon, levels);
        }
        QuantileForecast[] out = new QuantileForecast[origins.length];
        QuantileForecast[] column = new QuantileForecast[parts.length];
        for (int i = 0; i < origins.length; i++) {
            for (int m = 0; m < parts.length; m++) {
                column[m] = parts[m][i];
            }
            out[i] = average(column, weights, levels);
        }
        return out;
    }

    private static QuantileForecast average(QuantileForecast[] parts, double[] weights, double[] levels) {
        int horizon = parts[0].horizon();
        double[][] values = new double[horizon][levels.length];
        for (int m = 0; m < parts.length; m++) {
            for (int h = 0; h < horizon; h++) {
                for (int q = 0; q < levels.length; q++) {
                    values[h][q] += weights[m] * parts[m].value(h, q);
                }
            }
        }
        for (int h = 0; h < horizon; h++) {
            for (int q = 1; q < levels.length; q++) {
                values[h][q] = Math.max(values[h][q], values[h][q - 1]);
            }
        }
        return new QuantileForecast(parts[0].origin(), parts[0].step(), levels, values);
    }
}
