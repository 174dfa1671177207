package io.prescale.core.anomaly.nab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Fixed thresholds per detector and profile, optimised once on the 36 NAB files of ../shared/data/nab and shipped
 * in the jar as {@code io/prescale/core/anomaly/nab-thresholds.json} ({@code {"detectors": {"iforest":
 * {"standard": t, "lowFp": t, "lowFn": t}, …}}}). They are regenerated with
 * {@code prescale anomaly nab … --write-thresholds FILE} (see README "Anomaly detection").
 */
public final class NabThresholds {
    static final String RESOURCE = "/io/prescale/core/anomaly/nab-thresholds.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private NabThresholds() {}

    /** The shipped thresholds of {@code detector}, or an empty map when none were shipped for it. */
    public static Map<NabProfile, Double> shipped(String detector) {
        try (InputStream in = NabThresholds.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Map.of();
            }
            return of(MAPPER.readTree(in), detector);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<NabProfile, Double> of(JsonNode root, String detector) {
        JsonNode node = root.path("detectors").path(detector);
        Map<NabProfile, Double> result = new EnumMap<>(NabProfile.class);
        for (NabProfile profile : NabProfile.values()) {
            if (node.path(profile.jsonName()).isNumber()) {
                result.put(profile, node.path(profile.jsonName()).asDouble());
            }
        }
        return result;
    }

    /** Merges {@code thresholds} of {@code detector} into the thresholds file {@code file} (created if absent). */
    public static void write(Path file, String detector, Map<NabProfile, Double> thresholds, String provenance)
            throws IOException {
        ObjectNode root = Files.exists(file) ? (ObjectNode) MAPPER.readTree(file.toFile()) : MAPPER.createObjectNode();
        ObjectNode detectors = root.has("detectors") ? (ObjectNode) root.get("detectors") : root.putObject("detectors");
        ObjectNode entry = detectors.putObject(detector);
        for (NabProfile profile : NabProfile.values()) {
            entry.put(profile.jsonName(), thresholds.get(profile));
        }
        entry.put("provenance", provenance);
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".thresholds", ".tmp");
        try {
            MAPPER.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), sorted(root));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static JsonNode sorted(ObjectNode root) {
        ObjectNode detectors = (ObjectNode) root.get("detectors");
        ObjectNode copy = MAPPER.createObjectNode();
        java.util.List<String> names = new java.util.ArrayList<>();
        for (Iterator<String> it = detectors.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        java.util.Collections.sort(names);
        names.forEach(n -> copy.set(n, detectors.get(n)));
        root.set("detectors", copy);
        return root;
    }
}
