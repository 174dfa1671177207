package io.prescale.cli.grafana;

import picocli.CommandLine.Command;

/** {@code prescale grafana …}: the Prescale dashboards for Grafana. */
@Command(
        name = "grafana",
        description = "The Prescale dashboards: export provisioning files or publish to Grafana.",
        subcommands = {GrafanaExportCommand.class, GrafanaPublishCommand.class})
public final class GrafanaCommand {}
