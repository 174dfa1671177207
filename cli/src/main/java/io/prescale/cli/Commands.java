package io.prescale.cli;

import io.prescale.cli.actuator.ActuatorBenchCommand;
import io.prescale.cli.actuator.ActuatorCommand;
import io.prescale.cli.actuator.PolicyCommand;
import io.prescale.cli.anomaly.AnomalyBenchCommand;
import io.prescale.cli.anomaly.AnomalyCommand;
import io.prescale.cli.base.LoggingOptions;
import io.prescale.cli.base.VersionInfo;
import io.prescale.cli.collect.CollectCommand;
import io.prescale.cli.demo.DemoCommand;
import io.prescale.cli.forecast.ForecastBenchCommand;
import io.prescale.cli.forecast.ForecastCommand;
import io.prescale.cli.generate.GenerateBenchCommand;
import io.prescale.cli.generate.GenerateCommand;
import io.prescale.cli.grafana.GrafanaCommand;
import io.prescale.cli.loadtest.LoadgenBenchCommand;
import io.prescale.cli.loadtest.LoadtestCommand;
import io.prescale.cli.loadtest.ServeReferenceCommand;
import io.prescale.cli.scale.ControllerBenchCommand;
import io.prescale.cli.scale.ScaleCommand;
import io.prescale.cli.series.ImportCommand;
import io.prescale.cli.series.SeriesCommand;
import io.prescale.cli.series.StoreBenchCommand;
import io.prescale.cli.tune.TuneBenchCommand;
import io.prescale.cli.tune.TuneCommand;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The wiring of the command tree: the root command, the one list of command groups and the {@code bench} group.
 * A new command group is one class in its feature package (with its leaf subcommands nested or referenced) and
 * one line in {@link #GROUPS}; a new benchmark is one {@code …BenchCommand} class and one line in {@link Bench}.
 * The groups live here, beside the root, because only the root may see every feature package.
 */
final class Commands {
    static final List<Class<?>> GROUPS = List.of(
            DemoCommand.class,
            ImportCommand.class,
            SeriesCommand.class,
            Bench.class,
            ScaleCommand.class,
            LoadtestCommand.class,
            ServeReferenceCommand.class,
            ForecastCommand.class,
            AnomalyCommand.class,
            GenerateCommand.class,
            ActuatorCommand.class,
            PolicyCommand.class,
            CollectCommand.class,
            TuneCommand.class,
            GrafanaCommand.class);

    private Commands() {}

    /** The root {@code prescale} command: only groups the subcommands and holds the inherited options. */
    @Command(
            name = "prescale",
            mixinStandardHelpOptions = true,
            scope = picocli.CommandLine.ScopeType.INHERIT,
            versionProvider = VersionInfo.class,
            description = "Predictive scaling for HashiCorp Nomad: forecast load, learn configurations, scale ahead.",
            subcommandsRepeatable = false)
    static final class Root implements Runnable {
        @Spec
        CommandSpec spec;

        @Mixin
        LoggingOptions logging;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getErr());
        }
    }

    /**
     * {@code prescale bench …}: benchmarks that print the JSON of DESIGN.md §4, one line per benchmark.
     * Benchmarks never run in tests.
     */
    @Command(
            name = "bench",
            description = "Benchmarks (JSON with --json); never run in tests.",
            subcommands = {
                StoreBenchCommand.class,
                ControllerBenchCommand.class,
                LoadgenBenchCommand.class,
                ForecastBenchCommand.class,
                AnomalyBenchCommand.class,
                GenerateBenchCommand.class,
                ActuatorBenchCommand.class,
                TuneBenchCommand.class,
            })
    static final class Bench {}
}
