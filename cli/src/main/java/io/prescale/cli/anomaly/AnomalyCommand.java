package io.prescale.cli.anomaly;

import picocli.CommandLine.Command;

/** {@code prescale anomaly nab|score}: anomaly detection and its NAB evaluation. */
@Command(
        name = "anomaly",
        description = "Anomaly detection (isolation forest, autoencoder) and NAB scoring.",
        subcommands = {NabCommand.class, ScoreCommand.class})
public final class AnomalyCommand {}
