package io.prescale.core.anomaly;

class KnnCadDetectorContractTest extends AnomalyDetectorContractTest {
    @Override
    protected AnomalyDetector detector(long seed) {
        return new KnnCadDetector(KnnCadDetector.Options.defaults());
    }
}
