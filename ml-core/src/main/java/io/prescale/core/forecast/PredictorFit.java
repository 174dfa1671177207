package io.prescale.core.forecast;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What a classical fit produced: the predictor, its algorithm version, a fallback note (or null) and fit facts. */
record PredictorFit(Predictor predictor, String version, String fallback, Map<String, Object> facts) {
    PredictorFit {
        Objects.requireNonNull(predictor, "predictor");
        Objects.requireNonNull(version, "version");
        facts = new LinkedHashMap<>(facts == null ? Map.of() : facts);
    }
}
