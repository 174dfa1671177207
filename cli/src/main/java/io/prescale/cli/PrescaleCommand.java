package io.prescale.cli;

import io.prescale.cli.options.LoggingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The root {@code prescale} command: only groups the subcommands and holds the inherited options. */
@Command(name = "prescale", mixinStandardHelpOptions = true, scope = picocli.CommandLine.ScopeType.INHERIT,
        versionProvider = VersionInfo.class,
        description = "Predictive scaling for HashiCorp Nomad: forecast load, learn configurations, scale ahead.",
        subcommandsRepeatable = false)
final class PrescaleCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
