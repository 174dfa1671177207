package io.prescale.core.anomaly;

/** Deep-model test: 1,200 rows and few training steps per autoencoder fit. */
class CombinedDetectorContractTest extends AnomalyDetectorContractTest {
    @Override
    protected AnomalyDetector detector(long seed) {
        return new CombinedDetector(
                new IsolationForestDetector(IsolationForestDetector.Options.defaults(seed)),
                new AutoencoderDetector(
                        AutoencoderDetector.Options.defaults(seed).withSteps(15)),
                StreamCalibration.defaults());
    }
}
