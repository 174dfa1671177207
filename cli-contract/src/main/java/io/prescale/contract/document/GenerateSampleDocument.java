package io.prescale.contract.document;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.prescale.contract.summary.Figure;
import java.util.List;

/** {@code generate sample}: the profiles written, typical ones first, then edge cases with their scores. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GenerateSampleDocument(
        String command,
        int schemaVersion,
        String prescaleVersion,
        Long seed,
        String model,
        String out,
        List<Profile> profiles)
        implements CommandDocument {
    public GenerateSampleDocument {
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
    }

    /**
     * One profile.
     *
     * @param kind {@code typical} or {@code edge-case}
     * @param peak highest rate of the profile, in the profile's unit
     * @param mean mean rate, requests/s
     * @param anomalyScore the edge case's anomaly score, or null for a typical profile
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Profile(
            String kind,
            String start,
            int steps,
            Double peak,
            Double mean,
            Double anomalyScore,
            String anomalyDetector) {}

    @Override
    public List<String> writtenFiles() {
        return out == null ? List.of() : List.of(out);
    }

    @Override
    public List<Figure> figures() {
        long edge = profiles.stream().filter(p -> "edge-case".equals(p.kind())).count();
        Double highestPeak = profiles.stream()
                .map(Profile::peak)
                .filter(p -> p != null)
                .max(Double::compare)
                .orElse(null);
        return new Figures()
                .text("Profiles", (profiles.size() - edge) + " typical, " + edge + " edge cases")
                .number("Highest peak", highestPeak, null)
                .text("Load model", model)
                .text("Seed", seed)
                .list();
    }
}
