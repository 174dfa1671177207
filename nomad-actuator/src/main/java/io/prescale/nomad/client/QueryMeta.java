package io.prescale.nomad.client;

/**
 * What Nomad says about a query's freshness: {@code X-Nomad-Index} (0 when absent), {@code X-Nomad-LastContact}
 * in ms, {@code X-Nomad-KnownLeader}, and {@code X-Nomad-NextToken} (null on the last page). Header names are
 * matched case-insensitively (Go canonicalizes them to {@code X-Nomad-Knownleader} etc. on the wire).
 */
public record QueryMeta(long index, long lastContactMs, boolean knownLeader, String nextToken) {}
