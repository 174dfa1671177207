package io.prescale.core.store;

import java.nio.file.Path;

/** The QuestDB store passes the {@link AppendableStore} contract. */
class QuestDbAppendTest extends AppendableStoreContractTest {
    @Override
    protected AppendableStore open(Path directory) {
        return QuestDbStore.open(directory);
    }
}
