package io.prescale.archfixture.core.forecast;

import io.prescale.archfixture.core.anomaly.FixtureDetector;

/** Breaks the order: {@code forecast} uses its sibling {@code anomaly}. */
public final class FixtureForecaster {
    public int value() {
        return new FixtureDetector().value();
    }
}
