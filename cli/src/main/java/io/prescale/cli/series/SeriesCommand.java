package io.prescale.cli.series;

import picocli.CommandLine.Command;

/** {@code prescale series list|show|export}: what the store holds. */
@Command(
        name = "series",
        description = "What the store holds: list, show or export series.",
        subcommands = {SeriesListCommand.class, SeriesShowCommand.class, SeriesExportCommand.class})
public final class SeriesCommand {}
