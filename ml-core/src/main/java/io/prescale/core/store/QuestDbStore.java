package io.prescale.core.store;

import io.prescale.core.series.Aggregation;
import io.prescale.core.series.LoadProfile;
import io.prescale.core.series.TimeSeries;
import io.questdb.cairo.CairoEngine;
import io.questdb.cairo.DefaultCairoConfiguration;
import io.questdb.cairo.TableToken;
import io.questdb.cairo.TableWriter;
import io.questdb.cairo.security.AllowAllSecurityContext;
import io.questdb.griffin.SqlException;
import io.questdb.griffin.SqlExecutionContextImpl;
import io.questdb.std.ObjHashSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link MetricStore}: embedded QuestDB in a directory, nothing to start. Each series is a
 * non-WAL table {@code series_<name>} ({@code ts TIMESTAMP, value DOUBLE}, partitioned by year) plus
 * {@code meta/<name>.json} (step, unit, source). A write goes to {@code import_<name>}, committed in batches, and
 * is renamed over the old table only when complete; a crash leaves the old version (leftovers are cleaned on the
 * next open). A lock file keeps a second process or handle out. Reads scan the range through the designated
 * timestamp and aggregate each step in Java with {@link Aggregation} (a plain scan measured faster than
 * {@code SAMPLE BY} without QuestDB worker threads). QuestDB's own log goes to stderr, errors only (see
 * {@code questdb-log.conf}). Appends, rollups and retention of collected series are in {@code QuestDbAppends}
 * and {@code QuestDbRollups}. Methods are synchronized: one handle may be shared by threads.
 */
public final class QuestDbStore implements AppendableStore {
    /** The QuestDB log configuration, picked up through QuestDB's system property {@code out}. */
    static final String LOG_CONFIG = "/io/prescale/core/store/questdb-log.conf";
    private static final Logger LOG = LoggerFactory.getLogger(QuestDbStore.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final String TABLE = "series_";
    private static final String TEMP = "import_";
    private static final String OLD = "replaced_";
    private static final int COMMIT_EVERY = 1_000_000;

    static {
        if (System.getProperty("out") == null) {
            System.setProperty("out", LOG_CONFIG);
        }
    }

    private final Path directory;
    private final StoreLock lock;
    private final CairoEngine engine;
    private final SqlExecutionContextImpl context;
    private final QuestDbReads reads;
    private final QuestDbAppends appends;
    private final QuestDbRollups rollups;
    private boolean closed;

    private QuestDbStore(Path directory, StoreLock lock, CairoEngine engine) {
        this.directory = directory;
        this.lock = lock;
        this.engine = engine;
        this.context = new SqlExecutionContextImpl(engine, 1).with(AllowAllSecurityContext.INSTANCE, null);
        this.reads = new QuestDbReads(engine, context, directory);
        this.appends = new QuestDbAppends(engine, context, directory, this::sql, this::metaFile);
        this.rollups = new QuestDbRollups(engine, context, directory, this::sql);
    }

    /**
     * Opens (creating if needed) the store in {@code directory} and takes its lock until {@link #close()}.
     *
     * @throws IllegalArgumentException when the directory cannot be created or written, or another process or
     *                                  handle has the store open (the message names the directory and its PID)
     */
    public static QuestDbStore open(Path directory) {
        Path dir = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException("store directory " + dir + " cannot be created (" + e + ")", e);
        }
        if (!Files.isWritable(dir)) {
            throw new IllegalArgumentException("store directory " + dir + " is not writable");
        }
        StoreLock lock = StoreLock.acquire(dir);
        try {
            Path db = Files.createDirectories(dir.resolve("db"));
            CairoEngine engine = new CairoEngine(new DefaultCairoConfiguration(db.toString()));
            engine.load();
            QuestDbStore store = new QuestDbStore(dir, lock, engine);
            store.recoverLeftovers();
            LOG.debug("opened store {}", dir);
            return store;
        } catch (IOException | RuntimeException e) {
            lock.close();
            if (e instanceof IOException) {
                throw new IllegalArgumentException("store directory " + dir + " is not writable (" + e + ")", e);
            }
            throw (RuntimeException) e;
        }
    }

