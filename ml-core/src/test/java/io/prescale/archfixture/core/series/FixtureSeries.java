package io.prescale.archfixture.core.series;

import io.prescale.archfixture.core.store.FixtureStore;

/** Breaks the order: the bottom package uses {@code store}. */
public final class FixtureSeries {
    public int value() {
        return 1;
    }

    public int stored() {
        return new FixtureStore().value();
    }
}
