/**
 * Load forecasting with honest uncertainty: {@link io.prescale.core.forecast.Forecaster}s (by name in
 * {@link io.prescale.core.forecast.Forecasters}) fit on a {@link io.prescale.core.series.TimeSeries} and return
 * immutable models with provenance that produce {@link io.prescale.core.forecast.QuantileForecast}s for any levels.
 * {@link io.prescale.core.forecast.Backtest} scores them by rolling origin with
 * {@link io.prescale.core.forecast.ForecastMetrics}.
 */
package io.prescale.core.forecast;
