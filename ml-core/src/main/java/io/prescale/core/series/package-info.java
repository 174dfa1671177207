/**
 * Regularly stepped time series ({@link io.prescale.core.series.TimeSeries}), load profiles
 * ({@link io.prescale.core.series.LoadProfile}) and the one reader of CSV traces that every {@code --input} uses.
 * Gaps are NaN everywhere and are never silently filled.
 */
package io.prescale.core.series;
