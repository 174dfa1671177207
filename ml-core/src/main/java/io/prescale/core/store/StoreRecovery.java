package io.prescale.core.store;

import io.questdb.cairo.CairoEngine;
import io.questdb.cairo.TableToken;
import io.questdb.std.ObjHashSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a store back in order when it opens, after any crash: every series is then exactly what its
 * {@link SeriesCatalog} entry names, and nothing an interrupted import left can block the next one. It removes
 * half-written entries, drops versioned tables no entry names (an import killed before its commit, or a previous
 * version killed before its drop), and deletes table directories QuestDB never registered (a kill in the middle
 * of {@code CREATE TABLE} or {@code DROP TABLE}). Leftovers of the older rename-based import ({@code import_*},
 * {@code replaced_*}) are dropped or, for a replaced table without its successor, renamed back.
 */
final class StoreRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(StoreRecovery.class);
    private static final String LEGACY_TEMP = "import_";
    private static final String LEGACY_OLD = "replaced_";

    private final CairoEngine engine;
    private final SeriesCatalog catalog;
    private final Path tableDirectory;
    private final Consumer<String> sql;

    StoreRecovery(CairoEngine engine, SeriesCatalog catalog, Path tableDirectory, Consumer<String> sql) {
        this.engine = engine;
        this.catalog = catalog;
        this.tableDirectory = tableDirectory;
        this.sql = sql;
    }

    void run() {
        catalog.removeTemporaries();
        Set<String> inForce = new HashSet<>();
        for (String series : catalog.series()) {
            catalog.read(series).ifPresent(entry -> inForce.add(entry.table()));
        }
        for (String table : tableNames(engine)) {
            if (inForce.contains(table)) {
                continue;
            }
            if (SeriesCatalog.isVersioned(table) || table.startsWith(LEGACY_TEMP)) {
                LOG.debug("dropping {}, left by an interrupted import", table);
                sql.accept("DROP TABLE IF EXISTS '" + table + "'");
            } else if (table.startsWith(LEGACY_OLD)) {
                String series = table.substring(LEGACY_OLD.length());
                String legacy = SeriesCatalog.LEGACY_PREFIX + series;
                if (engine.getTableTokenIfExists(legacy) == null
                        && catalog.read(series).isEmpty()) {
                    sql.accept("RENAME TABLE '" + table + "' TO '" + legacy + "'");
                } else {
                    sql.accept("DROP TABLE IF EXISTS '" + table + "'");
                }
            } else if (table.startsWith(SeriesCatalog.LEGACY_PREFIX)) {
                String series = table.substring(SeriesCatalog.LEGACY_PREFIX.length());
                if (catalog.read(series).isPresent()) {
                    // a newer version is in force; the legacy table was superseded but not dropped
                    sql.accept("DROP TABLE IF EXISTS '" + table + "'");
                }
            }
        }
        deleteUnregisteredDirectories();
    }

    /** Directories of our naming that QuestDB does not know: a create or drop cut short. */
    private void deleteUnregisteredDirectories() {
        Set<String> registered = new HashSet<>();
        ObjHashSet<TableToken> tokens = new ObjHashSet<>();
        engine.getTableTokens(tokens, true);
        for (int i = 0; i < tokens.size(); i++) {
            registered.add(tokens.get(i).getDirName());
        }
        try (Stream<Path> dirs = Files.list(tableDirectory)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                String name = dir.getFileName().toString();
                boolean ours = SeriesCatalog.isVersioned(name) || name.startsWith(LEGACY_TEMP);
                if (ours && !registered.contains(name)) {
                    LOG.debug("deleting {}, a table directory left by an interrupted create or drop", dir);
                    deleteTree(dir);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + tableDirectory, e);
        }
    }

    static List<String> tableNames(CairoEngine engine) {
        ObjHashSet<TableToken> tokens = new ObjHashSet<>();
        engine.getTableTokens(tokens, false);
        String[] names = new String[tokens.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = tokens.get(i).getTableName();
        }
        java.util.Arrays.sort(names);
        return List.of(names);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
