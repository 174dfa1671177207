package io.prescale.grafana.dashboard;

import java.util.List;
import java.util.Objects;

/**
 * One panel: a core Grafana panel type, a title, a one-sentence description (what to look at), its place,
 * its Prometheus queries and the unit of its values (a Grafana unit id such as {@code reqps}, {@code s},
 * {@code percentunit} or {@code short}).
 */
public record Panel(
        int id,
        Type type,
        String title,
        String description,
        GridPos gridPos,
        List<Target> targets,
        String unit,
        List<SeriesOverride> overrides) {
    /** Core Grafana panel types used here. */
    public enum Type {
        TIMESERIES("timeseries"),
        TABLE("table"),
        STAT("stat"),
        BARGAUGE("bargauge");

        private final String id;

        Type(String id) {
            this.id = id;
        }

        /** The {@code type} string Grafana stores. */
        public String id() {
            return id;
        }
    }

    public Panel {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(gridPos, "gridPos");
        if (id < 1) {
            throw new IllegalArgumentException("panel id must be >= 1, got " + id);
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("panel " + id + " needs a title");
        }
        if (targets == null || targets.isEmpty()) {
            throw new IllegalArgumentException("panel " + id + " (" + title + ") needs at least one target");
        }
        targets = List.copyOf(targets);
        long refIds = targets.stream().map(Target::refId).distinct().count();
        if (refIds != targets.size()) {
            throw new IllegalArgumentException("panel " + id + " (" + title + ") has duplicate refIds");
        }
        description = description == null ? "" : description;
        unit = unit == null ? "short" : unit;
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
    }

    /** A panel without series overrides. */
    public static Panel of(
            int id, Type type, String title, String description, GridPos gridPos, String unit, List<Target> targets) {
        return new Panel(id, type, title, description, gridPos, targets, unit, List.of());
    }

    /** This panel with {@code more} overrides added. */
    public Panel withOverrides(List<SeriesOverride> more) {
        return new Panel(
                id,
                type,
                title,
                description,
                gridPos,
                targets,
                unit,
                java.util.stream.Stream.concat(overrides.stream(), more.stream())
                        .toList());
    }
}
