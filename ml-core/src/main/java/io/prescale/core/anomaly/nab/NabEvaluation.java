package io.prescale.core.anomaly.nab;

import io.prescale.core.anomaly.AnomalyDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A NAB run: every data file under a directory that has a label entry is read row by row, scored by a detector's
 * streaming form, and scored as NAB does with one threshold per profile optimised over all files of the run
 * (and, when given, with fixed thresholds chosen beforehand). Label entries without a file are ignored and
 * counted; a data file without a label entry is an error.
 */
public final class NabEvaluation {
    /** One file's result: rows, windows and the counts per profile at the run's optimised thresholds. */
    public record FileResult(String file, int rows, int windows, Map<NabProfile, NabScoring.Counts> counts) {
        public FileResult {
            counts = Map.copyOf(counts);
        }
    }

    /**
     * The run's result.
     *
     * @param thresholds   optimised on this run's files, per profile
     * @param normalised   NAB's normalised score (0 null … 100 perfect) per profile at those thresholds
     * @param fixed        normalised score per profile at the fixed thresholds, empty when none were given
     * @param ignoredLabelEntries label entries with no data file under the directory
     */
    public record Report(
            String detector,
            int windows,
            Map<NabProfile, Double> thresholds,
            Map<NabProfile, Double> normalised,
            Map<NabProfile, Double> fixed,
            List<FileResult> files,
            int ignoredLabelEntries) {
        public Report {
            thresholds = Map.copyOf(thresholds);
            normalised = Map.copyOf(normalised);
            fixed = Map.copyOf(fixed);
            files = List.copyOf(files);
        }
    }

    private NabEvaluation() {}

    /** The labelled data files under {@code dataDir}, as NAB names them ({@code category/file.csv}), sorted. */
    public static List<String> labelledFiles(Path dataDir, NabLabels labels) throws IOException {
        if (!Files.isDirectory(dataDir)) {
            throw new IllegalArgumentException("--data " + dataDir + " is not a directory of NAB data files");
        }
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dataDir)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".csv"))
                    .sorted()::iterator) {
                String name = dataDir.relativize(p).toString().replace('\\', '/');
                if (labels.of(name) == null) {
                    throw new IllegalArgumentException("data file " + name + " has no entry in the label file");
                }
                files.add(name);
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("--data " + dataDir + " holds no labelled NAB data file (*.csv)");
        }
        return files;
    }

    /**
     * Runs {@code detector} over the labelled files under {@code dataDir}.
     *
     * @param fixedThresholds thresholds chosen beforehand per profile, or an empty map
     * @param progress        receives one line per file scored
     */
    public static Report run(
            Path dataDir,
            NabLabels labels,
            AnomalyDetector detector,
            Map<NabProfile, Double> fixedThresholds,
            Consumer<String> progress)
            throws IOException {
        List<String> names = labelledFiles(dataDir, labels);
        List<NabScoring.FileScores> scored = score(dataDir, labels, detector, progress);
        int ignored = (int) labels.windows().keySet().stream()
                .filter(k -> !names.contains(k))
                .count();
        return evaluate(detector.name(), scored, fixedThresholds, ignored);
    }

    /** The streaming scores of {@code detector} on every labelled file under {@code dataDir} (gaps score 0). */
    public static List<NabScoring.FileScores> score(
            Path dataDir, NabLabels labels, AnomalyDetector detector, Consumer<String> progress) throws IOException {
        Objects.requireNonNull(detector, "detector");
        List<NabScoring.FileScores> scored = new ArrayList<>();
        for (String name : labelledFiles(dataDir, labels)) {
            NabRows rows = NabCsv.read(dataDir.resolve(name), name, "value");
            double[] scores = finite(detector.scoreStreaming(rows.values()));
            scored.add(new NabScoring.FileScores(rows, scores, labels.of(name)));
            progress.accept(detector.name() + " scored " + name + " (" + rows.size() + " rows)");
        }
        return scored;
    }

    /** Scores already computed detector output as a NAB run. */
    public static Report evaluate(
            String detector,
            List<NabScoring.FileScores> scored,
            Map<NabProfile, Double> fixedThresholds,
            int ignoredLabelEntries) {
        int windows = scored.stream().mapToInt(f -> f.windows().size()).sum();
        Map<NabProfile, Double> thresholds = new EnumMap<>(NabProfile.class);
        Map<NabProfile, Double> normalised = new EnumMap<>(NabProfile.class);
        Map<NabProfile, Double> fixed = new EnumMap<>(NabProfile.class);
        List<Map<NabProfile, NabScoring.Counts>> perFile = new ArrayList<>();
        scored.forEach(f -> perFile.add(new EnumMap<>(NabProfile.class)));
        for (NabProfile profile : NabProfile.values()) {
            double threshold = NabScoring.optimise(scored, profile).threshold();
            thresholds.put(profile, threshold);
            double sum = 0;
            double nullSum = 0;
            for (int k = 0; k < scored.size(); k++) {
                NabScoring.Counts counts = NabScoring.score(scored.get(k), profile, threshold);
                perFile.get(k).put(profile, counts);
                sum += counts.score();
                nullSum += NabScoring.nullScore(scored.get(k), profile);
            }
            double perfect = NabScoring.perfectScore(windows, profile);
            normalised.put(profile, NabScoring.normalise(sum, nullSum, perfect));
            Double fixedThreshold = fixedThresholds.get(profile);
            if (fixedThreshold != null) {
                double fixedSum = 0;
                for (NabScoring.FileScores file : scored) {
                    fixedSum += NabScoring.score(file, profile, fixedThreshold).score();
                }
                fixed.put(profile, NabScoring.normalise(fixedSum, nullSum, perfect));
            }
        }
        List<FileResult> files = new ArrayList<>();
        for (int k = 0; k < scored.size(); k++) {
            NabScoring.FileScores f = scored.get(k);
            files.add(
                    new FileResult(f.rows().file(), f.rows().size(), f.windows().size(), perFile.get(k)));
        }
        return new Report(detector, windows, thresholds, normalised, fixed, files, ignoredLabelEntries);
    }

    /** NaN (a gap) scores 0: NAB needs a number on every row. */
    private static double[] finite(double[] scores) {
        double[] out = scores.clone();
        for (int i = 0; i < out.length; i++) {
            if (!Double.isFinite(out[i])) {
                out[i] = 0;
            }
        }
        return out;
    }
}
