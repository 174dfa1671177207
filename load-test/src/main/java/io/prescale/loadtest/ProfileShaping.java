package io.prescale.loadtest;

import io.prescale.core.series.LoadProfile;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The transformations a load test applies to a profile before replaying it: a constant rate, compression in
 * time (every step shortened, rates unchanged) and scaling of the rates. Each records itself in the provenance.
 */
public final class ProfileShaping {
    private ProfileShaping() {}

    /** A constant rate for a duration: a profile of one step. */
    public static LoadProfile constant(double ratePerSecond, Duration duration) {
        if (!Double.isFinite(ratePerSecond) || ratePerSecond <= 0) {
            throw new IllegalArgumentException("rate must be a finite number > 0 requests/s, got " + ratePerSecond);
        }
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("duration must be > 0, got " + duration);
        }
        return LoadProfile.of(
                java.time.Instant.EPOCH, duration, new double[] {ratePerSecond}, Map.of("source", "constant rate"));
    }

    /**
     * Divides every step's duration by {@code factor}, leaving rates unchanged (so the run has {@code factor}
     * times fewer requests and lasts {@code factor} times less).
     */
    public static LoadProfile compress(LoadProfile profile, double factor) {
        Objects.requireNonNull(profile, "profile");
        if (!Double.isFinite(factor) || factor < 1) {
            throw new IllegalArgumentException("compress factor must be a finite number >= 1, got " + factor);
        }
        long nanos = Math.round(profile.step().toNanos() / factor);
        if (nanos < 1_000_000) {
            throw new IllegalArgumentException("compress " + factor + " makes each step of " + profile.step()
                    + " shorter than 1 ms; use a smaller factor");
        }
        return LoadProfile.of(
                profile.start(), Duration.ofNanos(nanos), profile.values(), with(profile, "compress", factor));
    }

    /** Multiplies every rate by {@code factor}. */
    public static LoadProfile scale(LoadProfile profile, double factor) {
        Objects.requireNonNull(profile, "profile");
        if (!Double.isFinite(factor) || factor <= 0) {
            throw new IllegalArgumentException("scale must be a finite number > 0, got " + factor);
        }
        double[] rates = profile.values();
        for (int i = 0; i < rates.length; i++) {
            rates[i] *= factor;
        }
        return LoadProfile.of(profile.start(), profile.step(), rates, with(profile, "scale", factor));
    }

    /** The scale factor that makes the profile's peak equal {@code peakRps}. */
    public static double scaleForPeak(LoadProfile profile, double peakRps) {
        if (!Double.isFinite(peakRps) || peakRps <= 0) {
            throw new IllegalArgumentException("peak rate must be a finite number > 0 requests/s, got " + peakRps);
        }
        if (profile.peak() <= 0) {
            throw new IllegalArgumentException(
                    "the profile's rates are all 0; it cannot be scaled to a peak of " + peakRps + " requests/s");
        }
        return peakRps / profile.peak();
    }

    private static Map<String, Object> with(LoadProfile profile, String key, double value) {
        Map<String, Object> provenance = new LinkedHashMap<>(profile.provenance());
        provenance.put(key, value);
        return provenance;
    }
}
