package io.prescale.cli.scale;

import io.prescale.core.scale.BacktestResult;
import java.nio.file.Path;

/** The timeline picture of a backtest. */
final class BacktestPlot {
    private BacktestPlot() {
    }

    static void write(BacktestResult result, Path file) {
        throw new UnsupportedOperationException("--plot is not implemented yet");
    }
}
