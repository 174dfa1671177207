package io.prescale.core.anomaly;

class IsolationForestDetectorContractTest extends AnomalyDetectorContractTest {
    @Override
    protected AnomalyDetector detector(long seed) {
        return new IsolationForestDetector(IsolationForestDetector.Options.defaults(seed));
    }
}
