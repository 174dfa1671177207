package io.prescale.core.scale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Which configuration to run at each load level: contiguous, sorted {@link ScalingBand}s, the provenance of the
 * tuning run that produced them, and {@code digest} = {@code sha256:} of the RFC 8785 canonical JSON of the
 * document without {@code digest}. A capacity-only policy (one open band with {@code capacityPerInstance}) is
 * valid. Immutable; the provenance node is copied in and out.
 *
 * <p>JSON: {@code {"schemaVersion":1,"name","bands":[{"loadFrom","loadTo","unit","config":{"count":4,…},
 * "restartRequired","predictedP99Ms","costPerHour"}],"provenance":{…},"digest":"sha256:…"}}.
 *
 * @param digest the digest; {@code null} computes it, any other value must match the computed one
 */
public record ScalingPolicy(
        int schemaVersion, String name, List<ScalingBand> bands, JsonNode provenance, String digest) {
    /** The only schema version this code reads and writes. */
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public ScalingPolicy {
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException(
                    "policy schemaVersion must be " + SCHEMA_VERSION + ", got " + schemaVersion);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("policy name must not be blank, got '" + name + "'");
        }
        bands = List.copyOf(Objects.requireNonNull(bands, "bands"));
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("policy bands must not be empty");
        }
        for (int i = 1; i < bands.size(); i++) {
            ScalingBand previous = bands.get(i - 1);
            ScalingBand band = bands.get(i);
            if (previous.loadTo() != band.loadFrom()) {
                throw new IllegalArgumentException("policy bands must be contiguous and sorted: band " + (i - 1)
                        + " ends at " + previous.loadTo() + " but band " + i + " starts at " + band.loadFrom());
            }
            if (!previous.unit().equals(band.unit())) {
                throw new IllegalArgumentException("policy bands must share one unit: band 0 has '"
                        + bands.get(0).unit() + "', band " + i + " has '" + band.unit() + "'");
            }
        }
        provenance = provenance == null ? JsonNodeFactory.instance.objectNode() : provenance.deepCopy();
        if (!provenance.isObject()) {
            throw new IllegalArgumentException(
                    "policy provenance must be a JSON object, got " + provenance.getNodeType());
        }
        String computed = CanonicalJson.sha256(document(schemaVersion, name, bands, provenance));
        if (digest != null && !digest.equals(computed)) {
            throw new IllegalArgumentException(
                    "policy digest does not match its content: document says " + digest + ", computed " + computed);
        }
        digest = computed;
    }

    /** A capacity-only policy: one band from 0 upwards, {@code ceil(load / perInstanceCapacity)} instances. */
    public static ScalingPolicy capacityOnly(
            String name, double perInstanceCapacity, String unit, JsonNode provenance) {
        return new ScalingPolicy(
                SCHEMA_VERSION, name, List.of(ScalingBand.capacityOnly(perInstanceCapacity, unit)), provenance, null);
    }

    @Override
    public JsonNode provenance() {
        return provenance.deepCopy();
    }

    /** Index of the band that holds {@code load}: below the first band → 0, above the last → the last. */
    public int bandIndex(double load) {
        for (int i = 0; i < bands.size(); i++) {
            if (load < bands.get(i).loadTo()) {
                return i;
            }
        }
        return bands.size() - 1;
    }

    /** Whether some band holds {@code load} (the controller says so in its decision when not). */
    public boolean covers(double load) {
        return load >= bands.get(0).loadFrom()
                && load < bands.get(bands.size() - 1).loadTo();
    }

    /** Instances for {@code load} (requests in the bands' unit), by the band that holds it. */
    public int instancesFor(double load) {
        return bands.get(bandIndex(load)).instancesFor(load);
    }

    /** The document with its digest, fields in the order of the schema. */
    public ObjectNode toJsonNode() {
        ObjectNode node = document(schemaVersion, name, bands, provenance);
        node.put("digest", digest);
        return node;
    }

    /** Compact JSON of {@link #toJsonNode()}. */
    public String toJson() {
        try {
            return MAPPER.writeValueAsString(toJsonNode());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Parses and validates a policy document; unknown top-level fields are an error.
     *
     * @throws IllegalArgumentException naming the field, what was expected and what came
     */
    public static ScalingPolicy fromJson(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("policy is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("policy must be a JSON object");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!List.of("schemaVersion", "name", "bands", "provenance", "digest")
                    .contains(field)) {
                throw new IllegalArgumentException("policy has unknown field '" + field + "'");
            }
        }
        JsonNode bandsNode = root.path("bands");
        if (!bandsNode.isArray()) {
            throw new IllegalArgumentException("policy field 'bands' must be an array");
        }
        List<ScalingBand> bands = new ArrayList<>();
        for (int i = 0; i < bandsNode.size(); i++) {
            bands.add(ScalingBand.fromJson(bandsNode.get(i), i));
        }
        JsonNode digest = root.get("digest");
        return new ScalingPolicy(
                root.path("schemaVersion").asInt(-1),
                root.path("name").asText(null),
                bands,
                root.get("provenance"),
                digest == null || digest.isNull() ? null : digest.asText());
    }

    /** Reads a policy file. */
    public static ScalingPolicy read(Path file) {
        try {
            return fromJson(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode document(int schemaVersion, String name, List<ScalingBand> bands, JsonNode provenance) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("schemaVersion", schemaVersion);
        node.put("name", name);
        bands.forEach(band -> node.withArray("bands").add(band.toJsonNode()));
        node.set("provenance", provenance.deepCopy());
        return node;
    }
}
