package io.prescale.core.anomaly;

/** Deep-model test: 1,200 rows and few training steps per fit. */
class AutoencoderDetectorContractTest extends AnomalyDetectorContractTest {
    @Override
    protected AnomalyDetector detector(long seed) {
        return new AutoencoderDetector(
                AutoencoderDetector.Options.defaults(seed).withSteps(15));
    }
}
