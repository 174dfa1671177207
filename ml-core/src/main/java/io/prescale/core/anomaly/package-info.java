/**
 * Anomaly detection: {@link io.prescale.core.anomaly.AnomalyDetector} fits on reference data and returns an
 * {@link io.prescale.core.anomaly.AnomalyModel} that scores series and load profiles in [0, 1]; its streaming form
 * scores row i from rows ≤ i. Detectors ({@link io.prescale.core.anomaly.AnomalyDetectors}): an isolation forest
 * after Liu, Ting &amp; Zhou (2008), a DJL autoencoder, a prediction-error detector with HTM's anomaly likelihood,
 * KNN-CAD, a CAD OSE-style contextual detector, and combinations; {@link io.prescale.core.anomaly.AnomalyExclusion}
 * turns flagged spans into gaps for fitting. They are evaluated with NAB's scoring rules in
 * {@code io.prescale.core.anomaly.nab}, in sample and leave-one-category-out.
 */
package io.prescale.core.anomaly;
