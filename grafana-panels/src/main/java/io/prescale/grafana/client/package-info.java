/**
 * The Grafana HTTP client: idempotent folder creation, dashboard saves with overwrite on a fixed uid, and
 * annotations, authenticated by a service-account token read from a file or {@code GRAFANA_TOKEN}. Failures
 * are one exception type whose {@link io.prescale.grafana.client.GrafanaApiException.Kind} is decided by the
 * HTTP status and Grafana's {@code status} field, never by message text.
 */
package io.prescale.grafana.client;
