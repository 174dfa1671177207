/**
 * The {@code prescale anomaly nab|score} commands and the {@code bench anomaly} benchmark: thin adapters over
 * {@code io.prescale.core.anomaly}, which holds the detectors and the NAB scoring. A feature package: uses only
 * {@code input} and {@code base}.
 */
package io.prescale.cli.anomaly;
