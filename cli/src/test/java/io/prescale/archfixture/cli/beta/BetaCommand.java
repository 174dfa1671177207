package io.prescale.archfixture.cli.beta;

import io.prescale.archfixture.cli.alpha.AlphaCommand;

/** Uses {@code alpha} back, closing the cycle alpha → beta → alpha. */
public final class BetaCommand {
    public int value() {
        return 2;
    }

    public int back() {
        return new AlphaCommand().value();
    }
}
