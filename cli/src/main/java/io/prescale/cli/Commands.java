package io.prescale.cli;

import io.prescale.cli.anomaly.AnomalyCommand;
import io.prescale.cli.command.BenchCommand;
import io.prescale.cli.command.DemoCommand;
import io.prescale.cli.command.ImportCommand;
import io.prescale.cli.command.SeriesCommand;
import io.prescale.cli.scale.ScaleCommand;
import io.prescale.cli.command.LoadtestCommand;
import io.prescale.cli.command.ServeReferenceCommand;
import io.prescale.cli.command.forecast.ForecastCommand;
import io.prescale.cli.command.GenerateCommand;
import io.prescale.cli.grafana.GrafanaCommand;
import java.util.List;

/**
 * The one list of command groups. A new command group is one class (with its leaf subcommands nested or
 * referenced) and one line here.
 */
final class Commands {
    static final List<Class<?>> GROUPS = List.of(
            DemoCommand.class,
            ImportCommand.class,
            SeriesCommand.class,
            BenchCommand.class,
            ScaleCommand.class,
            LoadtestCommand.class,
            ServeReferenceCommand.class,
            ForecastCommand.class,
            AnomalyCommand.class,
            GenerateCommand.class,
            GrafanaCommand.class);

    private Commands() {
    }
}
