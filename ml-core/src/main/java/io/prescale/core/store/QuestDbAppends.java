package io.prescale.core.store;

import io.questdb.cairo.CairoEngine;
import io.questdb.cairo.TableToken;
import io.questdb.cairo.TableWriter;
import io.questdb.cairo.sql.Record;
import io.questdb.cairo.sql.RecordCursor;
import io.questdb.cairo.sql.RecordCursorFactory;
import io.questdb.griffin.SqlException;
import io.questdb.griffin.SqlExecutionContext;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The append path of {@link QuestDbStore}; called under its lock. A collected series is the same non-WAL table
 * as an imported one but partitioned by day (so that retention can remove days). QuestDB's own deduplication
 * needs WAL tables, whose changes an embedded engine only applies when a WAL job is driven; instead the newest
 * stored time of each series is cached, samples after it are appended directly, and late samples within the
 * window are checked against the times stored in their range, so that a resent sample is never stored twice.
 * Late samples are merged by QuestDB's out-of-order commit.
 */
final class QuestDbAppends {
    private static final long NONE = Long.MIN_VALUE;

    private final CairoEngine engine;
    private final SqlExecutionContext context;
    private final Path directory;
    private final Consumer<String> sql;
    /** Newest stored time per table in µs, NONE for an empty table. */
    private final Map<String, Long> newest = new HashMap<>();

    QuestDbAppends(CairoEngine engine, SqlExecutionContext context, Path directory, Consumer<String> sql) {
        this.engine = engine;
        this.context = context;
        this.directory = directory;
        this.sql = sql;
    }

    AppendResult append(String series, String table, AppendOptions options, SampleBatch batch) {
        int n = batch.size();
        long[] times = new long[n];
        double[] values = new double[n];
        int size = 0;
        int gaps = 0;
        int tooOld = 0;
        boolean sorted = true;
        for (int i = 0; i < n; i++) {
            double v = batch.valueAt(i);
            long ms = batch.epochMillisAt(i);
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                gaps++;
            } else if (ms < 0) {
                tooOld++;
            } else {
                times[size] = Math.multiplyExact(ms, 1000L);
                values[size] = v;
                sorted &= size == 0 || times[size - 1] < times[size];
                size++;
            }
        }
        if (!sorted) {
            size = sortKeepingLast(times, values, size);
        }
        int duplicates = n - gaps - tooOld - size;
        ensureTable(table, series, options);
        long last = newest(table);
        long oldest = last == NONE ? NONE : last - options.outOfOrderWindow().toNanos() / 1000;
        int firstFresh = 0;
        while (firstFresh < size && times[firstFresh] <= last) {
            firstFresh++;
        }
        long[] existing = firstFresh == 0 ? new long[0] : storedTimes(table, times[0], times[firstFresh - 1]);
        int stored;
        TableToken token = engine.getTableTokenIfExists(table);
        try (TableWriter writer = engine.getWriter(token, "prescale append")) {
            try {
                stored = writeRows(writer, times, values, size, firstFresh, oldest, existing);
            } catch (RuntimeException e) {
                writer.rollback();
                throw e;
            }
            writer.commit();
        }
        int late = firstFresh == 0 ? 0 : countTooOld(times, firstFresh, oldest);
        tooOld += late;
        duplicates += size - stored - late;
        if (size > firstFresh) {
            last = times[size - 1];
        }
        newest.put(table, last);
        return new AppendResult(series, n, stored, duplicates, tooOld, gaps, last == NONE ? NONE : last / 1000);
    }

    private static int countTooOld(long[] times, int firstFresh, long oldest) {
        int count = 0;
        for (int i = 0; i < firstFresh && times[i] < oldest; i++) {
            count++;
        }
        return count;
    }

    /** Appends the rows that are neither too old nor stored; returns how many. */
    private static int writeRows(
            TableWriter writer, long[] times, double[] values, int size, int firstFresh, long oldest, long[] existing) {
        int stored = 0;
        for (int i = 0; i < size; i++) {
            long t = times[i];
            if (i < firstFresh && (t < oldest || Arrays.binarySearch(existing, t) >= 0)) {
                continue;
            }
            TableWriter.Row row = writer.newRow(t);
            row.putDouble(1, values[i]);
            row.append();
            stored++;
        }
        return stored;
    }

    /** Newest stored time in µs of a table, NONE when it is empty or missing; cached. */
    long newest(String table) {
        Long cached = newest.get(table);
        if (cached != null) {
            return cached;
        }
        long value = NONE;
        if (engine.getTableTokenIfExists(table) != null) {
            long[] max = {NONE};
            query("SELECT max(ts), count() FROM '" + table + "'", record -> {
                if (record.getLong(1) > 0) {
                    max[0] = record.getTimestamp(0);
                }
            });
            value = max[0];
        }
        newest.put(table, value);
        return value;
    }

    /** Forgets what is cached of a table (after it was replaced or dropped). */
    void forget(String table) {
        newest.remove(table);
    }

    private void ensureTable(String table, String series, AppendOptions options) {
        if (engine.getTableTokenIfExists(table) != null) {
            return;
        }
        // The store creates a series' table and its catalog entry before the first append reaches here.
        throw new IllegalStateException("table " + table + " of series '" + series + "' does not exist");
    }

    /** The stored times in {@code [from, to]} µs, ascending. */
    private long[] storedTimes(String table, long from, long to) {
        long[][] out = {new long[64]};
        int[] count = {0};
        query("SELECT ts FROM '" + table + "' WHERE ts >= " + from + " AND ts <= " + to, record -> {
            if (count[0] == out[0].length) {
                out[0] = Arrays.copyOf(out[0], count[0] * 2);
            }
            out[0][count[0]++] = record.getTimestamp(0);
        });
        return Arrays.copyOf(out[0], count[0]);
    }

    /** Sorts pairs by time; of equal times the last given wins. Returns the new size. */
    static int sortKeepingLast(long[] times, double[] values, int size) {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> times[a] != times[b] ? Long.compare(times[a], times[b]) : Integer.compare(a, b));
        long[] t = new long[size];
        double[] v = new double[size];
        int out = 0;
        for (int k = 0; k < size; k++) {
            int i = order[k];
            if (out > 0 && t[out - 1] == times[i]) {
                v[out - 1] = values[i];
            } else {
                t[out] = times[i];
                v[out++] = values[i];
            }
        }
        System.arraycopy(t, 0, times, 0, out);
        System.arraycopy(v, 0, values, 0, out);
        return out;
    }

    private void query(String statement, Consumer<Record> handler) {
        try (RecordCursorFactory factory = engine.select(statement, context);
                RecordCursor cursor = factory.getCursor(context)) {
            Record record = cursor.getRecord();
            while (cursor.hasNext()) {
                handler.accept(record);
            }
        } catch (SqlException e) {
            throw new MetricSourceException(
                    "store query failed: " + e.getMessage() + " [" + statement + "]", directory.toString(), 0, e);
        }
    }
}
