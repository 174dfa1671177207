package io.prescale.cli.demo;

import io.prescale.core.series.TimeSeries;
import io.prescale.core.store.QuestDbStore;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
    private final Map<Class<? extends Record>, Record> results = new LinkedHashMap<>();

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

    /**
     * An optional input: the result an earlier stage left that is a {@code type}, or else the first component of
     * type {@code type} of a result (a stage's record that carries, say, a {@code ScalingPolicy} or the actuator's
     * {@code CycleReport}); empty when no stage left one. For stages that show what ran (the report), so a new
     * stage plugs in by leaving its record, without the reader naming that record's type.
     */
    public <T> Optional<T> find(Class<T> type) {
        for (Record result : results.values()) {
            if (type.isInstance(result)) {
                return Optional.of(type.cast(result));
            }
        }
        for (Record result : results.values()) {
            for (RecordComponent component : result.getClass().getRecordComponents()) {
                if (type.isAssignableFrom(component.getType())) {
                    Object value = component(result, component);
                    if (value != null) {
                        return Optional.of(type.cast(value));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Object component(Record result, RecordComponent component) {
        try {
            Method accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(result);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException(
                    "cannot read " + component.getName() + " of "
                            + result.getClass().getSimpleName(),
                    e);
        }
    }

    /** The whole stored history of {@code series}, read from the demo store (requires the import stage). */
    public TimeSeries history(String series) {
        get(ImportStage.Imported.class);
        try (QuestDbStore store = QuestDbStore.open(storeDir)) {
            return store.read(series);
        }
    }
}
