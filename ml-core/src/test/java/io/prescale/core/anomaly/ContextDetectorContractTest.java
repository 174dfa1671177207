package io.prescale.core.anomaly;

class ContextDetectorContractTest extends AnomalyDetectorContractTest {
    @Override
    protected AnomalyDetector detector(long seed) {
        return new ContextDetector(ContextDetector.Options.defaults());
    }
}
