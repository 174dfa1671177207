/**
 * Grafana dashboards as code: immutable records for panels, queries and template variables, the two Prescale
 * dashboards built from them, and one writer to Grafana's classic (v1) dashboard JSON model at schema version
 * 39. Every query reads the metric names in {@link io.prescale.grafana.dashboard.PrescaleMetrics}.
 */
package io.prescale.grafana.dashboard;
