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
}
