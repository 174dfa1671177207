/**
 * {@code prescale grafana export|publish}: the Prescale dashboards as Grafana provisioning files, or published
 * through Grafana's HTTP API into a folder. {@link io.prescale.cli.grafana.GrafanaJson} is the one JSON mapping
 * of their results.
 */
package io.prescale.cli.grafana;
