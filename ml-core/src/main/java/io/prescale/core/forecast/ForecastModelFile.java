package io.prescale.core.forecast;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.prescale.core.nn.ModelArchive;
import io.prescale.core.nn.ModelManifest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Saves and loads fitted forecast models in the one model-file format ({@link ModelArchive}, kind
 * {@value #KIND}): {@code model.json} holds the predictor's parameters, the calibrated error quantiles and the
 * provenance; deep models add their DJL parameters as another entry. A file of another format version is refused
 * with an IllegalArgumentException naming both versions.
 */
public final class ForecastModelFile {
    public static final String KIND = "forecast";
    public static final int FORMAT_VERSION = 1;
    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Map<String, Class<? extends Predictor>> TYPES = Map.of(
            "seasonal", NaiveForecaster.Seasonal.class,
            "holt-winters", HoltWinters.Model.class,
            "arima", Arima.Model.class,
            "prophet", ProphetStyle.Model.class);

    private ForecastModelFile() {}

    /** Writes {@code model} (a model of this package) to {@code file}, atomically. */
    public static void save(ForecastModel model, Path file, String prescaleVersion, Instant createdAt)
            throws IOException {
        Objects.requireNonNull(model, "model");
        EventEffects effects = null;
        ForecastModel unwrapped = model;
        if (model instanceof EventAwareForecaster.Model aware) {
            effects = aware.effects();
            unwrapped = aware.inner();
        }
        ForecastModel inner = unwrapped instanceof AutoForecaster.AutoModel auto ? auto.inner() : unwrapped;
        if (inner instanceof LstmForecaster.Trained trained) {
            inner = trained.model();
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        ObjectNode json = MAPPER.createObjectNode();
        json.set("provenance", MAPPER.valueToTree(model.provenance()));
        if (inner instanceof CalibratedModel calibrated) {
            writeCalibrated(calibrated, json, entries);
        } else if (inner instanceof Combination combination) {
            json.put("type", "combination");
            json.set("combinationProvenance", MAPPER.valueToTree(combination.provenance()));
            json.set("weights", MAPPER.valueToTree(combination.weights()));
            var members = json.putArray("members");
            for (ForecastModel member : combination.members()) {
                ObjectNode node = members.addObject();
                node.set("provenance", MAPPER.valueToTree(member.provenance()));
                writeCalibrated((CalibratedModel) member, node, entries);
            }
        } else {
            throw new IllegalArgumentException(
                    "cannot save a model of type " + inner.getClass().getSimpleName());
        }
        if (effects != null) {
            json.set("events", eventsJson(effects));
        }
        entries.put("model.json", MAPPER.writeValueAsBytes(json));
        Map<String, Object> provenance = MAPPER.convertValue(model.provenance(), new TypeReference<>() {});
        ModelArchive.write(
                file, new ModelManifest(KIND, FORMAT_VERSION, prescaleVersion, createdAt, provenance), entries);
    }

    private static ObjectNode eventsJson(EventEffects effects) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("step", effects.step().toString());
        node.put("ignoredOccurrences", effects.ignoredOccurrences());
        var events = node.putArray("calendar");
        for (Event e : effects.calendar().events()) {
            events.addObject()
                    .put("name", e.name())
                    .put("start", e.start().toString())
                    .put("end", e.end().toString())
                    .put("kind", e.kind());
        }
        var profiles = node.putArray("profiles");
        for (EventEffects.Profile p : effects.profiles().values()) {
            profiles.add(MAPPER.valueToTree(p));
        }
        return node;
    }

    private static EventEffects readEvents(JsonNode node) throws IOException {
        java.util.List<Event> events = new java.util.ArrayList<>();
        for (JsonNode e : node.get("calendar")) {
            events.add(new Event(
                    e.get("name").asText(),
                    Instant.parse(e.get("start").asText()),
                    Instant.parse(e.get("end").asText()),
                    e.get("kind").asText()));
        }
        Map<String, EventEffects.Profile> profiles = new LinkedHashMap<>();
        for (JsonNode p : node.get("profiles")) {
            EventEffects.Profile profile = MAPPER.treeToValue(p, EventEffects.Profile.class);
            profiles.put(profile.kind(), profile);
        }
        return EventEffects.restore(
                EventCalendar.of(events),
                java.time.Duration.parse(node.get("step").asText()),
                profiles,
                node.get("ignoredOccurrences").asInt());
    }

    private static void writeCalibrated(CalibratedModel model, ObjectNode json, Map<String, byte[]> entries)
            throws IOException {
        Predictor predictor = model.predictor();
        String type = null;
        if (predictor instanceof LstmForecaster.Model lstm) {
            type = "lstm";
            json.set("predictor", MAPPER.valueToTree(lstm.spec()));
            entries.put("lstm.parameters", lstm.parameterBytes());
        } else {
            for (Map.Entry<String, Class<? extends Predictor>> e : TYPES.entrySet()) {
                if (e.getValue().isInstance(predictor)) {
                    type = e.getKey();
                }
            }
            json.set("predictor", MAPPER.valueToTree(predictor));
        }
        if (type == null) {
            throw new IllegalArgumentException(
                    "cannot save predictor " + predictor.getClass().getSimpleName());
        }
        json.put("type", type);
        json.put("floor", model.residuals().floor());
        json.set("errors", MAPPER.valueToTree(model.residuals().errors()));
        json.put("nonNegative", model.nonNegative());
    }

    /**
     * Reads a model written by {@link #save}.
     *
     * @throws IllegalArgumentException when the file is not a forecast model or has another format version
     */
    public static ForecastModel load(Path file) throws IOException {
        ModelArchive archive = ModelArchive.read(file, KIND, FORMAT_VERSION);
        JsonNode json = MAPPER.readTree(archive.entry("model.json"));
        ModelProvenance provenance = MAPPER.treeToValue(json.get("provenance"), ModelProvenance.class);
        ForecastModel model = readModel(json, provenance, archive, file);
        return json.has("events") ? new EventAwareForecaster.Model(model, readEvents(json.get("events"))) : model;
    }

    private static ForecastModel readModel(JsonNode json, ModelProvenance provenance, ModelArchive archive, Path file)
            throws IOException {
        if (json.get("type").asText().equals("combination")) {
            java.util.List<ForecastModel> members = new java.util.ArrayList<>();
            for (JsonNode member : json.get("members")) {
                members.add(readCalibrated(member, archive, file));
            }
            ModelProvenance own = MAPPER.treeToValue(json.get("combinationProvenance"), ModelProvenance.class);
            Combination combination = json.has("weights")
                    ? new Combination(members, MAPPER.treeToValue(json.get("weights"), double[].class), own)
                    : new Combination(members, own);
            return new AutoForecaster.AutoModel(
                    combination,
                    own.model(),
                    provenance,
                    ForecastOptions.defaults()
                            .withHorizon(((Number) provenance.options().get("horizon")).intValue()));
        }
        return readCalibrated(json, archive, file).withProvenance(provenance);
    }

    private static CalibratedModel readCalibrated(JsonNode json, ModelArchive archive, Path file) throws IOException {
        ModelProvenance provenance = MAPPER.treeToValue(json.get("provenance"), ModelProvenance.class);
        String type = json.get("type").asText();
        Predictor predictor;
        if (type.equals("lstm")) {
            predictor = LstmForecaster.Model.restore(
                    MAPPER.treeToValue(json.get("predictor"), LstmForecaster.Spec.class),
                    archive.entry("lstm.parameters"));
        } else {
            Class<? extends Predictor> cls = TYPES.get(type);
            if (cls == null) {
                throw new IllegalArgumentException("'" + file + "' holds an unknown forecast predictor '" + type + "'");
            }
            predictor = MAPPER.treeToValue(json.get("predictor"), cls);
        }
        double[][] errors = MAPPER.treeToValue(json.get("errors"), double[][].class);
        ResidualQuantiles residuals =
                new ResidualQuantiles(errors, json.get("floor").asDouble());
        return new CalibratedModel(
                predictor, residuals, provenance, json.get("nonNegative").asBoolean());
    }
}
