/**
 * Anomaly detection: {@link io.prescale.core.anomaly.AnomalyDetector} fits on reference data and returns an
 * {@link io.prescale.core.anomaly.AnomalyModel} that scores series and load profiles in [0, 1]; its streaming form
 * scores row i from rows ≤ i. Detectors: an isolation forest written here after Liu, Ting &amp; Zhou (2008), a DJL
 * autoencoder, and their combination ({@link io.prescale.core.anomaly.AnomalyDetectors}). They are evaluated with
 * the Numenta Anomaly Benchmark's scoring rules in {@code io.prescale.core.anomaly.nab}.
 */
package io.prescale.core.anomaly;
