package io.prescale.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.core.series.LoadProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which table holds each series, and its step, unit and source: one entry file {@code meta/<series>.json} per
 * series. An import writes a whole new table under a fresh versioned name ({@code v<n>_<series>}), then
 * {@linkplain #commit commits} by renaming a complete, synced entry naming that table over the old entry. That
 * rename is the single atomic step in which a series' rows and metadata change together: before it readers see
 * the old table with the old metadata, after it the new table with the new. Entries written before versioned
 * tables existed have no {@code table} field and name {@code series_<series>}.
 */
final class SeriesCatalog {
    /** The table of a series written before versioned tables; still read. */
    static final String LEGACY_PREFIX = "series_";

    private static final Pattern VERSIONED = Pattern.compile("v(\\d{1,18})_(.+)");
    private static final String SUFFIX = ".json";
    private static final String TEMP_SUFFIX = ".json.tmp";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One series' table and metadata. */
    record Entry(String table, SeriesMeta meta) {
        Entry {
            java.util.Objects.requireNonNull(table, "table");
            java.util.Objects.requireNonNull(meta, "meta");
        }
    }

    private final Path directory;

    SeriesCatalog(Path storeDirectory) {
        this.directory = storeDirectory.resolve("meta");
    }

    /** The entry of {@code series}, or empty when it has none. */
    Optional<Entry> read(String series) {
        Path file = file(series);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = MAPPER.readTree(file.toFile());
            SeriesMeta meta = new SeriesMeta(
                    Duration.parse(node.get("step").asText()),
                    LoadProfile.Unit.parse(node.get("unit").asText()),
                    node.get("source").asText());
            String table = node.hasNonNull("table") ? node.get("table").asText() : LEGACY_PREFIX + series;
            return Optional.of(new Entry(table, meta));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("store metadata " + file + " is unreadable: " + e.getMessage(), e);
        }
    }

    /** The names of the series that have an entry, in no particular order. */
    List<String> series() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<String> names = new ArrayList<>();
            files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(SUFFIX) && !n.endsWith(TEMP_SUFFIX))
                    .forEach(n -> names.add(n.substring(0, n.length() - SUFFIX.length())));
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    /**
     * Makes {@code entry} the series' entry in one atomic step: written and synced under a temporary name, then
     * renamed over the old entry (and the directory synced). A crash before the rename leaves the old entry;
     * after it, the new.
     */
    void commit(String series, Entry entry, ImportObserver observer) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("table", entry.table());
        node.put("step", entry.meta().step().toString());
        node.put("unit", entry.meta().unit().name().toLowerCase(Locale.ROOT));
        node.put("source", entry.meta().source());
        Path file = file(series);
        Path temp = directory.resolve(series + TEMP_SUFFIX);
        try {
            Files.createDirectories(directory);
            Files.write(temp, MAPPER.writeValueAsBytes(node));
            sync(temp, false);
            observer.reached(ImportStage.ENTRY_WRITTEN);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            sync(directory, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        observer.reached(ImportStage.COMMITTED);
    }

    /** Removes entries a crash left half-written (never in force). */
    void removeTemporaries() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(TEMP_SUFFIX))
                    .toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + directory, e);
        }
    }

    /** A table name for a new version of {@code series}, numbered after every version in {@code tables}. */
    static String newTable(String series, List<String> tables) {
        long next = 1;
        for (String table : tables) {
            OptionalLong version = version(table);
            if (version.isPresent()) {
                next = Math.max(next, version.getAsLong() + 1);
            }
        }
        return "v" + next + "_" + series;
    }

    /** Whether {@code table} (or table directory) is a versioned series table, in force or not. */
    static boolean isVersioned(String table) {
        return VERSIONED.matcher(table).matches();
    }

    private static OptionalLong version(String table) {
        Matcher m = VERSIONED.matcher(table);
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    private Path file(String series) {
        return directory.resolve(series + SUFFIX);
    }

    private static void sync(Path path, boolean isDirectory) throws IOException {
        try (FileChannel channel =
                FileChannel.open(path, isDirectory ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }
}
