package io.prescale.cli.grafana;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.Json;
import io.prescale.grafana.client.Folder;
import io.prescale.grafana.client.SavedDashboard;
import io.prescale.grafana.dashboard.Dashboard;
import io.prescale.grafana.provision.ProvisioningLayout;
import java.nio.file.Path;
import java.util.List;

/** The JSON fields of {@code grafana export} and {@code grafana publish} (after the common header). */
public final class GrafanaJson {
    private GrafanaJson() {}

    /** {@code out}, {@code folder}, {@code dashboardsPath}, {@code files} (relative to out), {@code dashboards}. */
    public static ObjectNode export(Path out, List<Path> files, List<Dashboard> dashboards, ProvisioningLayout layout) {
        ObjectNode o = Json.object();
        o.put("out", out.toString());
        o.put("folder", layout.folder());
        o.put("dashboardsPath", layout.dashboardsPath());
        ArrayNode f = o.putArray("files");
        files.forEach(p -> f.add(p.toString().replace('\\', '/')));
        ArrayNode ds = o.putArray("dashboards");
        for (Dashboard d : dashboards) {
            ObjectNode n = ds.addObject();
            n.put("uid", d.uid());
            n.put("title", d.title());
            n.put("panels", d.panels().size());
        }
        return o;
    }

    /** {@code url}, {@code folder} {uid, title}, {@code dashboards} [{uid, title, url, version}]. */
    public static ObjectNode publish(
            String url, Folder folder, List<Dashboard> dashboards, List<SavedDashboard> saved) {
        ObjectNode o = Json.object();
        o.put("url", url);
        ObjectNode f = o.putObject("folder");
        f.put("uid", folder.uid());
        f.put("title", folder.title());
        ArrayNode ds = o.putArray("dashboards");
        for (int i = 0; i < saved.size(); i++) {
            ObjectNode n = ds.addObject();
            n.put("uid", saved.get(i).uid());
            n.put("title", dashboards.get(i).title());
            n.put("url", saved.get(i).url());
            n.put("version", saved.get(i).version());
        }
        return o;
    }
}
