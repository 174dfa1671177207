package io.prescale.core.anomaly;

class EnsembleDetectorContractTest extends AnomalyDetectorContractTest {
    @Override
    protected AnomalyDetector detector(long seed) {
        return AnomalyDetectors.named("ensemble", seed);
    }
}
