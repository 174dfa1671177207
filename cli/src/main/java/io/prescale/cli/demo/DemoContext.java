package io.prescale.cli.demo;

import io.prescale.core.series.TimeSeries;
import io.prescale.core.store.QuestDbStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the demo stages share: the output directory, the store directory, quick mode, the seed, progress on
 * stderr, and the typed results (records) that earlier stages leave for later ones, one per record type. Later
 * stages read their history from the store that the import stage filled ({@link #history(String)}), as a
 * deployment reads what collection wrote.
 */
public final class DemoContext {
    private final Path outDir;
    private final Path storeDir;
    private final boolean quick;
    private final long seed;
    private final PrintStream progress;
    private final Map<Class<? extends Record>, Record> results = new HashMap<>();

    public DemoContext(Path outDir, Path storeDir, boolean quick, long seed, PrintStream progress) {
        this.outDir = Objects.requireNonNull(outDir, "outDir");
        this.storeDir = Objects.requireNonNull(storeDir, "storeDir");
        this.quick = quick;
        this.seed = seed;
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    public Path outDir() {
        return outDir;
    }

    public Path storeDir() {
        return storeDir;
    }

    public boolean quick() {
        return quick;
    }

    public long seed() {
        return seed;
    }

    public void progress(String message) {
        progress.println("[demo] " + message);
    }

    /** Leaves a stage's result for later stages (replacing an earlier one of the same type). */
    public <T extends Record> void put(T result) {
        results.put(result.getClass(), Objects.requireNonNull(result, "result"));
    }

    /** The result an earlier stage left, or IllegalStateException naming its type. */
    public <T extends Record> T get(Class<T> type) {
        Record result = results.get(type);
        if (result == null) {
            throw new IllegalStateException("no earlier demo stage produced a " + type.getSimpleName());
        }
        return type.cast(result);
    }

    /** The result an earlier stage left, or empty when no stage did (for results a stage may not produce). */
    public <T extends Record> Optional<T> find(Class<T> type) {
        return Optional.ofNullable(results.get(type)).map(type::cast);
    }

    /** The whole stored history of {@code series}, read from the demo store (requires the import stage). */
    public TimeSeries history(String series) {
        get(ImportStage.Imported.class);
        try (QuestDbStore store = QuestDbStore.open(storeDir)) {
            return store.read(series);
        }
    }
}
