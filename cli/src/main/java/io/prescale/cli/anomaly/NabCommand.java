package io.prescale.cli.anomaly;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.BadInputException;
import io.prescale.cli.base.Json;
import io.prescale.cli.base.LeafCommand;
import io.prescale.cli.base.SeedOption;
import io.prescale.core.anomaly.AnomalyDetector;
import io.prescale.core.anomaly.AnomalyDetectors;
import io.prescale.core.anomaly.nab.NabCrossValidation;
import io.prescale.core.anomaly.nab.NabEvaluation;
import io.prescale.core.anomaly.nab.NabLabels;
import io.prescale.core.anomaly.nab.NabProfile;
import io.prescale.core.anomaly.nab.NabScoring;
import io.prescale.core.anomaly.nab.NabThresholds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code prescale anomaly nab --data DIR --labels FILE [--detector …]}: scores every labelled file under DIR with
 * the detector's streaming form and reports NAB's normalised scores, with thresholds optimised on the input and
 * with the fixed thresholds shipped in the jar.
 */
@Command(name = "nab", description = "Score a detector on NAB data exactly as NAB scores it.")
public final class NabCommand extends LeafCommand {
    @Option(
            names = "--data",
            required = true,
            paramLabel = "DIR",
            description = "Directory of NAB data files (category/file.csv).")
    Path data;

    @Option(
            names = "--labels",
            required = true,
            paramLabel = "FILE",
            description = "NAB's combined_windows.json (or a subset of it).")
    Path labels;

    @Option(
            names = "--write-thresholds",
            paramLabel = "FILE",
            description = "Also merge this run's optimised thresholds into FILE (how nab-thresholds.json is made).")
    Path writeThresholds;

    @Option(
            names = "--cross-validate",
            paramLabel = "BY",
            description = "Also report held-out scores: 'category' optimises the thresholds on all NAB categories but "
                    + "one and scores the held-out one, for each category, and pools the held-out scores.")
    String crossValidate;

    @Mixin
    DetectorOption detector;

    @Mixin
    SeedOption seed;

    @Override
    protected Result execute() throws Exception {
        AnomalyDetector chosen = detector.detector(seed.seed());
        if (crossValidate != null && !crossValidate.equals("category")) {
            throw new BadInputException(
                    "--cross-validate",
                    crossValidate,
                    "unknown cross-validation '" + crossValidate + "', expected category");
        }
        if (!Files.isRegularFile(labels)) {
            throw new BadInputException(
                    "--labels",
                    labels.toString(),
                    "label file " + labels + " does not exist, expected NAB's combined_windows.json");
        }
        if (!Files.isDirectory(data)) {
            throw new BadInputException(
                    "--data",
                    data.toString(),
                    "data directory " + data + " does not exist, expected a directory of NAB data files");
        }
        NabLabels windows;
        try {
            windows = NabLabels.read(labels);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--labels", labels.toString(), e.getMessage(), e);
        }
        try {
            NabEvaluation.labelledFiles(data, windows);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--data", data.toString(), e.getMessage(), e);
        }
        String canonical = AnomalyDetectors.resolve(detector.name());
        List<NabScoring.FileScores> scored = NabEvaluation.score(data, windows, chosen, this::progress);
        List<String> names = NabEvaluation.labelledFiles(data, windows);
        int ignored = (int) windows.windows().keySet().stream()
                .filter(k -> !names.contains(k))
                .count();
        NabEvaluation.Report report =
                NabEvaluation.evaluate(chosen.name(), scored, NabThresholds.shipped(canonical), ignored);
        if (crossValidate != null) {
            try {
                NabCrossValidation.Report cv = NabCrossValidation.byCategory(scored);
                ObjectNode fields = fields(report, detector.name());
                fields.set("crossValidation", crossValidationFields(cv));
                writeThresholdsIfAsked(report, canonical);
                return Result.of(fields);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--data", data.toString(), e.getMessage(), e);
            }
        }
        writeThresholdsIfAsked(report, canonical);
        return Result.of(fields(report, detector.name()));
    }

    private void writeThresholdsIfAsked(NabEvaluation.Report report, String canonical) throws java.io.IOException {
        if (writeThresholds != null) {
            NabThresholds.write(
                    writeThresholds,
                    canonical,
                    report.thresholds(),
                    "optimised by 'prescale anomaly nab' on " + report.files().size() + " files, seed " + seed.seed());
        }
    }

    /** The cross-validation as JSON: pooled held-out and in-sample scores per profile, then one entry per fold. */
    static ObjectNode crossValidationFields(NabCrossValidation.Report cv) {
        ObjectNode node = Json.object();
        node.put("by", "category");
        ObjectNode pooled = node.putObject("pooledHeldOut");
        ObjectNode inSample = node.putObject("inSample");
        for (NabProfile p : NabProfile.values()) {
            Json.putNumber(pooled, p.jsonName(), round(cv.pooled().get(p)), "no windows to score");
            Json.putNumber(inSample, p.jsonName(), round(cv.inSample().get(p)), "no windows to score");
        }
        ArrayNode folds = node.putArray("folds");
        for (NabCrossValidation.Fold f : cv.folds()) {
            ObjectNode fold = folds.addObject();
            fold.put("heldOut", f.group());
            fold.put("files", f.files());
            fold.put("windows", f.windows());
            ObjectNode thresholds = fold.putObject("thresholds");
            ObjectNode raw = fold.putObject("rawScore");
            for (NabProfile p : NabProfile.values()) {
                thresholds.put(p.jsonName(), f.thresholds().get(p));
                Json.putNumber(
                        fold,
                        p.jsonName(),
                        round(f.normalised().get(p)),
                        "the held-out category has no label windows (its false positives count in the pooled score)");
                raw.put(p.jsonName(), f.raw().get(p));
            }
        }
        return node;
    }

    static ObjectNode fields(NabEvaluation.Report report, String detectorName) {
        ObjectNode fields = Json.object();
        fields.put("detector", detectorName);
        fields.put("thresholdSource", "optimised-on-input");
        ObjectNode thresholds = fields.putObject("thresholds");
        for (NabProfile p : NabProfile.values()) {
            thresholds.put(p.jsonName(), report.thresholds().get(p));
        }
        fields.put("windows", report.windows());
        for (NabProfile p : NabProfile.values()) {
            Json.putNumber(fields, p.jsonName(), round(report.normalised().get(p)), "no windows to score");
        }
        ObjectNode fixed = fields.putObject("fixed");
        for (NabProfile p : NabProfile.values()) {
            Double value = report.fixed().get(p);
            Json.putNumber(
                    fixed,
                    p.jsonName(),
                    value == null ? Double.NaN : round(value),
                    value == null ? "no shipped threshold for this detector" : "no windows to score");
        }
        ArrayNode files = fields.putArray("files");
        for (NabEvaluation.FileResult f : report.files()) {
            ObjectNode file = files.addObject();
            file.put("file", f.file());
            file.put("rows", f.rows());
            file.put("windows", f.windows());
            for (NabProfile p : NabProfile.values()) {
                NabScoring.Counts c = f.counts().get(p);
                ObjectNode counts = file.putObject(p.jsonName());
                counts.put("score", c.score());
                counts.put("tp", c.tp());
                counts.put("fp", c.fp());
                counts.put("fn", c.fn());
            }
        }
        fields.put("ignoredLabelEntries", report.ignoredLabelEntries());
        return fields;
    }

    private static double round(double value) {
        if (!Double.isFinite(value)) {
            return value;
        }
        return Math.round(value * 100) / 100.0;
    }
}
