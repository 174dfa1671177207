package io.prescale.core.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.core.nn.ModelArchive;
import io.prescale.core.nn.ModelManifest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The entries that every generate model file holds beside its network parameters: options, scaler, conditions. */
final class ModelFiles {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int FORMAT_VERSION = 1;
    static final String META = "meta.json";

    private ModelFiles() {}

    static byte[] meta(Object options, MinMaxScaler scaler, ConditionSet conditions) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.set("options", JSON.valueToTree(options));
        node.set("scalerMin", JSON.valueToTree(scaler.min()));
        node.set("scalerMax", JSON.valueToTree(scaler.max()));
        node.put("window", conditions.window());
        node.set("phases", JSON.valueToTree(conditions.phases()));
        node.set("shapes", JSON.valueToTree(conditions.shapes()));
        return JSON.writeValueAsBytes(node);
    }

    static JsonNode readMeta(ModelArchive archive) throws IOException {
        return JSON.readTree(archive.entry(META));
    }

    static MinMaxScaler scaler(JsonNode meta) throws IOException {
        return new MinMaxScaler(
                JSON.treeToValue(meta.get("scalerMin"), double[].class),
                JSON.treeToValue(meta.get("scalerMax"), double[].class));
    }

    static ConditionSet conditions(JsonNode meta) throws IOException {
        return new ConditionSet(
                meta.get("window").asInt(),
                JSON.treeToValue(meta.get("phases"), int[].class),
                JSON.treeToValue(meta.get("shapes"), double[][].class));
    }

    static void write(
            Path file,
            String kind,
            String prescaleVersion,
            Clock clock,
            Map<String, Object> provenance,
            Map<String, byte[]> entries)
            throws IOException {
        ModelArchive.write(
                file,
                new ModelManifest(
                        kind, FORMAT_VERSION, prescaleVersion, clock.instant(), new LinkedHashMap<>(provenance)),
                entries);
    }

    /** The {@code kind} in a model file's manifest; IllegalArgumentException when it is not a model file. */
    static String peekKind(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file);
                ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.getName().equals(ModelArchive.MANIFEST)) {
                    JsonNode kind = JSON.readTree(zip.readAllBytes()).get("kind");
                    if (kind != null && kind.isTextual()) {
                        return kind.asText();
                    }
                }
            }
        } catch (IOException e) {
            if (Files.exists(file)) {
                throw new IllegalArgumentException(
                        "'" + file + "' is not a Prescale model file (" + e.getMessage() + ")", e);
            }
            throw e;
        }
        throw new IllegalArgumentException(
                "'" + file + "' is not a Prescale model file (no readable " + ModelArchive.MANIFEST + ")");
    }
}
