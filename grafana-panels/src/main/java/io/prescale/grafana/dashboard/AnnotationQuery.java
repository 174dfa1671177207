package io.prescale.grafana.dashboard;

import java.util.List;

/**
 * Annotations drawn on every time-series panel: those stored in Grafana whose tags include all of
 * {@code tags} (the actuator posts its decisions so, the anomaly scan its flagged spans).
 * {@code colour} is a CSS colour.
 */
public record AnnotationQuery(String name, List<String> tags, String colour) {
    public AnnotationQuery {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("annotation query needs a name");
        }
        if (tags == null || tags.isEmpty()) {
            throw new IllegalArgumentException("annotation query " + name + " needs at least one tag");
        }
        tags = List.copyOf(tags);
        colour = colour == null ? "#0072B2" : colour;
    }
}
