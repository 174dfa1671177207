package io.prescale.core.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.core.series.LoadProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the table of a series does not say: its step, unit and source. Kept as {@code meta/<series>.json} beside
 * the QuestDB data and written atomically (temp file + rename).
 */
record SeriesMeta(Duration step, LoadProfile.Unit unit, String source) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    SeriesMeta {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(source, "source");
    }

    void write(Path file) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("step", step.toString());
        node.put("unit", unit.name().toLowerCase(java.util.Locale.ROOT));
        node.put("source", source);
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            MAPPER.writeValue(temp.toFile(), node);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static Optional<SeriesMeta> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            ObjectNode node = (ObjectNode) MAPPER.readTree(file.toFile());
            return Optional.of(new SeriesMeta(Duration.parse(node.get("step").asText()),
                    LoadProfile.Unit.parse(node.get("unit").asText()), node.get("source").asText()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("store metadata " + file + " is unreadable: " + e.getMessage(), e);
        }
    }
}
