package io.prescale.cli.actuator;

import picocli.CommandLine.Command;

/** {@code prescale actuator …}: the Nomad actuator. */
@Command(
        name = "actuator",
        description = "The Nomad actuator: scale annotated task groups ahead of their load.",
        subcommands = {ActuatorRunCommand.class, FakeNomadCommand.class})
public final class ActuatorCommand {}
