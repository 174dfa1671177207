package io.prescale.core.nn;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a saved model file says about itself: what kind of model it is, the format version of that kind, the
 * Prescale version that wrote it, when, and its provenance (data range, options, seed, metrics).
 *
 * @param kind e.g. {@code forecast/lstm}, {@code generate/vae}, {@code anomaly/autoencoder}
 * @param formatVersion version of the kind's file layout; readers refuse any other
 * @param prescaleVersion the version that wrote it
 * @param createdAt when it was written (from the caller's clock)
 * @param provenance free-form, JSON-serialisable
 */
@JsonPropertyOrder({"kind", "formatVersion", "prescaleVersion", "createdAt", "provenance"})
public record ModelManifest(
        String kind, int formatVersion, String prescaleVersion, Instant createdAt, Map<String, Object> provenance) {
    public ModelManifest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(prescaleVersion, "prescaleVersion");
        Objects.requireNonNull(createdAt, "createdAt");
        if (formatVersion < 1) {
            throw new IllegalArgumentException("formatVersion must be >= 1, got " + formatVersion);
        }
        provenance =
                provenance == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
    }
}