    /** The store directory (absolute). */
    public Path directory() {
        return directory;
    }

    @Override
    public synchronized SeriesInfo write(String series, LoadProfile.Unit unit, String source, Iterator<TimeSeries> chunks) {
        checkOpen();
        checkName(series);
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(source, "source");
        if (!chunks.hasNext()) {
            throw new IllegalArgumentException("series '" + series + "': nothing to write");
        }
        String temp = TEMP + series;
        Duration step;
        try {
            drop(temp);
            sql("CREATE TABLE '" + temp + "' (ts TIMESTAMP, value DOUBLE) TIMESTAMP(ts) PARTITION BY YEAR BYPASS WAL");
            step = writeRows(series, temp, chunks);
        } catch (RuntimeException e) {
            dropQuietly(temp);
            throw e;
        }
        new SeriesMeta(step, unit, source).write(metaFile(series));
        swapIn(series, temp);
        appends.forget(TABLE + series);
        rollups.forget(series);
        LOG.debug("wrote series {} to {}", series, directory);
        return info(series).orElseThrow();
    }

    private Duration writeRows(String series, String temp, Iterator<TimeSeries> chunks) {
        TableToken token = engine.getTableTokenIfExists(temp);
        long rows = 0;
        Duration step = null;
        Instant previousEnd = null;
        try (TableWriter writer = engine.getWriter(token, "prescale import")) {
            while (chunks.hasNext()) {
                TimeSeries chunk = chunks.next();
                if (step == null) {
                    step = chunk.step();
                    if (step.toNanos() % 1000 != 0) {
                        throw new IllegalArgumentException("series '" + series + "': step " + step
                                + " is not a whole number of microseconds, the store's resolution");
                    }
                } else if (!step.equals(chunk.step())) {
                    throw new IllegalArgumentException("series '" + series + "': chunk step " + chunk.step()
                            + " differs from the first chunk's " + step);
                }
                if (previousEnd != null && chunk.start().isBefore(previousEnd)) {
                    throw new IllegalArgumentException("series '" + series + "': chunk starting " + chunk.start()
                            + " overlaps the previous one ending " + previousEnd);
                }
                if (chunk.start().isBefore(Instant.EPOCH)) {
                    throw new IllegalArgumentException("series '" + series + "' starts at " + chunk.start()
                            + "; the store holds times from 1970-01-01T00:00:00Z on");
                }
                previousEnd = chunk.end();
                long start = micros(chunk.start());
                long stepMicros = chunk.step().toNanos() / 1000;
                for (int i = 0; i < chunk.size(); i++) {
                    double value = chunk.valueAt(i);
                    if (Double.isNaN(value)) {
                        continue;
                    }
                    TableWriter.Row row = writer.newRow(start + i * stepMicros);
                    row.putDouble(1, value);
                    row.append();
                    if (++rows % COMMIT_EVERY == 0) {
                        writer.commit();
                    }
                }
            }
            writer.commit();
        }
        if (rows == 0) {
            throw new IllegalArgumentException("series '" + series + "' has no values: every step is a gap");
        }
        return step;
    }

    /** Makes the complete temp table the series: old → replaced_, temp → series_, drop replaced_. */
    private void swapIn(String series, String temp) {
        String table = TABLE + series;
        String old = OLD + series;
        drop(old);
        if (engine.getTableTokenIfExists(table) != null) {
            sql("RENAME TABLE '" + table + "' TO '" + old + "'");
        }
        sql("RENAME TABLE '" + temp + "' TO '" + table + "'");
        drop(old);
    }

