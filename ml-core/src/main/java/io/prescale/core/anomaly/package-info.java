/**
 * Anomaly detection: {@link io.prescale.core.anomaly.AnomalyDetector} fits on reference data and returns an
 * {@link io.prescale.core.anomaly.AnomalyModel} that scores series and load profiles in [0, 1]. Evaluated with
 * the Numenta Anomaly Benchmark's scoring rules.
 */
package io.prescale.core.anomaly;
