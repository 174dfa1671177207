package io.prescale.cli;

import io.prescale.cli.anomaly.AnomalyCommand;
import io.prescale.cli.command.BenchCommand;
import io.prescale.cli.command.DemoCommand;
import java.util.List;

/**
 * The one list of command groups. A new command group is one class (with its leaf subcommands nested or
 * referenced) and one line here.
 */
final class Commands {
    static final List<Class<?>> GROUPS = List.of(
            DemoCommand.class,
            BenchCommand.class,
            AnomalyCommand.class);

    private Commands() {
    }
}
