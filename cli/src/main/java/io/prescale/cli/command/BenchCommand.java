package io.prescale.cli.command;

import picocli.CommandLine.Command;

/**
 * {@code prescale bench …}: benchmarks that print the JSON of DESIGN.md §4. Each issue adds its benchmark as
 * one class in {@code subcommands}. Benchmarks never run in tests.
 */
@Command(name = "bench", description = "Benchmarks (JSON with --json); never run in tests.",
        subcommands = {GenerateBenchCommand.class})
public final class BenchCommand {
}
