package io.prescale.archfixture.cli.base;

import io.prescale.archfixture.cli.input.InputThing;

/** Breaks the layer order: {@code base} uses {@code input}, the layer above it. */
public final class BaseThing {
    public int value() {
        return new InputThing().value();
    }
}
