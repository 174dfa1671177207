package io.prescale.cli.tune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.Json;
import io.prescale.core.tune.CapacityModel;
import io.prescale.core.tune.Configuration;
import io.prescale.core.tune.Measurement;
import io.prescale.core.tune.PolicySimulation;
import io.prescale.core.tune.TuneResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one JSON mapping of a tuning run: the result fields of {@code prescale tune} and the measurements file that
 * {@code --resume} reads ({@code {"schemaVersion":1,"measurements":[{"trial","phase","config","loadRps","p99Ms",
 * "errorRate","throughputRps","seconds"}]}}).
 */
public final class TuneJson {
    private TuneJson() {}

    /** The learned and the hand-written policy driven by the controller in the simulator over one trace. */
    public static ObjectNode simulation(PolicySimulation.Comparison c) {
        ObjectNode node = Json.object();
        node.put("trace", c.trace());
        node.put("scale", c.scale());
        node.put("p99Rps", c.p99Rps());
        node.put("stepSeconds", c.step().toSeconds());
        node.set("learned", outcome(c.learned()));
        node.set("handWritten", outcome(c.handWritten()));
        Json.putNumber(node, "instanceHoursRatio", c.instanceHoursRatio(), "no instance-hours");
        Json.putNumber(node, "costRatio", c.costRatio(), "no cost");
        return node;
    }

    private static ObjectNode outcome(PolicySimulation.Outcome o) {
        ObjectNode node = Json.object();
        node.put("instanceHours", o.instanceHours());
        node.put("cost", o.cost());
        node.put("costPerHour", o.costPerHour());
        Json.putNumber(node, "unservedShare", o.unservedShare(), "no load");
        node.put("violationSteps", o.violationSteps());
        node.put("scoredSteps", o.scoredSteps());
        node.put("actions", o.actions());
        node.put("maxInstances", o.maxInstances());
        return node;
    }

    /** The document fields after the header, in the order of the issue. */
    public static ObjectNode result(TuneResult r) {
        ObjectNode node = Json.object();
        node.set("ppo", method(r.ppo()));
        node.set("gridOptimum", method(r.gridOptimum()));
        node.set("bayesOpt", method(r.bayesOpt()));
        node.set("random", method(r.random()));
        Json.putNumber(node, "regretVsOptimum", r.regretVsOptimum(), "no held-out cost");
        Json.putNumber(node, "episodeCostVsStaticOptimum", r.episodeCostVsStaticOptimum(), "no held-out episode");
        node.set("capacityModel", capacity(r.capacityModel()));
        Json.putNumber(
                node, "validationP99ErrorShare", r.validationP99ErrorShare(), "no validation load test answered");
        ArrayNode validation = node.putArray("validation");
        for (TuneResult.BandValidation v : r.validation()) {
            ObjectNode band = validation.addObject();
            band.put("band", v.band());
            band.put("loadRps", v.loadRps());
            band.set("config", config(v.config()));
            Json.putNumber(band, "predictedP99Ms", v.predictedP99Ms(), "not predicted");
            Json.putNumber(band, "measuredP99Ms", v.measuredP99Ms(), "no response completed");
            Json.putNumber(band, "predictedErrorRate", v.predictedErrorRate(), "not predicted");
            Json.putNumber(band, "measuredErrorRate", v.measuredErrorRate(), "not measured");
        }
        node.put("loadTests", r.measurements().size());
        node.put("wallSeconds", r.wallSeconds());
        node.put("sizingLoadRps", r.sizingLoadRps());
        ObjectNode held = node.putObject("heldOut");
        TuneResult.HeldOut h = r.heldOut();
        held.put("profiles", h.profiles());
        Json.putNumber(held, "ppoPolicyCostPerHour", h.ppoPolicyCostPerHour(), "no held-out step");
        Json.putNumber(held, "gridPolicyCostPerHour", h.gridPolicyCostPerHour(), "no held-out step");
        Json.putNumber(held, "ppoPolicyViolationShare", h.ppoPolicyViolationShare(), "no held-out step");
        Json.putNumber(held, "ppoEpisodeCost", h.ppoEpisodeCost(), "no held-out episode");
        Json.putNumber(held, "staticEpisodeCost", h.staticEpisodeCost(), "no held-out episode");
        Json.putNumber(held, "ppoEpisodeViolationShare", h.ppoEpisodeViolationShare(), "no held-out episode");
        Json.putNumber(held, "staticEpisodeViolationShare", h.staticEpisodeViolationShare(), "no held-out episode");
        return node;
    }

