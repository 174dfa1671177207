package io.prescale.archfixture.core.store;

import io.prescale.archfixture.core.series.FixtureSeries;

/** Uses {@code series} as a store may; with the upward use back, the two form a cycle. */
public final class FixtureStore {
    public int value() {
        return 2;
    }

    public int read() {
        return new FixtureSeries().value();
    }
}
