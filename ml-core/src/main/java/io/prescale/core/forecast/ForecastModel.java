package io.prescale.core.forecast;

import io.prescale.core.series.TimeSeries;

/** A fitted forecasting model. Immutable and thread-safe. */
public interface ForecastModel {
    /**
     * Forecasts the {@code horizon} steps that follow {@code history} (which must have the model's step and
     * may be newer than the training data), for each quantile level in {@code levels}.
     *
     * @param levels strictly increasing levels in (0, 1), e.g. {0.5, 0.9, 0.95, 0.99}
     */
    QuantileForecast forecast(TimeSeries history, int horizon, double[] levels);

    /**
     * Where the model came from (data range, options, seed, version, fallback). Models of this package always
     * have one; the default, for models written elsewhere, is null.
     */
    default ModelProvenance provenance() {
        return null;
    }
}
