package io.prescale.core.store;

import java.util.Objects;

/**
 * What one round of rollups and retention did to a series.
 *
 * @param series          the series name
 * @param bucketsRolledUp rollup buckets written
 * @param rawRowsRemoved  raw samples removed by the raw retention
 * @param rollupRowsRemoved rollup buckets removed by the rollup retention
 */
public record MaintenanceResult(String series, long bucketsRolledUp, long rawRowsRemoved, long rollupRowsRemoved) {
    public MaintenanceResult {
        Objects.requireNonNull(series, "series");
        if (bucketsRolledUp < 0 || rawRowsRemoved < 0 || rollupRowsRemoved < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
    }
}
