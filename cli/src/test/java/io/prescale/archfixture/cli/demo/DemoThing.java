package io.prescale.archfixture.cli.demo;

/** The demo layer of the fixture. */
public final class DemoThing {
    public int value() {
        return 3;
    }
}
