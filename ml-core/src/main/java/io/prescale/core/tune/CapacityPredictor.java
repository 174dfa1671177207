package io.prescale.core.tune;

/** One fitted form of the capacity model (queueing or learned); immutable and thread-safe. */
interface CapacityPredictor {
    String name();

    Prediction predict(Configuration config, double loadRps);
}
