/**
 * The {@code prescale anomaly nab|score} commands, the {@code bench anomaly} benchmark and the demo's anomaly
 * stage: thin adapters over {@code io.prescale.core.anomaly}, which holds the detectors and the NAB scoring.
 */
package io.prescale.cli.anomaly;
