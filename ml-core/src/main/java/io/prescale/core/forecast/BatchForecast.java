package io.prescale.core.forecast;

import io.prescale.core.series.TimeSeries;

/** Forecasts from many origins of one series in one call (what a backtest needs between two refits). */
interface BatchForecast {
    /** Element i equals {@code forecast(series.slice(0, origins[i]), horizon, levels)}. */
    QuantileForecast[] forecastAll(TimeSeries series, int[] origins, int horizon, double[] levels);
}
