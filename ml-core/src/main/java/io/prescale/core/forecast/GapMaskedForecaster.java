package io.prescale.core.forecast;

import io.prescale.core.series.TimeSeries;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A forecaster that fits (and refits) {@code inner} on a masked copy of the history, e.g. with anomalous spans
 * turned into gaps, while its models forecast from the real history. Warm refits and batch forecasting of the
 * inner models are kept.
 *
 * @param inner  the forecaster that fits
 * @param masker turns a training history into the series actually fitted (same start, step and length)
 */
public record GapMaskedForecaster(Forecaster inner, UnaryOperator<TimeSeries> masker) implements Forecaster {
    public GapMaskedForecaster {
        Objects.requireNonNull(inner, "inner");
        Objects.requireNonNull(masker, "masker");
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public ForecastModel fit(TimeSeries history) {
        return new Masked(inner.fit(masker.apply(history)));
    }

    private final class Masked implements ForecastModel, Refittable, BatchForecast {
        private final ForecastModel model;

        Masked(ForecastModel model) {
            this.model = model;
        }

        @Override
        public QuantileForecast forecast(TimeSeries history, int horizon, double[] levels) {
            return model.forecast(history, horizon, levels);
        }

        @Override
        public ModelProvenance provenance() {
            return model.provenance();
        }

        @Override
        public ForecastModel refit(TimeSeries history) {
            TimeSeries masked = masker.apply(history);
            return new Masked(model instanceof Refittable r ? r.refit(masked) : inner.fit(masked));
        }

        @Override
        public QuantileForecast[] forecastAll(TimeSeries series, int[] origins, int horizon, double[] levels) {
            return Backtest.forecastAll(model, series, origins, horizon, levels);
        }
    }
}
