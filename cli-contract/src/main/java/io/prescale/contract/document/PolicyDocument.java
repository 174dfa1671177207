package io.prescale.contract.document;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * A scaling policy file as {@code tune} writes it: {@code {"schemaVersion":1,"name","bands":[…],"provenance",
 * "digest"}}. Read here only to show its table; the actuator validates the digest when it is published.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PolicyDocument(int schemaVersion, String name, List<Band> bands, String digest) {
    public PolicyDocument {
        bands = bands == null ? List.of() : List.copyOf(bands);
    }

    /**
     * One band: loads in {@code [loadFrom, loadTo)} ({@code loadTo} null for the open top band) run
     * {@code config}.
     *
     * @param predictedP99Ms expected p99 latency at the top of the band, ms, or null
     * @param costPerHour cost of the configuration per hour, or null
     * @param capacityPerInstance requests one instance holds within the SLO, or null
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Band(
            double loadFrom,
            Double loadTo,
            String unit,
            Map<String, Object> config,
            boolean restartRequired,
            Double predictedP99Ms,
            Double costPerHour,
            Double capacityPerInstance) {
        public Band {
            config = config == null
                    ? Map.of()
                    : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(config));
        }
    }
}
