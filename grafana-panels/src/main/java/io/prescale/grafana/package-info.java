/**
 * Prescale in Grafana and on paper: dashboards as code ({@code dashboard}), the Grafana HTTP client
 * ({@code client}), file provisioning ({@code provision}) and the same panels rendered to PNG and one offline
 * HTML page ({@code report}). The library returns values and writes Grafana's own wire formats; it never writes
 * the CLI's JSON documents.
 */
package io.prescale.grafana;
