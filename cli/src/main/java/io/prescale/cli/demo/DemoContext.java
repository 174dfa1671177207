package io.prescale.cli.demo;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the demo stages share: the output directory, the store directory, quick mode, the seed, progress on
 * stderr, and named artefacts that earlier stages leave for later ones (e.g. the trace files).
 */
public final class DemoContext {
    private final Path outDir;
    private final Path storeDir;
    private final boolean quick;
    private final long seed;
    private final PrintStream progress;
    private final Map<String, Object> artefacts = new HashMap<>();

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

    /** Leaves an artefact for later stages. */
    public void put(String key, Object value) {
        artefacts.put(key, value);
    }

    /** An optional artefact: what an earlier stage left under {@code key}, or null when none did. */
    public <T> T artefact(String key, Class<T> type) {
        Object value = artefacts.get(key);
        return type.isInstance(value) ? type.cast(value) : null;
    }

    /** An artefact left by an earlier stage, or IllegalStateException naming it. */
    public <T> T get(String key, Class<T> type) {
        Object value = artefacts.get(key);
        if (value == null) {
            throw new IllegalStateException("demo artefact '" + key + "' was not produced by an earlier stage");
        }
        return type.cast(value);
    }
}
