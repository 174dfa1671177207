package io.prescale.core.store;

/**
 * The named points an import of {@link QuestDbStore} passes, in order. A crash between any two of them leaves the
 * series exactly at its previous version (before {@link #COMMITTED}) or exactly at the new one (from it on).
 */
enum ImportStage {
    /** The store is open and its leftovers are recovered; nothing of this import exists yet. */
    OPENED,
    /** The new version's table exists, empty. */
    TABLE_CREATED,
    /** A batch of rows is committed to the new table (reached once per batch, the last one included). */
    ROWS_COMMITTED,
    /** The new table is complete and closed. */
    ROWS_WRITTEN,
    /** The new catalog entry is on disk under its temporary name, not yet in force. */
    ENTRY_WRITTEN,
    /** The catalog entry names the new table: the new version is the series. */
    COMMITTED,
    /** The previous version's table is dropped. */
    PREVIOUS_DROPPED
}
