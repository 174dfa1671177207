package io.prescale.grafana.provision;

import java.net.URI;
import java.util.Optional;

/**
 * Where Grafana finds the provisioned dashboards: the provider's unique {@code name}, the Grafana folder they
 * go into (its uid derived from the title), the absolute {@code dashboardsPath} of the JSON files on the
 * Grafana host, and optionally the URL of a Prometheus to provision as the data source {@code Prometheus}.
 */
public record ProvisioningLayout(
        String providerName, String folder, String dashboardsPath, Optional<URI> prometheusUrl) {
    public ProvisioningLayout {
        requireYamlSafe("providerName", providerName);
        requireYamlSafe("folder", folder);
        requireYamlSafe("dashboardsPath", dashboardsPath);
        if (!dashboardsPath.startsWith("/")) {
            throw new IllegalArgumentException(
                    "dashboardsPath must be absolute on the Grafana host, got " + dashboardsPath);
        }
        prometheusUrl = prometheusUrl == null ? Optional.empty() : prometheusUrl;
        prometheusUrl.ifPresent(u -> {
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme())) {
                throw new IllegalArgumentException("prometheusUrl must be http(s), got " + u);
            }
            requireYamlSafe("prometheusUrl", u.toString());
        });
    }

    /** Provider {@code prescale}, folder {@code Prescale}, files in {@code /var/lib/grafana/dashboards/prescale}. */
    public static ProvisioningLayout defaults() {
        return new ProvisioningLayout("prescale", "Prescale", "/var/lib/grafana/dashboards/prescale", Optional.empty());
    }

    public ProvisioningLayout withFolder(String title) {
        return new ProvisioningLayout(providerName, title, dashboardsPath, prometheusUrl);
    }

    public ProvisioningLayout withDashboardsPath(String path) {
        return new ProvisioningLayout(providerName, folder, path, prometheusUrl);
    }

    public ProvisioningLayout withPrometheusUrl(URI url) {
        return new ProvisioningLayout(providerName, folder, dashboardsPath, Optional.ofNullable(url));
    }

    private static void requireYamlSafe(String field, String value) {
        if (value == null || value.isBlank() || value.chars().anyMatch(c -> c < 0x20 || c == '\'' || c == '"')) {
            throw new IllegalArgumentException(field + " must be one line without quotes, got " + value);
        }
    }
}
