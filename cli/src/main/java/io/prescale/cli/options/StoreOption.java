package io.prescale.cli.options;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --store DIR}: the embedded QuestDB store. Default {@code ${PRESCALE_HOME:-~/.prescale}/store}; config
 * key {@code store.dir}, environment {@code PRESCALE_STORE_DIR}.
 */
public final class StoreOption {
    @Option(names = "--store", paramLabel = "DIR", descriptionKey = "store.dir",
            description = "Store directory (default: $PRESCALE_HOME/store, else ~/.prescale/store).")
    Path store;

    public Path store() {
        return store;
    }
}
