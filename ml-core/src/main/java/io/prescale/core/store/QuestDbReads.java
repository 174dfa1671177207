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
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;

/** The queries of {@link QuestDbStore}; called under its lock. */
final class QuestDbReads {
    private final CairoEngine engine;
    private final SqlExecutionContext context;
    private final Path directory;

    QuestDbReads(CairoEngine engine, SqlExecutionContext context, Path directory) {
        this.engine = engine;
        this.context = context;
        this.directory = directory;
    }

    Optional<SeriesInfo> info(String series, String table, SeriesMeta meta) {
        long[] minMaxCount = new long[3];
        query("SELECT min(ts), max(ts), count() FROM '" + table + "'", record -> {
            minMaxCount[0] = record.getTimestamp(0);
            minMaxCount[1] = record.getTimestamp(1);
            minMaxCount[2] = record.getLong(2);
            return false;
        });
        long count = minMaxCount[2];
        if (count == 0) {
            return Optional.empty();
        }
        Instant first = instant(minMaxCount[0]);
        Instant last = instant(minMaxCount[1]);
        long stepNanos = meta.step().toNanos();
        long steps = Duration.between(first, last).toNanos() / stepNanos + 1;
        return Optional.of(new SeriesInfo(
                series,
                first,
                last.plus(meta.step()),
                meta.step(),
                count,
                Math.max(0, steps - count),
                meta.unit(),
                meta.source()));
    }

    /** The difference of the first two timestamps, or 1 s; for a table written without metadata. */
    Duration firstStep(String table) {
        long[] times = new long[2];
        int[] seen = new int[1];
        query("SELECT ts FROM '" + table + "' LIMIT 2", record -> {
            times[seen[0]++] = record.getTimestamp(0);
            return true;
        });
        return seen[0] == 2 && times[1] > times[0]
                ? Duration.of(times[1] - times[0], ChronoUnit.MICROS)
                : Duration.ofSeconds(1);
    }

    TimeSeries read(String table, Instant start, Instant end, Duration step, Aggregation aggregation) {
        if (step.isZero() || step.isNegative()) {
            throw new IllegalArgumentException("step must be positive, got " + step);
        }
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("range end " + end + " is before its start " + start);
        }
        long stepNanos = step.toNanos();
        long startNanos = Duration.between(Instant.EPOCH, start).toNanos();
        long span = Duration.between(start, end).toNanos();
        int size = Math.toIntExact((span + stepNanos - 1) / stepNanos);
        Samples samples = new Samples();
        query(
                "SELECT ts, value FROM '" + table + "' WHERE ts >= " + QuestDbStore.micros(start) + " AND ts < "
                        + QuestDbStore.micros(end),
                record -> {
                    samples.add(record.getTimestamp(0) * 1000 - startNanos, record.getDouble(1));
                    return true;
                });
        double[] out = new double[size];
        Arrays.fill(out, Double.NaN);
        int i = 0;
        while (i < samples.size) {
            int bucket = (int) (samples.offsets[i] / stepNanos);
            int j = i + 1;
            while (j < samples.size && samples.offsets[j] / stepNanos == bucket) {
                j++;
            }
            out[bucket] = aggregation.apply(samples.values, i, j);
            i = j;
        }
        return TimeSeries.of(start, step, out);
    }

    private interface RowHandler {
        /** Handles a row; false stops the scan. */
        boolean row(Record record);
    }

    private void query(String sql, RowHandler handler) {
        try (RecordCursorFactory factory = engine.select(sql, context);
                RecordCursor cursor = factory.getCursor(context)) {
            Record record = cursor.getRecord();
            while (cursor.hasNext()) {
                if (!handler.row(record)) {
                    return;
                }
            }
        } catch (SqlException e) {
            throw new MetricSourceException(
                    "store query failed: " + e.getMessage() + " [" + sql + "]", directory.toString(), 0, e);
        }
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    }

    /** Growable (offset from start in ns, value) pairs, in time order. */
    private static final class Samples {
        long[] offsets = new long[4096];
        double[] values = new double[4096];
        int size;

        void add(long offset, double value) {
            if (size == offsets.length) {
                offsets = Arrays.copyOf(offsets, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            offsets[size] = offset;
            values[size++] = value;
        }
    }
}
