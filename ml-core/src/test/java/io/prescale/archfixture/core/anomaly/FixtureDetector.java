package io.prescale.archfixture.core.anomaly;

/** The anomaly package of the fixture. */
public final class FixtureDetector {
    public int value() {
        return 3;
    }
}
