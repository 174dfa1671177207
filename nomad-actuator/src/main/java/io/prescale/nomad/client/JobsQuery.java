package io.prescale.nomad.client;

import java.time.Duration;

/**
 * Options of {@code GET /v1/jobs}: {@code namespace} (null for the client's, {@code *} for all), {@code prefix},
 * {@code perPage} (0: Nomad's default, no paging), {@code nextToken} (from the previous page), and a blocking
 * query: {@code index} &gt; 0 blocks until Nomad's index exceeds it or {@code wait} passes (Nomad caps wait at 5 min).
 */
public record JobsQuery(
        String namespace,
        String prefix,
        int perPage,
        String nextToken,
        long index,
        Duration maxWait,
        boolean withMeta) {
    public JobsQuery {
        if (perPage < 0 || index < 0) {
            throw new IllegalArgumentException("perPage and index must be ≥ 0, got " + perPage + ", " + index);
        }
        if (maxWait != null && (maxWait.isNegative() || maxWait.compareTo(Duration.ofMinutes(5)) > 0)) {
            throw new IllegalArgumentException("wait must be in [0, 5m] (Nomad's cap), got " + maxWait);
        }
    }

    /** All jobs of the client's namespace, one unblocked request per page of Nomad's default size. */
    public static JobsQuery defaults() {
        return new JobsQuery(null, null, 0, null, 0, null, false);
    }

    public JobsQuery withNamespace(String ns) {
        return new JobsQuery(ns, prefix, perPage, nextToken, index, maxWait, withMeta);
    }

    public JobsQuery withPrefix(String p) {
        return new JobsQuery(namespace, p, perPage, nextToken, index, maxWait, withMeta);
    }

    public JobsQuery withPerPage(int n) {
        return new JobsQuery(namespace, prefix, n, nextToken, index, maxWait, withMeta);
    }

    public JobsQuery withNextToken(String token) {
        return new JobsQuery(namespace, prefix, perPage, token, index, maxWait, withMeta);
    }

    /** Block until Nomad's index exceeds {@code afterIndex}, at most {@code maxWait}. */
    public JobsQuery blocking(long afterIndex, Duration maxWait) {
        return new JobsQuery(namespace, prefix, perPage, nextToken, afterIndex, maxWait, withMeta);
    }

    public JobsQuery withMeta(boolean meta) {
        return new JobsQuery(namespace, prefix, perPage, nextToken, index, maxWait, meta);
    }
}