    /** After a crash: an unfinished import is dropped; a replaced table without its successor is put back. */
    private void recoverLeftovers() {
        for (String name : tableNames()) {
            if (name.startsWith(TEMP)) {
                drop(name);
            } else if (name.startsWith(OLD)) {
                String table = TABLE + name.substring(OLD.length());
                if (engine.getTableTokenIfExists(table) == null) {
                    sql("RENAME TABLE '" + name + "' TO '" + table + "'");
                } else {
                    drop(name);
                }
            }
        }
    }

    @Override
    public synchronized List<SeriesInfo> list() {
        checkOpen();
        List<SeriesInfo> result = new ArrayList<>();
        for (String name : tableNames()) {
            if (name.startsWith(TABLE)) {
                info(name.substring(TABLE.length())).ifPresent(result::add);
            }
        }
        return result;
    }

    @Override
    public synchronized Optional<SeriesInfo> info(String series) {
        checkOpen();
        checkName(series);
        String table = TABLE + series;
        if (engine.getTableTokenIfExists(table) == null) {
            return Optional.empty();
        }
        SeriesMeta meta = SeriesMeta.read(metaFile(series))
                .orElseGet(() -> new SeriesMeta(reads.firstStep(table), LoadProfile.Unit.COUNT, "unknown"));
        return reads.info(series, table, meta).map(rollups::widen);
    }

    @Override
    public synchronized TimeSeries read(String query, Instant start, Instant end, Duration step, Aggregation aggregation) {
        checkOpen();
        checkName(query);
        Objects.requireNonNull(aggregation, "aggregation");
        if (engine.getTableTokenIfExists(TABLE + query) == null) {
            throw MetricStore.unknownSeries(query, list());
        }
        TimeSeries raw = reads.read(TABLE + query, start, end, step, aggregation);
        return rollups.read(query, TABLE + query, start, end, step, aggregation, raw);
    }

    @Override
    public synchronized AppendResult append(String series, AppendOptions options, SampleBatch samples) {
        checkOpen();
        checkName(series);
        return appends.append(series, TABLE + series, Objects.requireNonNull(options, "options"),
                Objects.requireNonNull(samples, "samples"));
    }

    @Override
    public synchronized OptionalLong newestMillis(String series) {
        checkOpen();
        checkName(series);
        long micros = appends.newest(TABLE + series);
        return micros == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(Math.floorDiv(micros, 1000L));
    }

    @Override
    public synchronized MaintenanceResult maintain(String series, RetentionPolicy policy, Instant now) {
        checkOpen();
        checkName(series);
        if (engine.getTableTokenIfExists(TABLE + series) == null) {
            throw MetricStore.unknownSeries(series, list());
        }
        return rollups.maintain(series, TABLE + series, policy, now);
    }

    private List<String> tableNames() {
        ObjHashSet<TableToken> tokens = new ObjHashSet<>();
        engine.getTableTokens(tokens, false);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            names.add(tokens.get(i).getTableName());
        }
        names.sort(null);
        return names;
    }

    private Path metaFile(String series) {
        return directory.resolve("meta").resolve(series + ".json");
    }

    private void drop(String table) {
        sql("DROP TABLE IF EXISTS '" + table + "'");
    }

    private void dropQuietly(String table) {
        try {
            drop(table);
        } catch (RuntimeException e) {
            LOG.debug("could not drop {} after a failed write: {}", table, e.toString());
        }
    }

    private void sql(String statement) {
        try {
            engine.execute(statement, context);
        } catch (SqlException e) {
            throw new MetricSourceException("store statement failed: " + e.getMessage() + " [" + statement + "]",
                    directory.toString(), 0, e);
        }
    }

    static long micros(Instant time) {
        return Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1000);
    }

    private static void checkName(String series) {
        if (series == null || !NAME.matcher(series).matches()) {
            throw new IllegalArgumentException("'" + series + "' is not a series name (expected 1 to 100 letters, "
                    + "digits, '_' or '-')");
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("store " + directory + " is closed");
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            try {
                engine.close();
            } finally {
                lock.close();
            }
        }
    }
}
