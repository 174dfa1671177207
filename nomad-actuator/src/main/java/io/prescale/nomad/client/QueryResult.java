package io.prescale.nomad.client;

import java.util.Objects;

/** A query's decoded body and its {@link QueryMeta}. */
public record QueryResult<T>(T value, QueryMeta meta) {
    public QueryResult {
        Objects.requireNonNull(meta, "meta");
    }
}
