package io.prescale.cli.grafana;

import io.prescale.cli.base.BadInputException;
import io.prescale.cli.base.LeafCommand;
import io.prescale.cli.input.GrafanaAccess;
import io.prescale.grafana.client.Folder;
import io.prescale.grafana.client.GrafanaClient;
import io.prescale.grafana.client.GrafanaClientOptions;
import io.prescale.grafana.client.SavedDashboard;
import io.prescale.grafana.dashboard.Dashboard;
import io.prescale.grafana.dashboard.PrescaleDashboards;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code prescale grafana publish --url URL}: creates the folder if missing and saves both dashboards with
 * overwrite on their fixed uids (publishing again updates them). The token comes from
 * {@code --grafana-token-file} or {@code GRAFANA_TOKEN}, never from a flag, and is never printed. Grafana's
 * refusals (401 with its messageId, 403, 412, …) and an unreachable Grafana are failures (exit 1).
 */
@Command(name = "publish", description = "Publish the dashboards to Grafana over its HTTP API.")
public final class GrafanaPublishCommand extends LeafCommand {
    @Option(
            names = "--url",
            required = true,
            paramLabel = "URL",
            description = "Grafana base URL, e.g. http://grafana:3000.")
    String url;

    @Option(
            names = "--grafana-token-file",
            paramLabel = "FILE",
            description = "File holding a service-account token (default: the GRAFANA_TOKEN environment variable).")
    Path tokenFile;

    @Option(
            names = "--folder",
            defaultValue = "Prescale",
            paramLabel = "NAME",
            description = "Folder to publish into, created if missing (default ${DEFAULT-VALUE}).")
    String folder;

    @Option(
            names = "--message",
            defaultValue = "published by prescale grafana publish",
            paramLabel = "TEXT",
            description = "Version-history message (at most 500 characters).")
    String message;

    @Override
    protected Result execute() {
        URI base = GrafanaAccess.baseUrl("--url", url);
        if (folder.isBlank()) {
            throw new BadInputException("--folder", folder, "--folder must not be blank");
        }
        if (message.length() > 500) {
            throw new BadInputException(
                    "--message", null, "--message must be at most 500 characters, got " + message.length());
        }
        GrafanaClient client = GrafanaClient.create(
                base, GrafanaAccess.token(tokenFile, output.env()), GrafanaClientOptions.defaults());
        Folder f = client.ensureFolder(Folder.uidFor(folder), folder);
        progress("folder " + f.title() + " (" + f.uid() + ") on " + client.baseUrl());
        List<SavedDashboard> saved = new ArrayList<>();
        for (Dashboard d : PrescaleDashboards.all()) {
            SavedDashboard s = client.saveDashboard(d, f.uid(), message);
            progress("saved " + d.title() + " version " + s.version() + " at " + s.url());
            saved.add(s);
        }
        return new Result(
                GrafanaJson.publish(client.baseUrl(), f, PrescaleDashboards.all(), saved),
                String.join(
                        "\n",
                        saved.stream()
                                .map(s -> s.uid() + " v" + s.version() + " " + s.url())
                                .toList()));
    }
}
