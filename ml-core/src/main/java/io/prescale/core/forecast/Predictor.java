package io.prescale.core.forecast;

import java.time.Instant;

/**
 * The point-forecast core of a fitted model. {@link CalibratedModel} turns it into quantiles. Implementations
 * are immutable.
 */
interface Predictor {
    /**
     * Point forecasts of the {@code horizon} steps after {@code history} (NaN gaps allowed), whose first value
     * is at {@code start}.
     */
    double[] point(double[] history, Instant start, int horizon);

    /**
     * Point forecasts from several origins of one series: row i forecasts the steps after
     * {@code values[0, origins[i])}. Models with a per-call overhead (the LSTM) batch this.
     */
    default double[][] points(double[] values, Instant start, int[] origins, int horizon) {
        double[][] out = new double[origins.length][];
        for (int i = 0; i < origins.length; i++) {
            out[i] = point(java.util.Arrays.copyOf(values, origins[i]), start, horizon);
        }
        return out;
    }
}
