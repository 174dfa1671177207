/**
 * Keeps the store's series current from Prometheus: a remote-write receiver (push) and an incremental
 * {@code query_range} reader (pull), both appending idempotently to an {@link io.prescale.core.store.AppendableStore},
 * plus periodic rollups and retention. {@link io.prescale.collect.Collector} is the service; its
 * {@link io.prescale.collect.CollectConfig} comes from YAML and flags.
 */
package io.prescale.collect;
