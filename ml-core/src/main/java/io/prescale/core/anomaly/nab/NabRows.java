package io.prescale.core.anomaly.nab;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One NAB file exactly as written: row {@code i} has {@code timestamps[i]} and {@code values[i]}. Duplicate
 * timestamps, irregular and backward steps are kept; nothing is resampled (NAB scores rows, not time).
 *
 * @param file       the name the file is known by, e.g. {@code realKnownCause/nyc_taxi.csv}
 * @param timestamps one per row, as written (NAB gives no time zone)
 * @param values     one per row
 */
public record NabRows(String file, LocalDateTime[] timestamps, double[] values) {
    public NabRows {
        Objects.requireNonNull(file, "file");
        timestamps = Objects.requireNonNull(timestamps, "timestamps").clone();
        values = Objects.requireNonNull(values, "values").clone();
        if (timestamps.length != values.length) {
            throw new IllegalArgumentException("NabRows " + file + ": expected as many values as timestamps ("
                    + timestamps.length + "), got " + values.length);
        }
    }

    @Override
    public LocalDateTime[] timestamps() {
        return timestamps.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public int size() {
        return values.length;
    }

    public LocalDateTime timestampAt(int row) {
        return timestamps[row];
    }

    /** The first row whose timestamp equals {@code time}, or -1 (Python's {@code list.index} without the throw). */
    public int firstIndexOf(LocalDateTime time) {
        for (int i = 0; i < timestamps.length; i++) {
            if (timestamps[i].equals(time)) {
                return i;
            }
        }
        return -1;
    }

    /** How many rows carry exactly {@code time}. */
    public int countOf(LocalDateTime time) {
        int count = 0;
        for (LocalDateTime t : timestamps) {
            if (t.equals(time)) {
                count++;
            }
        }
        return count;
    }
}
