package io.prescale.core.forecast;

/**
 * A rolling-origin backtest: every target index {@code t ≥ testFrom} is forecast from the history before
 * {@code t − horizon + 1} and scored at step {@code horizon}; models fit only on data before their first
 * origin (so before {@code testFrom}) and refit every {@code refitEvery} origins.
 *
 * @param horizon steps ahead (≥ 1)
 * @param testFrom index of the first scored target
 * @param refitEvery origins between refits (≥ 1)
 */
public record BacktestSpec(int horizon, int testFrom, int refitEvery) {
    public BacktestSpec {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1 step, got " + horizon);
        }
        if (refitEvery < 1) {
            throw new IllegalArgumentException("refitEvery must be >= 1 step, got " + refitEvery);
        }
        if (testFrom < horizon + 1) {
            throw new IllegalArgumentException("testFrom must leave history before the first origin: expected >= "
                    + (horizon + 1) + ", got " + testFrom);
        }
    }
}
