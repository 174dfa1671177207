package io.prescale.cli.scale;

import picocli.CommandLine.Command;

/** {@code prescale scale …}: the predictive scaling controller offline. */
@Command(
        name = "scale",
        description = "The predictive scaling controller: backtest it against today's strategies.",
        subcommands = {ScaleBacktestCommand.class})
public final class ScaleCommand {}
