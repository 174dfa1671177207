/**
 * {@code prescale scale backtest} and {@code prescale bench controller}: the predictive controller of
 * {@code io.prescale.core.scale} run in the backtest simulator on a CSV trace, printed as the JSON of issue 7,
 * with an optional PNG timeline.
 */
package io.prescale.cli.scale;
