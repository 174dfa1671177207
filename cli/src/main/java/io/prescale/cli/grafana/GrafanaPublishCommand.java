package io.prescale.cli.grafana;

import io.prescale.cli.base.BadInputException;
import io.prescale.cli.base.LeafCommand;
import io.prescale.grafana.client.Folder;
import io.prescale.grafana.client.GrafanaClient;
import io.prescale.grafana.client.GrafanaClientOptions;
import io.prescale.grafana.client.GrafanaToken;
import io.prescale.grafana.client.SavedDashboard;
import io.prescale.grafana.dashboard.Dashboard;
import io.prescale.grafana.dashboard.PrescaleDashboards;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.NoSuchFileException;
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
    @Option(names = "--url", required = true, paramLabel = "URL", description = "Grafana base URL, e.g. http://grafana:3000.")
    String url;

    @Option(names = "--grafana-token-file", paramLabel = "FILE",
            description = "File holding a service-account token (default: the GRAFANA_TOKEN environment variable).")
    Path tokenFile;

    @Option(names = "--folder", defaultValue = "Prescale", paramLabel = "NAME",
            description = "Folder to publish into, created if missing (default ${DEFAULT-VALUE}).")
    String folder;

    @Option(names = "--message", defaultValue = "published by prescale grafana publish", paramLabel = "TEXT",
            description = "Version-history message (at most 500 characters).")
    String message;

    @Override
    protected Result execute() {
        URI base = baseUrl();
        if (folder.isBlank()) {
            throw new BadInputException("--folder", folder, "--folder must not be blank");
        }
        if (message.length() > 500) {
            throw new BadInputException("--message", null, "--message must be at most 500 characters, got "
                    + message.length());
        }
        GrafanaClient client = GrafanaClient.create(base, token(), GrafanaClientOptions.defaults());
        Folder f = client.ensureFolder(Folder.uidFor(folder), folder);
        progress("folder " + f.title() + " (" + f.uid() + ") on " + client.baseUrl());
        List<SavedDashboard> saved = new ArrayList<>();
        for (Dashboard d : PrescaleDashboards.all()) {
            SavedDashboard s = client.saveDashboard(d, f.uid(), message);
            progress("saved " + d.title() + " version " + s.version() + " at " + s.url());
            saved.add(s);
        }
        return new Result(GrafanaJson.publish(client.baseUrl(), f, PrescaleDashboards.all(), saved),
                String.join("\n", saved.stream().map(s -> s.uid() + " v" + s.version() + " " + s.url()).toList()));
    }

    private URI baseUrl() {
        try {
            URI uri = new URI(url);
            if ((!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(url, "not an absolute http(s) URL");
            }
            if (uri.getUserInfo() != null) {
                throw new BadInputException("--url", null,
                        "--url must not carry credentials; use --grafana-token-file or GRAFANA_TOKEN");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new BadInputException("--url", url, "--url must be an absolute http(s) URL such as "
                    + "http://grafana:3000, got " + url);
        }
    }

    private GrafanaToken token() {
        if (tokenFile != null) {
            try {
                return GrafanaToken.fromFile(tokenFile);
            } catch (NoSuchFileException e) {
                throw new BadInputException("--grafana-token-file", tokenFile.toString(),
                        "--grafana-token-file " + tokenFile + " does not exist");
            } catch (IOException | IllegalArgumentException e) {
                throw new BadInputException("--grafana-token-file", tokenFile.toString(),
                        "--grafana-token-file " + tokenFile + " must hold one token line");
            }
        }
        try {
            return GrafanaToken.fromEnvironment(output.env()).orElseThrow(() -> new BadInputException(
                    "--grafana-token-file", null, "a Grafana token is needed: give --grafana-token-file FILE or set "
                    + GrafanaToken.ENV));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--grafana-token-file", null, GrafanaToken.ENV + " must hold one token line");
        }
    }
}
