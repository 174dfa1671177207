/**
 * Where metrics live: {@link io.prescale.core.store.MetricSource} reads a series over a range at a step,
 * {@link io.prescale.core.store.MetricStore} also writes, and {@link io.prescale.core.store.AppendableStore}
 * keeps series current (idempotent appends, rollups, retention). The embedded QuestDB store is the default; the
 * Prometheus reader works with any Prometheus-compatible query API.
 */
package io.prescale.core.store;
