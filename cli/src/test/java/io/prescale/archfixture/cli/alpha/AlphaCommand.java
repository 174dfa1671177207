package io.prescale.archfixture.cli.alpha;

import io.prescale.archfixture.cli.beta.BetaCommand;
import io.prescale.archfixture.cli.demo.DemoThing;

/** Breaks two rules: uses another feature ({@code beta}) and the layer above ({@code demo}). */
public final class AlphaCommand {
    public int run() {
        return new BetaCommand().value() + new DemoThing().value();
    }

    public int value() {
        return 1;
    }
}
