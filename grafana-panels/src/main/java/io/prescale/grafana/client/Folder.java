package io.prescale.grafana.client;

/** A Grafana folder as Grafana returns it: numeric id (instance-local), uid and title. */
public record Folder(long id, String uid, String title) {
    public Folder {
        if (uid == null || uid.isBlank()) {
            throw new IllegalArgumentException("folder uid must not be blank");
        }
    }

    /**
     * A folder uid derived from a folder title: lower case, runs of other characters as one {@code -}, at most
     * 40 characters (Grafana's limit). The same title always gives the same uid, so publishing is idempotent.
     */
    public static String uidFor(String title) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("folder title must not be blank");
        }
        String slug = title.strip()
                .toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9_]+", "-")
                .replaceAll("^-+|-+$", "");
        if (slug.isEmpty()) {
            slug = "folder-" + Integer.toHexString(title.hashCode());
        }
        return slug.length() > 40 ? slug.substring(0, 40) : slug;
    }
}
