package io.prescale.core.generate;

import io.prescale.core.series.LoadProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a model's windows into {@link LoadProfile}s: the load feature (the last) is unscaled, converted to
 * requests/s, reshaped so that the set {@link ProfileControls} measures hold (conditional models were already
 * steered towards them), and the events are injected in order. Reproducible: the same model, request and seed
 * give the same profiles.
 *
 * @param model the trained model
 * @param start start of every profile; its phase within the period is {@code phase}
 * @param step length of a step of the training data
 * @param unit what the training values meant (a count per step, or a rate)
 * @param phase step within the period at which profiles start (0 = the phase of the series' first row)
 */
public record ProfileGenerator(LoadModel model, Instant start, Duration step, LoadProfile.Unit unit, int phase) {
    public ProfileGenerator {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(unit, "unit");
        if (phase < 0) {
            throw new IllegalArgumentException("phase must be >= 0, got " + phase);
        }
    }

    /** The most profiles one call samples: bounds the memory of a sample before it is allocated. */
    public static final int MAX_PROFILES = 10_000;

    /**
     * {@code n} typical profiles under {@code controls}.
     *
     * @throws IllegalArgumentException when {@code n} is outside 0..{@value #MAX_PROFILES}
     */
    public List<LoadProfile> sample(int n, ProfileControls controls, long seed) {
        checkCount(n, "profiles");
        checkEvents(controls);
        double[][][] windows = model.sample(n, new Conditioning(phase, controls), seed);
        return toProfiles(windows, controls, seed, "typical");
    }

    /** {@code n} profiles from the latent tails (probability {@code tailProbability}) under {@code controls}. */
    public List<LoadProfile> sampleTail(int n, double tailProbability, ProfileControls controls, long seed) {
        checkCount(n, "edge cases");
        checkEvents(controls);
        double[][][] windows = model.sampleTail(n, tailProbability, new Conditioning(phase, controls), seed);
        return toProfiles(windows, controls, seed, "edge-case");
    }

    /** Refuses a count outside 0..{@value #MAX_PROFILES}, naming the limit. */
    static void checkCount(int n, String what) {
        if (n < 0 || n > MAX_PROFILES) {
            throw new IllegalArgumentException(
                    what + " to sample must be in 0.." + MAX_PROFILES + " (the limit per call), got " + n);
        }
    }

    /** Refuses events that start or end past the profile's end before any sampling. */
    void checkEvents(ProfileControls controls) {
        double[] probe = new double[model.window()];
        for (LoadEvent event : controls.events()) {
            event.applyTo(probe, step);
        }
    }

    List<LoadProfile> toProfiles(double[][][] windows, ProfileControls controls, long seed, String sort) {
        List<LoadProfile> profiles = new ArrayList<>();
        int load = model.features() - 1;
        double perSecond = unit == LoadProfile.Unit.COUNT ? 1e9 / step.toNanos() : 1;
        for (int i = 0; i < windows.length; i++) {
            double[] rates = new double[windows[i].length];
            for (int t = 0; t < rates.length; t++) {
                rates[t] = Math.max(0, model.scaler().unscale(load, windows[i][t][load])) * perSecond;
            }
            rates = controls.keepsShape() ? rates : ProfileShape.apply(rates, controls);
            for (LoadEvent event : controls.events()) {
                event.applyTo(rates, step);
            }
            Map<String, Object> provenance = new LinkedHashMap<>();
            provenance.put("source", "prescale generate");
            provenance.put("model", model.kind());
            provenance.put("kind", sort);
            provenance.put("seed", seed);
            provenance.put("index", i);
            provenance.put("controls", describe(controls));
            profiles.add(LoadProfile.of(start, step, rates, provenance));
        }
        return profiles;
    }

    static Map<String, Object> describe(ProfileControls controls) {
        Map<String, Object> out = new LinkedHashMap<>();
        putIfSet(out, "seasonality", controls.seasonality());
        putIfSet(out, "trend", controls.trend());
        putIfSet(out, "noise", controls.noise());
        putIfSet(out, "peakFactor", controls.peakFactor());
        out.put("events", controls.events().stream().map(LoadEvent::toString).toList());
        return out;
    }

    private static void putIfSet(Map<String, Object> out, String key, Double value) {
        if (value != null) {
            out.put(key, value);
        }
    }
}
