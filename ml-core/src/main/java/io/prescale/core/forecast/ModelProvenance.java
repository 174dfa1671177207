package io.prescale.core.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where a fitted model came from, as in Tribuo's provenance: the model name, the data range it was fitted on,
 * its options, seed and algorithm version, what it fell back to (null when it did not), and fit facts (chosen
 * periods, losses…).
 *
 * @param model the name as the CLI spells it
 * @param dataFrom start of the first training step
 * @param dataTo end of the last training step (exclusive)
 * @param points training steps (gaps included)
 * @param step the series step
 * @param options hyper-parameters, JSON-serialisable
 * @param seed the seed of every random choice
 * @param version the algorithm's version, e.g. {@code holt-winters/1}
 * @param fallback why and to what the model fell back, or null
 * @param fit facts learned in the fit, JSON-serialisable
 */
public record ModelProvenance(
        String model,
        Instant dataFrom,
        Instant dataTo,
        int points,
        Duration step,
        Map<String, Object> options,
        long seed,
        String version,
        String fallback,
        Map<String, Object> fit) {
    public ModelProvenance {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(dataFrom, "dataFrom");
        Objects.requireNonNull(dataTo, "dataTo");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(version, "version");
        if (points < 0) {
            throw new IllegalArgumentException("points must be >= 0, got " + points);
        }
        options = options == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options));
        fit = fit == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fit));
    }

    /** The same provenance with another fallback note. */
    public ModelProvenance withFallback(String note) {
        return new ModelProvenance(model, dataFrom, dataTo, points, step, options, seed, version, note, fit);
    }
}
