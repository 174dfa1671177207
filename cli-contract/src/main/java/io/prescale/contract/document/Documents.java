package io.prescale.contract.document;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the documents: strictly one JSON object (nothing after it, no NaN), unknown fields ignored, the header
 * checked against the command that was run.
 */
public final class Documents {
    /** The only document schema version this contract reads. */
    public static final int SCHEMA_VERSION = 1;

    /** Command → its document type. */
    public static final Map<String, Class<? extends CommandDocument>> TYPES;

    static {
        Map<String, Class<? extends CommandDocument>> types = new LinkedHashMap<>();
        types.put("import", ImportDocument.class);
        types.put("series export", SeriesExportDocument.class);
        types.put("forecast train", ForecastTrainDocument.class);
        types.put("generate train", GenerateTrainDocument.class);
        types.put("generate sample", GenerateSampleDocument.class);
        types.put("loadtest", LoadTestDocument.class);
        types.put("tune", TuneDocument.class);
        types.put("policy publish", PolicyPublishDocument.class);
        types.put("grafana publish", GrafanaPublishDocument.class);
        TYPES = java.util.Collections.unmodifiableMap(types);
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);

    private Documents() {}

    /**
     * The success document of {@code command}.
     *
     * @throws IllegalArgumentException naming what is wrong: not one JSON object, another command, another schema
     *     version, an error document, or a field of the wrong type
     */
    public static CommandDocument read(String command, String json) {
        Class<? extends CommandDocument> type = TYPES.get(command);
        if (type == null) {
            throw new IllegalArgumentException("no document type for command '" + command + "'");
        }
        JsonNode tree = tree(json);
        String named = tree.path("command").asText(null);
        if (!command.equals(named)) {
            throw new IllegalArgumentException(
                    "the document is of command '" + named + "', expected '" + command + "'");
        }
        if (tree.has("error")) {
            throw new IllegalArgumentException("the document is an error document: "
                    + tree.at("/error/message").asText());
        }
        if (tree.path("schemaVersion").asInt(-1) != SCHEMA_VERSION) {
            throw new IllegalArgumentException("the document has schemaVersion " + tree.get("schemaVersion")
                    + "; this contract reads " + SCHEMA_VERSION);
        }
        return convert(tree, type);
    }

    /** The error document in {@code json}, if it is one. */
    public static Optional<ErrorDocument> error(String json) {
        try {
            JsonNode tree = tree(json);
            if (!tree.path("error").isObject()) {
                return Optional.empty();
            }
            return Optional.of(convert(tree, ErrorDocument.class));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A policy file's content. */
    public static PolicyDocument policy(String json) {
        return convert(tree(json), PolicyDocument.class);
    }

    /** The whole document as maps, lists, strings, numbers, booleans and nulls (every field, known or not). */
    public static Map<String, Object> toMap(String json) {
        return MAPPER.convertValue(tree(json), new TypeReference<LinkedHashMap<String, Object>>() {});
    }

    private static JsonNode tree(String json) {
        JsonNode tree;
        try {
            tree = json == null ? null : MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not one JSON document: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("not one JSON object");
        }
        return tree;
    }

    private static <T> T convert(JsonNode tree, Class<T> type) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String message = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
            throw new IllegalArgumentException(
                    "a field does not match the contract: "
                            + (message == null
                                    ? e.getClass().getSimpleName()
                                    : message.lines().findFirst().orElse("")),
                    e);
        }
    }
}
