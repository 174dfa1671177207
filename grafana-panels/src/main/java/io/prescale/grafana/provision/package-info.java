/**
 * Grafana file provisioning, the no-API path: the dashboards as bare JSON files plus a dashboard provider YAML
 * (and optionally a Prometheus data source YAML) laid out as Grafana's {@code provisioning/} directory expects.
 * Files are written to a temporary name and moved into place, so a failed export leaves no half-written file.
 */
package io.prescale.grafana.provision;
