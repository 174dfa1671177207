package io.prescale.grafana.dashboard;

import java.util.Objects;

/**
 * A template variable: either the Prometheus data source chooser ({@link Kind#DATASOURCE}, whose query is the
 * plugin id {@code prometheus}) or a label chooser ({@link Kind#QUERY}, whose query is a
 * {@code label_values(...)} expression run on that data source).
 */
public record Variable(Kind kind, String name, String label, String query, boolean includeAll) {
    /** The variable types used here. */
    public enum Kind {
        DATASOURCE,
        QUERY
    }

    public Variable {
        Objects.requireNonNull(kind, "kind");
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("variable name must be an identifier, got " + name);
        }
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("variable " + name + " needs a query");
        }
        label = label == null ? name : label;
    }

    /** The Prometheus data source chooser named {@code name}. */
    public static Variable prometheusDatasource(String name) {
        return new Variable(Kind.DATASOURCE, name, "Data source", "prometheus", false);
    }

    /** A chooser over the values of one label, refreshed when the time range changes. */
    public static Variable labelValues(String name, String label, String query, boolean includeAll) {
        return new Variable(Kind.QUERY, name, label, query, includeAll);
    }
}
