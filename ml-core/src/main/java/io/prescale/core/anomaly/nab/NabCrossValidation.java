package io.prescale.core.anomaly.nab;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Leave-one-group-out evaluation of a detector's scores under NAB's rules: for each group (by default the NAB
 * category, the directory part of {@code category/file.csv}), the threshold of each profile is optimised with NAB's
 * sweep on the files of every other group and the held-out group's files are scored at it. The held-out scores of
 * all groups are then summed and normalised together (the pooled held-out score), which estimates what the
 * detector scores on data whose thresholds were not tuned on it; the usual in-sample score (thresholds optimised
 * on all files) is reported beside it.
 */
public final class NabCrossValidation {
    /**
     * One held-out group.
     *
     * @param group      the group's name (a NAB category)
     * @param files      files in the group
     * @param windows    label windows in the group
     * @param thresholds per profile, optimised on the other groups' files
     * @param normalised per profile, the group's NAB score at those thresholds; NaN when the group has no windows
     *                   (NAB's normalisation is undefined there; its false positives still count in the pooled score)
     * @param raw        per profile, the group's summed raw NAB score at those thresholds
     */
    public record Fold(
            String group,
            int files,
            int windows,
            Map<NabProfile, Double> thresholds,
            Map<NabProfile, Double> normalised,
            Map<NabProfile, Double> raw) {
        public Fold {
            thresholds = Map.copyOf(thresholds);
            normalised = Map.copyOf(normalised);
            raw = Map.copyOf(raw);
        }
    }

    /**
     * The cross-validation's result.
     *
     * @param folds    one per group, in the order the groups first appear
     * @param pooled   per profile, the normalised sum of every group's held-out score
     * @param inSample per profile, the normalised score with thresholds optimised on all files
     */
    public record Report(List<Fold> folds, Map<NabProfile, Double> pooled, Map<NabProfile, Double> inSample) {
        public Report {
            folds = List.copyOf(folds);
            pooled = Map.copyOf(pooled);
            inSample = Map.copyOf(inSample);
        }
    }

    private NabCrossValidation() {}

    /** The NAB category of a file name {@code category/file.csv} (the whole name when it has no directory). */
    public static String category(String file) {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? file : file.substring(0, slash);
    }

    /** Leave-one-category-out over {@code scored}; needs at least two categories. */
    public static Report byCategory(List<NabScoring.FileScores> scored) {
        return leaveOneGroupOut(scored, f -> category(f.rows().file()));
    }

    /** Leave-one-group-out over {@code scored} with groups given by {@code group}; needs at least two groups. */
    public static Report leaveOneGroupOut(
            List<NabScoring.FileScores> scored, Function<NabScoring.FileScores, String> group) {
        Objects.requireNonNull(group, "group");
        Map<String, List<NabScoring.FileScores>> groups = new LinkedHashMap<>();
        for (NabScoring.FileScores f : scored) {
            groups.computeIfAbsent(group.apply(f), k -> new ArrayList<>()).add(f);
        }
        if (groups.size() < 2) {
            throw new IllegalArgumentException(
                    "cross-validation needs files of at least two categories, got " + groups.keySet());
        }
        int allWindows = scored.stream().mapToInt(f -> f.windows().size()).sum();
        List<Fold> folds = new ArrayList<>();
        Map<NabProfile, Double> pooledSum = new EnumMap<>(NabProfile.class);
        Map<NabProfile, Double> nullSum = new EnumMap<>(NabProfile.class);
        for (Map.Entry<String, List<NabScoring.FileScores>> held : groups.entrySet()) {
            List<NabScoring.FileScores> training = new ArrayList<>(scored);
            training.removeAll(held.getValue());
            int windows =
                    held.getValue().stream().mapToInt(f -> f.windows().size()).sum();
            Map<NabProfile, Double> thresholds = new EnumMap<>(NabProfile.class);
            Map<NabProfile, Double> normalised = new EnumMap<>(NabProfile.class);
            Map<NabProfile, Double> raw = new EnumMap<>(NabProfile.class);
            for (NabProfile profile : NabProfile.values()) {
                double threshold = NabScoring.optimise(training, profile).threshold();
                double sum = 0;
                double nullScore = 0;
                for (NabScoring.FileScores f : held.getValue()) {
                    sum += NabScoring.score(f, profile, threshold).score();
                    nullScore += NabScoring.nullScore(f, profile);
                }
                thresholds.put(profile, threshold);
                raw.put(profile, sum);
                normalised.put(
                        profile,
                        windows == 0
                                ? Double.NaN
                                : NabScoring.normalise(sum, nullScore, NabScoring.perfectScore(windows, profile)));
                pooledSum.merge(profile, sum, Double::sum);
                nullSum.merge(profile, nullScore, Double::sum);
            }
            folds.add(new Fold(held.getKey(), held.getValue().size(), windows, thresholds, normalised, raw));
        }
        Map<NabProfile, Double> pooled = new EnumMap<>(NabProfile.class);
        Map<NabProfile, Double> inSample = new EnumMap<>(NabProfile.class);
        for (NabProfile profile : NabProfile.values()) {
            double perfect = NabScoring.perfectScore(allWindows, profile);
            pooled.put(profile, NabScoring.normalise(pooledSum.get(profile), nullSum.get(profile), perfect));
            double threshold = NabScoring.optimise(scored, profile).threshold();
            double sum = 0;
            for (NabScoring.FileScores f : scored) {
                sum += NabScoring.score(f, profile, threshold).score();
            }
            inSample.put(profile, NabScoring.normalise(sum, nullSum.get(profile), perfect));
        }
        return new Report(folds, pooled, inSample);
    }
}
