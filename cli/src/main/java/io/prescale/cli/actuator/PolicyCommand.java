package io.prescale.cli.actuator;

import picocli.CommandLine.Command;

/** {@code prescale policy …}: scaling policies to and from a running actuator. */
@Command(
        name = "policy",
        description = "Publish a scaling policy to a running actuator, or read one back.",
        subcommands = {PolicyPublishCommand.class, PolicyGetCommand.class})
public final class PolicyCommand {}
