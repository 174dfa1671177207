package io.prescale.core.store;

import io.prescale.core.series.Aggregation;
import io.prescale.core.series.LoadProfile;
import io.prescale.core.series.TimeSeries;
import io.questdb.cairo.CairoEngine;
import io.questdb.cairo.CommitMode;
import io.questdb.cairo.DefaultCairoConfiguration;
import io.questdb.cairo.TableToken;
import io.questdb.cairo.TableWriter;
import io.questdb.cairo.security.AllowAllSecurityContext;
import io.questdb.griffin.SqlException;
import io.questdb.griffin.SqlExecutionContextImpl;
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
 * non-WAL table ({@code ts TIMESTAMP, value DOUBLE}, partitioned by year) named by its {@link SeriesCatalog}
 * entry {@code meta/<name>.json}, which also holds its step, unit and source. A write fills a new versioned table,
 * committed in batches, and when it is complete commits the entry naming it in one atomic rename; only then is
 * the previous version's table dropped. A crash at any point leaves exactly the old or exactly the new version;
 * {@link StoreRecovery} removes what an interrupted import left when the store next opens. A lock file keeps a
 * second process or handle out. Reads scan the range through the designated
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
    private static final int COMMIT_EVERY = 1_000_000;

    static {
        if (System.getProperty("out") == null) {
            System.setProperty("out", LOG_CONFIG);
        }
        QuestDbLogging.start();
    }

    private final Path directory;
    private final StoreLock lock;
    private final CairoEngine engine;
    private final SqlExecutionContextImpl context;
    private final QuestDbReads reads;
    private final QuestDbAppends appends;
    private final QuestDbRollups rollups;
    private final ImportObserver observer;
    private final SeriesCatalog catalog;
    private boolean closed;

    private QuestDbStore(Path directory, StoreLock lock, CairoEngine engine, ImportObserver observer) {
        this.directory = directory;
        this.observer = observer;
        this.catalog = new SeriesCatalog(directory);
        this.lock = lock;
        this.engine = engine;
        this.context = new SqlExecutionContextImpl(engine, 1).with(AllowAllSecurityContext.INSTANCE, null);
        this.reads = new QuestDbReads(engine, context, directory);
        this.appends = new QuestDbAppends(engine, context, directory, this::sql);
        this.rollups = new QuestDbRollups(engine, context, directory, this::sql);
    }

    /**
     * Opens (creating if needed) the store in {@code directory} and takes its lock until {@link #close()}.
     *
     * @throws IllegalArgumentException when the directory cannot be created or written, or another process or
     *                                  handle has the store open (the message names the directory and its PID)
     */
    public static QuestDbStore open(Path directory) {
        return open(directory, ImportObserver.NONE);
    }

    /** {@link #open(Path)} telling {@code observer} each stage an import reaches (for the crash test). */
    static QuestDbStore open(Path directory, ImportObserver observer) {
        Objects.requireNonNull(observer, "observer");
        Path dir =
                Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
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
            CairoEngine engine = new CairoEngine(new DefaultCairoConfiguration(db.toString()) {
                @Override
                public int getCommitMode() {
                    return CommitMode.SYNC; // rows are on disk before the catalog entry naming them
                }
            });
            engine.load();
            QuestDbStore store = new QuestDbStore(dir, lock, engine, observer);
            new StoreRecovery(engine, store.catalog, db, store::sql).run();
            LOG.debug("opened store {}", dir);
            observer.reached(ImportStage.OPENED);
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
    public synchronized SeriesInfo write(
            String series, LoadProfile.Unit unit, String source, Iterator<TimeSeries> chunks) {
        checkOpen();
        checkName(series);
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(source, "source");
        if (!chunks.hasNext()) {
            throw new IllegalArgumentException("series '" + series + "': nothing to write");
        }
        Optional<SeriesCatalog.Entry> previous = entry(series);
        String table = SeriesCatalog.newTable(series, StoreRecovery.tableNames(engine));
        Duration step;
        try {
            sql("CREATE TABLE '" + table + "' (ts TIMESTAMP, value DOUBLE) TIMESTAMP(ts) PARTITION BY YEAR BYPASS WAL");
            observer.reached(ImportStage.TABLE_CREATED);
            step = writeRows(series, table, chunks);
        } catch (RuntimeException e) {
            dropQuietly(table);
            throw e;
        }
        observer.reached(ImportStage.ROWS_WRITTEN);
        catalog.commit(series, new SeriesCatalog.Entry(table, new SeriesMeta(step, unit, source)), observer);
        previous.ifPresent(old -> {
            dropQuietly(old.table());
            appends.forget(old.table());
        });
        rollups.forget(series);
        observer.reached(ImportStage.PREVIOUS_DROPPED);
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
                        observer.reached(ImportStage.ROWS_COMMITTED);
                    }
                }
            }
            writer.commit();
            observer.reached(ImportStage.ROWS_COMMITTED);
        }
        if (rows == 0) {
            throw new IllegalArgumentException("series '" + series + "' has no values: every step is a gap");
        }
        return step;
    }

    @Override
    public synchronized List<SeriesInfo> list() {
        checkOpen();
        java.util.SortedSet<String> names = new java.util.TreeSet<>(catalog.series());
        for (String table : StoreRecovery.tableNames(engine)) {
            String name = table.substring(Math.min(table.length(), SeriesCatalog.LEGACY_PREFIX.length()));
            if (table.startsWith(SeriesCatalog.LEGACY_PREFIX)
                    && NAME.matcher(name).matches()) {
                names.add(name);
            }
        }
        List<SeriesInfo> result = new ArrayList<>();
        for (String name : names) {
            info(name).ifPresent(result::add);
        }
        return result;
    }

    @Override
    public synchronized Optional<SeriesInfo> info(String series) {
        checkOpen();
        checkName(series);
        return entry(series)
                .flatMap(entry -> reads.info(series, entry.table(), entry.meta()))
                .map(rollups::widen);
    }

    /**
     * The catalog entry of a series; for a table written before the catalog and without metadata, one with
     * the step of its first two rows.
     */
    private Optional<SeriesCatalog.Entry> entry(String series) {
        Optional<SeriesCatalog.Entry> entry =
                catalog.read(series).filter(e -> engine.getTableTokenIfExists(e.table()) != null);
        if (entry.isPresent() || catalog.read(series).isPresent()) {
            return entry;
        }
        String legacy = SeriesCatalog.LEGACY_PREFIX + series;
        if (engine.getTableTokenIfExists(legacy) == null) {
            return Optional.empty();
        }
        return Optional.of(new SeriesCatalog.Entry(
                legacy, new SeriesMeta(reads.firstStep(legacy), LoadProfile.Unit.COUNT, "unknown")));
    }

    @Override
    public synchronized TimeSeries read(
            String query, Instant start, Instant end, Duration step, Aggregation aggregation) {
        checkOpen();
        checkName(query);
        Objects.requireNonNull(aggregation, "aggregation");
        SeriesCatalog.Entry entry = entry(query).orElseThrow(() -> MetricStore.unknownSeries(query, list()));
        TimeSeries raw = reads.read(entry.table(), start, end, step, aggregation);
        return rollups.read(query, entry.table(), start, end, step, aggregation, raw);
    }

    @Override
    public synchronized AppendResult append(String series, AppendOptions options, SampleBatch samples) {
        checkOpen();
        checkName(series);
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(samples, "samples");
        SeriesCatalog.Entry entry = entry(series).orElseGet(() -> createForAppends(series, options));
        return appends.append(series, entry.table(), options, samples);
    }

    @Override
    public synchronized OptionalLong newestMillis(String series) {
        checkOpen();
        checkName(series);
        Optional<SeriesCatalog.Entry> entry = entry(series);
        if (entry.isEmpty()) {
            return OptionalLong.empty();
        }
        long micros = appends.newest(entry.get().table());
        return micros == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(Math.floorDiv(micros, 1000L));
    }

    @Override
    public synchronized MaintenanceResult maintain(String series, RetentionPolicy policy, Instant now) {
        checkOpen();
        checkName(series);
        SeriesCatalog.Entry entry = entry(series).orElseThrow(() -> MetricStore.unknownSeries(series, list()));
        return rollups.maintain(series, entry.table(), policy, now);
    }

    /**
     * The first append of a series creates its versioned table (day partitions, so retention drops whole days)
     * and commits its catalog entry, the same atomic step an import ends with; a crash in between leaves an
     * unreferenced table that recovery removes.
     */
    private SeriesCatalog.Entry createForAppends(String series, AppendOptions options) {
        String table = SeriesCatalog.newTable(series, StoreRecovery.tableNames(engine));
        sql("CREATE TABLE '" + table + "' (ts TIMESTAMP, value DOUBLE) TIMESTAMP(ts) PARTITION BY DAY BYPASS WAL");
        SeriesCatalog.Entry entry =
                new SeriesCatalog.Entry(table, new SeriesMeta(options.step(), options.unit(), options.source()));
        catalog.commit(series, entry, ImportObserver.NONE);
        return entry;
    }

    private void drop(String table) {
        sql("DROP TABLE IF EXISTS '" + table + "'");
    }

    private void dropQuietly(String table) {
        try {
            sql("DROP TABLE IF EXISTS '" + table + "'");
        } catch (RuntimeException e) {
            LOG.debug("could not drop {} after a failed write: {}", table, e.toString());
        }
    }

    private void sql(String statement) {
        try {
            engine.execute(statement, context);
        } catch (SqlException e) {
            throw new MetricSourceException(
                    "store statement failed: " + e.getMessage() + " [" + statement + "]", directory.toString(), 0, e);
        }
    }

    static long micros(Instant time) {
        return Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1000);
    }

    private static void checkName(String series) {
        if (series == null || !NAME.matcher(series).matches()) {
            throw new IllegalArgumentException(
                    "'" + series + "' is not a series name (expected 1 to 100 letters, " + "digits, '_' or '-')");
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
