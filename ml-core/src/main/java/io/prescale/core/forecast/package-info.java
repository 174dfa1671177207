/**
 * Load forecasting with honest uncertainty: forecasters fit on a {@link io.prescale.core.series.TimeSeries} and
 * return immutable models that produce {@link io.prescale.core.forecast.QuantileForecast}s.
 */
package io.prescale.core.forecast;
