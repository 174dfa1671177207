package io.prescale.grafana.provision;

import io.prescale.grafana.client.Folder;
import io.prescale.grafana.dashboard.Dashboard;
import io.prescale.grafana.dashboard.DashboardJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a Grafana provisioning tree under one directory:
 * <pre>
 * dashboards/&lt;uid&gt;.json                         bare dashboard JSON (no {"dashboard": …} wrapper)
 * provisioning/dashboards/&lt;provider&gt;.yaml        the dashboard provider (apiVersion 1, type file)
 * provisioning/datasources/&lt;provider&gt;-prometheus.yaml   only with a Prometheus URL
 * </pre>
 * Mount {@code dashboards/} at the layout's {@code dashboardsPath} and copy {@code provisioning/} into
 * Grafana's provisioning directory. Deterministic: the same input gives the same bytes.
 */
public final class Provisioning {
    private Provisioning() {}

    /**
     * Writes the tree under {@code out} (created if missing; files of the same names are replaced, others left
     * alone) and returns the files written, relative to {@code out}, in a stable order.
     *
     * @throws IllegalArgumentException if two dashboards share a uid or a title (Grafana would then refuse
     *                                  to provision either)
     */
    public static List<Path> write(Path out, List<Dashboard> dashboards, ProvisioningLayout layout) throws IOException {
        Set<String> uids = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (Dashboard d : dashboards) {
            if (!uids.add(d.uid()) || !titles.add(d.title())) {
                throw new IllegalArgumentException(
                        "dashboards must have unique uids and titles, repeated: " + d.uid() + " / " + d.title());
            }
        }
        List<Path> written = new ArrayList<>();
        for (Dashboard d : dashboards) {
            Path rel = Path.of("dashboards", d.fileName());
            writeAtomically(out.resolve(rel), DashboardJson.bytes(d));
            written.add(rel);
        }
        Path provider = Path.of("provisioning", "dashboards", layout.providerName() + ".yaml");
        writeAtomically(out.resolve(provider), providerYaml(layout).getBytes(StandardCharsets.UTF_8));
        written.add(provider);
        if (layout.prometheusUrl().isPresent()) {
            Path ds = Path.of("provisioning", "datasources", layout.providerName() + "-prometheus.yaml");
            writeAtomically(out.resolve(ds), datasourceYaml(layout).getBytes(StandardCharsets.UTF_8));
            written.add(ds);
        }
        return written;
    }

    /** The dashboard provider YAML of {@code layout}. */
    public static String providerYaml(ProvisioningLayout layout) {
        return "# Grafana dashboard provider for Prescale (written by `prescale grafana export`).\n"
                + "apiVersion: 1\n"
                + "providers:\n"
                + "  - name: '" + layout.providerName() + "'\n"
                + "    orgId: 1\n"
                + "    folder: '" + layout.folder() + "'\n"
                + "    folderUid: '" + Folder.uidFor(layout.folder()) + "'\n"
                + "    type: file\n"
                + "    disableDeletion: false\n"
                + "    updateIntervalSeconds: 30\n"
                + "    allowUiUpdates: false\n"
                + "    options:\n"
                + "      path: '" + layout.dashboardsPath() + "'\n"
                + "      foldersFromFilesStructure: false\n";
    }

    /** The Prometheus data source YAML of {@code layout}; empty when it has no Prometheus URL. */
    public static String datasourceYaml(ProvisioningLayout layout) {
        return layout.prometheusUrl()
                .map(url -> "# Prometheus data source for the Prescale dashboards.\n"
                        + "apiVersion: 1\n"
                        + "datasources:\n"
                        + "  - name: 'Prometheus'\n"
                        + "    type: prometheus\n"
                        + "    uid: '" + layout.providerName() + "-prometheus'\n"
                        + "    access: proxy\n"
                        + "    url: '" + url + "'\n"
                        + "    jsonData:\n"
                        + "      httpMethod: POST\n")
                .orElse("");
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
