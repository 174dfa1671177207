package io.prescale.grafana.client;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One annotation to post: on a dashboard panel when {@code dashboardUid} and {@code panelId} are given
 * (both null makes an organisation annotation), at {@code time}, a region when {@code timeEnd} is given,
 * with tags and a non-blank text (e.g. a scaling decision and its reason).
 */
public record Annotation(
        String dashboardUid, Integer panelId, Instant time, Instant timeEnd, List<String> tags, String text) {
    public Annotation {
        Objects.requireNonNull(time, "time");
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("annotation text must not be blank (Grafana refuses it)");
        }
        if (timeEnd != null && timeEnd.isBefore(time)) {
            throw new IllegalArgumentException("annotation timeEnd " + timeEnd + " is before time " + time);
        }
        if (panelId != null && dashboardUid == null) {
            throw new IllegalArgumentException("annotation panelId needs a dashboardUid");
        }
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A point annotation on one panel of one dashboard. */
    public static Annotation onPanel(String dashboardUid, int panelId, Instant time, List<String> tags, String text) {
        return new Annotation(Objects.requireNonNull(dashboardUid, "dashboardUid"), panelId, time, null, tags, text);
    }
}
