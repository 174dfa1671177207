package io.prescale.grafana.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Field-config properties for the one series whose display name is {@code seriesName}, e.g.
 * {@code custom.fillBelowTo = "p10"} to shade the band between two quantiles. Values are strings, numbers or
 * booleans, written as they are.
 */
public record SeriesOverride(String seriesName, Map<String, Object> properties) {
    public SeriesOverride {
        if (seriesName == null || seriesName.isBlank()) {
            throw new IllegalArgumentException("seriesName must not be blank");
        }
        if (properties == null || properties.isEmpty()) {
            throw new IllegalArgumentException("properties must not be empty (series " + seriesName + ")");
        }
        for (Map.Entry<String, Object> e : properties.entrySet()) {
            Object v = e.getValue();
            if (!(v instanceof String || v instanceof Number || v instanceof Boolean)) {
                throw new IllegalArgumentException("property " + e.getKey() + " of series " + seriesName
                        + " must be a string, number or boolean, got " + v);
            }
        }
        properties = Map.copyOf(new LinkedHashMap<>(properties));
    }
}
