package io.prescale.cli.input;

import io.prescale.cli.base.BadInputException;
import io.prescale.core.series.TimeSeries;
import io.prescale.core.store.QuestDbStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --store DIR}: the embedded QuestDB store. Default {@code ${PRESCALE_HOME:-~/.prescale}/store}; config
 * key {@code store.dir}, environment {@code PRESCALE_STORE_DIR}.
 */
public final class StoreOption {
    @Option(
            names = "--store",
            paramLabel = "DIR",
            descriptionKey = "store.dir",
            description = "Store directory (default: $PRESCALE_HOME/store, else ~/.prescale/store).")
    Path store;

    public Path store() {
        return store;
    }

    /** The store directory of {@code --store}, absolute. */
    public Path directory() {
        if (store == null) {
            throw new IllegalStateException("no store directory: --store has no default");
        }
        return store.toAbsolutePath().normalize();
    }

    /** Opens the store; a directory that cannot be created, written or locked is bad input naming it. */
    public static QuestDbStore open(Path dir) {
        try {
            return QuestDbStore.open(dir);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--store", dir.toString(), e.getMessage(), e);
        }
    }

    /** Reads a whole series from the store at its own step; an unknown name is bad input listing the known ones. */
    public TimeSeries readSeries(String name) {
        try (QuestDbStore questDb = open(directory())) {
            return questDb.read(name);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--series", name, e.getMessage(), e);
        }
    }
}
