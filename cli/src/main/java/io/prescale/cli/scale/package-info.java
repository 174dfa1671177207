/**
 * {@code prescale scale backtest} and {@code prescale bench controller}: the predictive controller of
 * {@code io.prescale.core.scale} run in the backtest simulator on a trace, printed as JSON, with an optional PNG
 * timeline. A feature package: uses only {@code input} and {@code base}.
 */
package io.prescale.cli.scale;
