/**
 * Reads history from any Prometheus-compatible query API ({@code /api/v1/query_range}) with {@code java.net.http}:
 * {@link io.prescale.core.store.prometheus.PrometheusSource} splits long ranges into requests below the
 * 11,000-points-per-series limit and places the samples on a regular grid with NaN gaps;
 * {@link io.prescale.core.store.prometheus.PrometheusConfig} holds the URL, credentials and tenant.
 */
package io.prescale.core.store.prometheus;
