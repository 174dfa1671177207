package io.prescale.grafana.dashboard;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One dashboard. The {@code uid} is fixed (at most 40 characters of letters, digits, {@code -} and {@code _}),
 * so that publishing again with overwrite updates the same dashboard; panel ids are unique; the data source is
 * always the variable {@code datasource}, never a hard-coded uid.
 */
public record Dashboard(
        String uid,
        String title,
        String description,
        List<String> tags,
        String refresh,
        String timeFrom,
        List<Variable> variables,
        List<AnnotationQuery> annotations,
        List<Panel> panels) {
    public Dashboard {
        if (uid == null || !uid.matches("[A-Za-z0-9_-]{1,40}")) {
            throw new IllegalArgumentException("uid must be 1-40 letters, digits, - or _, got " + uid);
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("dashboard " + uid + " needs a title");
        }
        if (refresh == null || !refresh.matches("\\d+[smh]")) {
            throw new IllegalArgumentException("refresh must look like 30s, 1m or 1h, got " + refresh);
        }
        if (refresh.endsWith("s") && Integer.parseInt(refresh.substring(0, refresh.length() - 1)) < 5) {
            throw new IllegalArgumentException("refresh must be at least 5s (Grafana refuses lower), got " + refresh);
        }
        description = description == null ? "" : description;
        tags = List.copyOf(tags);
        variables = List.copyOf(variables);
        annotations = List.copyOf(annotations);
        panels = List.copyOf(panels);
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("dashboard " + uid + " needs at least one panel");
        }
        Set<Integer> ids = new HashSet<>();
        for (Panel p : panels) {
            if (!ids.add(p.id())) {
                throw new IllegalArgumentException("dashboard " + uid + " has two panels with id " + p.id());
            }
        }
        Set<String> names = new HashSet<>();
        for (Variable v : variables) {
            if (!names.add(v.name())) {
                throw new IllegalArgumentException("dashboard " + uid + " has two variables named " + v.name());
            }
        }
    }

    /** The file name used for provisioning and export: {@code <uid>.json}. */
    public String fileName() {
        return uid + ".json";
    }
}
