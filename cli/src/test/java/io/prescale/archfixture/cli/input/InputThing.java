package io.prescale.archfixture.cli.input;

/** The input layer of the fixture. */
public final class InputThing {
    public int value() {
        return 4;
    }
}
