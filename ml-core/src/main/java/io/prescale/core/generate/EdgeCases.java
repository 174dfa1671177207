package io.prescale.core.generate;

import io.prescale.core.anomaly.AnomalyDetector;
import io.prescale.core.anomaly.AnomalyModel;
import io.prescale.core.series.LoadProfile;
import io.prescale.core.series.TimeSeries;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Edge cases: profiles decoded from the tails of the latent space, scored by an {@link AnomalyModel} fitted on a
 * reference of typical profiles from the same generator, the top {@code k} kept. The reference is the model's own
 * typical output (a saved model carries no training data), so a high score means "unusual for this model".
 *
 * @param detector the anomaly detector (fitted once per call on the reference)
 * @param candidatesPerCase tail draws per kept edge case, ≥ 1
 * @param referenceProfiles typical profiles concatenated into the reference, ≥ 1
 * @param tailProbability fraction of prior mass beyond the sampled radius, in (0, 1)
 */
public record EdgeCases(
        AnomalyDetector detector, int candidatesPerCase, int referenceProfiles, double tailProbability) {
    public EdgeCases {
        Objects.requireNonNull(detector, "detector");
        if (candidatesPerCase < 1 || referenceProfiles < 1 || !(tailProbability > 0 && tailProbability < 1)) {
            throw new IllegalArgumentException("edge cases need candidatesPerCase >= 1, referenceProfiles >= 1 and"
                    + " tailProbability in (0, 1), got " + candidatesPerCase + ", " + referenceProfiles + ", "
                    + tailProbability);
        }
    }

    /** Candidates drawn per edge case by {@link #of}. */
    public static final int DEFAULT_CANDIDATES = 5;

    /** {@value #DEFAULT_CANDIDATES} candidates per case, 64 reference profiles, tail probability 0.01. */
    public static EdgeCases of(AnomalyDetector detector) {
        return new EdgeCases(detector, DEFAULT_CANDIDATES, 64, 0.01);
    }

    /** The {@code k} highest-scoring tail profiles, best first; each carries its score in its provenance. */
    public List<Scored> find(ProfileGenerator generator, int k, ProfileControls controls, long seed) {
        int max = ProfileGenerator.MAX_PROFILES / candidatesPerCase;
        if (k < 1 || k > max) {
            throw new IllegalArgumentException("edge cases must be in 1.." + max + " (" + candidatesPerCase
                    + " candidates each, at most " + ProfileGenerator.MAX_PROFILES + " per call), got " + k);
        }
        List<LoadProfile> reference = generator.sample(referenceProfiles, controls, seed ^ 0x5DEECE66DL);
        AnomalyModel model = detector.fit(concatenate(reference));
        List<Scored> scored = new ArrayList<>();
        for (LoadProfile candidate : generator.sampleTail(k * candidatesPerCase, tailProbability, controls, seed)) {
            scored.add(new Scored(candidate, model.scoreProfile(candidate)));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed());
        List<Scored> top = new ArrayList<>();
        for (Scored s : scored.subList(0, k)) {
            Map<String, Object> provenance = new LinkedHashMap<>(s.profile().provenance());
            provenance.put("anomalyScore", s.score());
            provenance.put("anomalyDetector", detector.name());
            provenance.put("tailProbability", tailProbability);
            LoadProfile p = s.profile();
            top.add(new Scored(LoadProfile.of(p.start(), p.step(), p.values(), provenance), s.score()));
        }
        return top;
    }

    private static TimeSeries concatenate(List<LoadProfile> profiles) {
        int steps = profiles.get(0).size();
        double[] all = new double[profiles.size() * steps];
        for (int i = 0; i < profiles.size(); i++) {
            System.arraycopy(profiles.get(i).values(), 0, all, i * steps, steps);
        }
        return TimeSeries.of(profiles.get(0).start(), profiles.get(0).step(), all);
    }

    /**
     * An edge case and its anomaly score.
     *
     * @param profile the profile (provenance holds the score)
     * @param score in [0, 1]
     */
    public record Scored(LoadProfile profile, double score) {}
}
