package io.prescale.core.anomaly;

class PredictionErrorDetectorContractTest extends AnomalyDetectorContractTest {
    @Override
    protected AnomalyDetector detector(long seed) {
        return new PredictionErrorDetector(PredictionErrorDetector.Options.defaults());
    }
}
