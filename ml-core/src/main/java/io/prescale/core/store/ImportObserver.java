package io.prescale.core.store;

/**
 * Told each {@link ImportStage} an import of {@link QuestDbStore} reaches, on the importing thread. The crash
 * test pauses the importing process here to kill it at a known point; the store itself observes nothing.
 */
@FunctionalInterface
interface ImportObserver {
    /** Observes nothing. */
    ImportObserver NONE = stage -> {};

    void reached(ImportStage stage);
}
