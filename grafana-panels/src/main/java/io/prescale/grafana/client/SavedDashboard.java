package io.prescale.grafana.client;

/**
 * What {@code POST /api/dashboards/db} answers on success: instance-local id, uid, the path of its page
 * ({@code /d/uid/slug}), the version Grafana stored, and the folder it is in.
 */
public record SavedDashboard(long id, String uid, String url, int version, String folderUid) {
    public SavedDashboard {
        if (uid == null || uid.isBlank()) {
            throw new IllegalArgumentException("uid must not be blank");
        }
    }
}
