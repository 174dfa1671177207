/**
 * {@code prescale forecast} (with {@code train} and {@code backtest}) and {@code bench forecast}: thin adapters
 * over {@code io.prescale.core.forecast}. A feature package: uses only {@code input} and {@code base}.
 */
package io.prescale.cli.forecast;
