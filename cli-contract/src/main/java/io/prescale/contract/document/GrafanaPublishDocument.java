package io.prescale.contract.document;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.prescale.contract.summary.Figure;
import java.util.List;

/**
 * {@code grafana publish}: the dashboards saved in Grafana ({@code POST /api/dashboards/db}).
 *
 * @param url Grafana's base URL
 * @param folder the folder they were saved in (created if it was missing)
 * @param dashboards each dashboard saved, with its URL in Grafana
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GrafanaPublishDocument(
        String command,
        int schemaVersion,
        String prescaleVersion,
        String url,
        Folder folder,
        List<Dashboard> dashboards)
        implements CommandDocument {
    public GrafanaPublishDocument {
        dashboards = dashboards == null ? List.of() : List.copyOf(dashboards);
    }

    /** A Grafana folder: uid and title. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Folder(String uid, String title) {}

    /** One saved dashboard: uid, title, its URL (absolute, or a path on the Grafana server) and version. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Dashboard(String uid, String title, String url, Integer version) {}

    @Override
    public List<String> writtenFiles() {
        return List.of();
    }

    @Override
    public List<Figure> figures() {
        return new Figures()
                .text("Grafana", url)
                .text("Folder", folder == null ? null : folder.title())
                .number("Dashboards published", (double) dashboards.size(), null)
                .list();
    }
}
