package io.prescale.core.store;

import io.prescale.core.series.Aggregation;
import io.prescale.core.series.TimeSeries;
import io.questdb.cairo.CairoEngine;
import io.questdb.cairo.sql.Record;
import io.questdb.cairo.sql.RecordCursor;
import io.questdb.cairo.sql.RecordCursorFactory;
import io.questdb.griffin.SqlException;
import io.questdb.griffin.SqlExecutionContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Rollups and retention of {@link QuestDbStore}; called under its lock. The rollups of series {@code x} are the
 * non-WAL table {@code rollup_x} ({@code ts, mean, min, max, count}, one row per
 * {@link RetentionPolicy#ROLLUP_STEP} bucket, partitioned by month), filled by {@code SAMPLE BY} from the raw
 * table and only for buckets that can no longer receive late samples. Retention removes whole partitions whose
 * newest row is older than the retention, never the newest partition, and raw partitions only once rolled up.
 * Reads use raw samples from the oldest one kept on and rollups before it.
 */
final class QuestDbRollups {
    static final String PREFIX = "rollup_";
    private static final long BUCKET = RetentionPolicy.ROLLUP_STEP.toNanos() / 1000;

    private final CairoEngine engine;
    private final SqlExecutionContext context;
    private final Path directory;
    private final Consumer<String> sql;

    QuestDbRollups(CairoEngine engine, SqlExecutionContext context, Path directory, Consumer<String> sql) {
        this.engine = engine;
        this.context = context;
        this.directory = directory;
        this.sql = sql;
    }

    MaintenanceResult maintain(String series, String raw, RetentionPolicy policy, Instant now) {
        String rollup = PREFIX + series;
        if (engine.getTableTokenIfExists(rollup) == null) {
            sql.accept("CREATE TABLE '" + rollup + "' (ts TIMESTAMP, mean DOUBLE, min DOUBLE, max DOUBLE, count LONG)"
                    + " TIMESTAMP(ts) PARTITION BY MONTH BYPASS WAL");
        }
        long nowMicros = QuestDbStore.micros(now);
        long[] rawRange = minMaxCount(raw, "ts");
        long[] rolled = minMaxCount(rollup, "ts");
        long from =
                rolled[2] > 0 ? rolled[1] + BUCKET : rawRange[2] > 0 ? Math.floorDiv(rawRange[0], BUCKET) * BUCKET : 0;
        long to = Math.floorDiv(nowMicros - policy.lateness().toNanos() / 1000, BUCKET) * BUCKET;
        long buckets = 0;
        if (rawRange[2] > 0 && to > from) {
            long before = rolled[2];
            sql.accept("INSERT INTO '" + rollup + "' SELECT ts, avg(value), min(value), max(value), count() FROM '"
                    + raw + "' WHERE ts >= " + from + " AND ts < " + to + " SAMPLE BY 5m ALIGN TO CALENDAR");
            buckets = minMaxCount(rollup, "ts")[2] - before;
        }
        long rolledUpTo = Math.max(from, to);
        long rawCutoff = Math.min(nowMicros - policy.raw().toNanos() / 1000, rolledUpTo);
        long rawRemoved = dropPartitionsBefore(raw, rawCutoff);
        long rollupRemoved =
                dropPartitionsBefore(rollup, nowMicros - policy.rollups().toNanos() / 1000);
        return new MaintenanceResult(series, buckets, rawRemoved, rollupRemoved);
    }

    /** Drops every partition but the newest whose newest row is before {@code cutoff} µs; returns rows removed. */
    private long dropPartitionsBefore(String table, long cutoff) {
        List<String> names = new ArrayList<>();
        long[] rows = {0};
        List<long[]> partitions = new ArrayList<>();
        List<String> all = new ArrayList<>();
        query(
                "SELECT name, maxTimestamp, numRows FROM table_partitions('" + table + "') ORDER BY minTimestamp",
                record -> {
                    all.add(record.getStrA(0).toString());
                    partitions.add(new long[] {record.getTimestamp(1), record.getLong(2)});
                });
        for (int i = 0; i < all.size() - 1; i++) {
            if (partitions.get(i)[0] < cutoff) {
                names.add("'" + all.get(i) + "'");
                rows[0] += partitions.get(i)[1];
            }
        }
        if (!names.isEmpty()) {
            sql.accept("ALTER TABLE '" + table + "' DROP PARTITION LIST " + String.join(",", names));
        }
        return rows[0];
    }

    /** Drops the rollups of a series (its raw table was replaced). */
    void forget(String series) {
        sql.accept("DROP TABLE IF EXISTS '" + PREFIX + series + "'");
    }

    /**
     * Reads {@code [start, end)} at {@code step}: raw samples for steps from the oldest kept raw sample on,
     * rollups for steps before it.
     */
    TimeSeries read(
            String series,
            String raw,
            Instant start,
            Instant end,
            Duration step,
            Aggregation aggregation,
            TimeSeries rawRead) {
        String rollup = PREFIX + series;
        if (engine.getTableTokenIfExists(rollup) == null) {
            return rawRead;
        }
        long[] rawRange = minMaxCount(raw, "ts");
        long startMicros = QuestDbStore.micros(start);
        long rawStart = rawRange[2] > 0 ? rawRange[0] : Long.MAX_VALUE;
        if (startMicros >= rawStart) {
            return rawRead;
        }
        long stepMicros = step.toNanos() / 1000;
        double[] out = rawRead.values();
        double[][] acc = new double[out.length][];
        long until = Math.min(QuestDbStore.micros(end), rawStart);
        query(
                "SELECT ts, mean, min, max, count FROM '" + rollup + "' WHERE ts >= " + startMicros + " AND ts < "
                        + until,
                record -> {
                    int i = (int) ((record.getTimestamp(0) - startMicros) / stepMicros);
                    acc[i] = combine(
                            acc[i], record.getDouble(1), record.getDouble(2), record.getDouble(3), record.getLong(4));
                });
        for (int i = 0; i < out.length; i++) {
            long stepStart = startMicros + i * stepMicros;
            if (acc[i] != null && (stepStart < rawStart || Double.isNaN(out[i]))) {
                out[i] = value(acc[i], aggregation);
            }
        }
        return TimeSeries.of(start, step, out);
    }

    /** Widens what the raw table says of a series to the rollups before its oldest raw sample. */
    SeriesInfo widen(SeriesInfo info) {
        String rollup = PREFIX + info.name();
        if (engine.getTableTokenIfExists(rollup) == null) {
            return info;
        }
        long rawStart = QuestDbStore.micros(info.start());
        long[] firstAndCount = {Long.MAX_VALUE, 0};
        query("SELECT min(ts), sum(count) FROM '" + rollup + "' WHERE ts < " + rawStart, record -> {
            firstAndCount[0] = record.getTimestamp(0);
            firstAndCount[1] = record.getLong(1);
        });
        if (firstAndCount[1] <= 0 || firstAndCount[0] >= rawStart) {
            return info;
        }
        Instant first = QuestDbReads.instant(firstAndCount[0]);
        long steps =
                Duration.between(first, info.start()).toNanos() / info.step().toNanos();
        return new SeriesInfo(
                info.name(),
                first,
                info.end(),
                info.step(),
                info.count() + firstAndCount[1],
                info.gaps() + Math.max(0, steps - firstAndCount[1]),
                info.unit(),
                info.source());
    }

    /** Running {sum, min, max, count} of the buckets in one step. */
    private static double[] combine(double[] acc, double mean, double min, double max, long count) {
        if (acc == null) {
            return new double[] {mean * count, min, max, count};
        }
        acc[0] += mean * count;
        acc[1] = Math.min(acc[1], min);
        acc[2] = Math.max(acc[2], max);
        acc[3] += count;
        return acc;
    }

    /** The aggregation from rollups; LAST has no rollup of its own and takes the mean of the step. */
    private static double value(double[] acc, Aggregation aggregation) {
        return switch (aggregation) {
            case SUM -> acc[0];
            case MEAN, LAST -> acc[0] / acc[3];
            case MIN -> acc[1];
            case MAX -> acc[2];
        };
    }

    /** {min(column), max(column), count()} of a table; count 0 when empty or missing. */
    long[] minMaxCount(String table, String column) {
        long[] result = new long[3];
        if (engine.getTableTokenIfExists(table) == null) {
            return result;
        }
        query("SELECT min(" + column + "), max(" + column + "), count() FROM '" + table + "'", record -> {
            result[0] = record.getTimestamp(0);
            result[1] = record.getTimestamp(1);
            result[2] = record.getLong(2);
        });
        return result;
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
