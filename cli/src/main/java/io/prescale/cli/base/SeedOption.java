package io.prescale.cli.base;

import picocli.CommandLine.Option;

/** {@code --seed}: every stochastic command takes it (default 1) and echoes it in its document. */
public final class SeedOption {
    @Option(
            names = "--seed",
            defaultValue = "1",
            paramLabel = "S",
            description =
                    "Seed of every random choice (default: ${DEFAULT-VALUE}); the same seed gives the same result.")
    long seed;

    public long seed() {
        return seed;
    }
}
