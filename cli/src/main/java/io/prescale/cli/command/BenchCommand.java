package io.prescale.cli.command;

import io.prescale.cli.scale.ControllerBenchCommand;
import io.prescale.cli.bench.LoadgenBench;
import picocli.CommandLine.Command;

/**
 * {@code prescale bench …}: benchmarks that print the JSON of DESIGN.md §4. Each issue adds its benchmark as
 * one class in {@code subcommands}. Benchmarks never run in tests.
 */
@Command(name = "bench", description = "Benchmarks (JSON with --json); never run in tests.",
        subcommands = {io.prescale.cli.bench.StoreBenchCommand.class, ControllerBenchCommand.class, LoadgenBench.class, io.prescale.cli.command.forecast.ForecastBenchCommand.class, io.prescale.cli.anomaly.AnomalyBench.class, GenerateBenchCommand.class, io.prescale.cli.actuator.ActuatorBenchCommand.class})
public final class BenchCommand {
}