    private static ObjectNode method(TuneResult.MethodResult m) {
        ObjectNode node = Json.object();
        Json.putNumber(node, "costPerHour", m.costPerHour(), "no configuration held the SLO");
        node.put("sloViolationShare", m.sloViolationShare());
        node.put("loadTests", m.loadTests());
        if (m.config() == null) {
            node.putNull("config");
        } else {
            node.set("config", config(m.config()));
        }
        return node;
    }

    private static ObjectNode capacity(CapacityModel.CrossValidation cv) {
        ObjectNode node = Json.object();
        node.put("model", cv.chosen());
        Json.putNumber(node, "p99ErrorShare", cv.best().p99ErrorShare(), "not validated");
        Json.putNumber(node, "errorRateError", cv.best().errorRateError(), "not validated");
        node.put("folds", cv.folds());
        ArrayNode candidates = node.putArray("candidates");
        for (CapacityModel.Score s : cv.scores()) {
            ObjectNode c = candidates.addObject();
            c.put("model", s.model());
            Json.putNumber(c, "p99ErrorShare", s.p99ErrorShare(), "not validated");
            Json.putNumber(c, "errorRateError", s.errorRateError(), "not validated");
        }
        return node;
    }

    static ObjectNode config(Configuration config) {
        ObjectNode node = Json.object();
        config.values().forEach((name, value) -> {
            if (value == Math.rint(value)) {
                node.put(name, value.longValue());
            } else {
                node.put(name, value);
            }
        });
        return node;
    }

    /** The measurements file. */
    static ObjectNode measurements(List<Measurement> measurements) {
        ObjectNode root = Json.object();
        root.put("schemaVersion", 1);
        ArrayNode list = root.putArray("measurements");
        for (Measurement m : measurements) {
            ObjectNode node = list.addObject();
            node.put("trial", m.trial());
            node.put("phase", m.phase());
            node.set("config", config(m.config()));
            node.put("loadRps", m.loadRps());
            Json.putNumber(node, "p99Ms", m.p99Ms(), "no response completed");
            node.put("errorRate", m.errorRate());
            Json.putNumber(node, "throughputRps", m.throughputRps(), "nothing was measured");
            Json.putNumber(node, "seconds", m.seconds(), "nothing was measured");
        }
        return root;
    }

    /**
     * Reads a measurements file.
     *
     * @throws IllegalArgumentException when it is not one
     */
    static List<Measurement> readMeasurements(JsonNode root) {
        if (root == null
                || root.path("schemaVersion").asInt(-1) != 1
                || !root.path("measurements").isArray()) {
            throw new IllegalArgumentException(
                    "not a measurements file: expected {\"schemaVersion\":1,\"measurements\":[…]}");
        }
        List<Measurement> out = new ArrayList<>();
        for (JsonNode node : root.get("measurements")) {
            Map<String, Double> values = new LinkedHashMap<>();
            node.path("config")
                    .fields()
                    .forEachRemaining(e -> values.put(e.getKey(), e.getValue().asDouble()));
            JsonNode p99 = node.get("p99Ms");
            out.add(new Measurement(
                    node.path("trial").asInt(),
                    node.path("phase").asText(),
                    new Configuration(values),
                    node.path("loadRps").asDouble(),
                    p99 == null || p99.isNull() ? Double.NaN : p99.asDouble(),
                    node.path("errorRate").asDouble(),
                    node.path("throughputRps").asDouble(Double.NaN),
                    node.path("seconds").asDouble(Double.NaN)));
        }
        return out;
    }
}
