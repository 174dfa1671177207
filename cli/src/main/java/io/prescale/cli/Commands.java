package io.prescale.cli;

import io.prescale.cli.command.BenchCommand;
import io.prescale.cli.command.DemoCommand;
import io.prescale.cli.command.GenerateCommand;
import java.util.List;

/**
 * The one list of command groups. A new command group is one class (with its leaf subcommands nested or
 * referenced) and one line here.
 */
final class Commands {
    static final List<Class<?>> GROUPS = List.of(
            DemoCommand.class,
            BenchCommand.class,
            GenerateCommand.class);

    private Commands() {
    }
}
