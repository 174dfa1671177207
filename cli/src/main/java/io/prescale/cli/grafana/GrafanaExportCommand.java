package io.prescale.cli.grafana;

import io.prescale.cli.base.BadInputException;
import io.prescale.cli.base.LeafCommand;
import io.prescale.grafana.dashboard.PrescaleDashboards;
import io.prescale.grafana.provision.Provisioning;
import io.prescale.grafana.provision.ProvisioningLayout;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code prescale grafana export --out DIR}: the dashboards and a dashboard provider YAML for Grafana's file
 * provisioning (no API, no token). Files of the same names in {@code DIR} are replaced, each atomically.
 */
@Command(name = "export", description = "Write the dashboards and a Grafana provisioning provider YAML into DIR.")
public final class GrafanaExportCommand extends LeafCommand {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write into.")
    Path out;

    @Option(
            names = "--folder",
            defaultValue = "Prescale",
            paramLabel = "NAME",
            description = "Grafana folder of the dashboards (default ${DEFAULT-VALUE}).")
    String folder;

    @Option(
            names = "--dashboards-path",
            defaultValue = "/var/lib/grafana/dashboards/prescale",
            paramLabel = "PATH",
            description = "Where the dashboards/ files are on the Grafana host (default ${DEFAULT-VALUE}).")
    String dashboardsPath;

    @Option(
            names = "--prometheus-url",
            paramLabel = "URL",
            description = "Also provision a Prometheus data source at URL.")
    String prometheusUrl;

    @Override
    protected Result execute() {
        ProvisioningLayout layout = layout();
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new BadInputException("--out", out.toString(), "--out " + out + " exists and is not a directory");
        }
        List<Path> files;
        try {
            files = Provisioning.write(out, PrescaleDashboards.all(), layout);
        } catch (IOException e) {
            throw new BadInputException(
                    "--out", out.toString(), "cannot write --out " + out + ": " + e.getMessage(), e);
        }
        progress("wrote " + files.size() + " files under " + out);
        return new Result(
                GrafanaJson.export(out, files, PrescaleDashboards.all(), layout),
                String.join(
                        "\n", files.stream().map(f -> out.resolve(f).toString()).toList()));
    }

    private ProvisioningLayout layout() {
        ProvisioningLayout layout = ProvisioningLayout.defaults();
        try {
            layout = layout.withFolder(folder);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--folder", folder, "--folder must be one line without quotes, got " + folder);
        }
        try {
            layout = layout.withDashboardsPath(dashboardsPath);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(
                    "--dashboards-path",
                    dashboardsPath,
                    "--dashboards-path must be an absolute path on the Grafana host, got " + dashboardsPath);
        }
        if (prometheusUrl != null) {
            try {
                layout = layout.withPrometheusUrl(URI.create(prometheusUrl));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(
                        "--prometheus-url",
                        prometheusUrl,
                        "--prometheus-url must be an http(s) URL, got " + prometheusUrl);
            }
        }
        return layout;
    }
}
