package io.prescale.contract.summary;

import java.util.List;

/**
 * The policy as a table: one row per load band (load range, configuration, predicted p99, cost per hour, and,
 * where the band was re-measured, the measured p99).
 *
 * @param name the policy's name
 * @param digest its digest
 * @param columns the header
 * @param rows one list of cells per band, as many as {@code columns}
 */
public record PolicyTable(String name, String digest, List<String> columns, List<List<String>> rows) {
    public PolicyTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(
                        "a row has " + row.size() + " cells for " + columns.size() + " columns");
            }
        }
    }
}
