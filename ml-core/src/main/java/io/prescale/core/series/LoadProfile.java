package io.prescale.core.series;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A load profile: the mean request arrival rate (requests/s) over each step, from {@code start}. This is the
 * value that generation produces, the load generator replays, and the tuner and controller reason about.
 *
 * <p>JSON form (schema version 1):
 * {@code {"schemaVersion":1,"start":"2014-07-01T00:00:00Z","step":"PT30M","unit":"requests/s","values":[…],
 * "provenance":{…}}}. Values are finite and non-negative. Immutable; arrays and maps are copied in and out.
 *
 * @param schemaVersion always {@value #SCHEMA_VERSION}
 * @param start start of the first step, UTC
 * @param step length of every step
 * @param unit always {@value #UNIT}
 * @param values mean arrival rate over each step, requests/s
 * @param provenance where the profile came from (source, model, seed, controls…); string keys, JSON values
 */
@JsonPropertyOrder({"schemaVersion", "start", "step", "unit", "values", "provenance"})
public record LoadProfile(
        int schemaVersion, Instant start, Duration step, String unit, double[] values, Map<String, Object> provenance) {
    public static final int SCHEMA_VERSION = 1;
    public static final String UNIT = "requests/s";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    @JsonCreator
    public LoadProfile(
            @JsonProperty("schemaVersion") int schemaVersion,
            @JsonProperty("start") Instant start,
            @JsonProperty("step") Duration step,
            @JsonProperty("unit") String unit,
            @JsonProperty("values") double[] values,
            @JsonProperty("provenance") Map<String, Object> provenance) {
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException("load profile schemaVersion is " + schemaVersion
                    + ", this prescale reads version " + SCHEMA_VERSION);
        }
        this.schemaVersion = schemaVersion;
        this.start = Objects.requireNonNull(start, "start");
        this.step = Objects.requireNonNull(step, "step");
        if (step.isZero() || step.isNegative()) {
            throw new IllegalArgumentException("load profile step must be positive, got " + step);
        }
        if (!UNIT.equals(unit)) {
            throw new IllegalArgumentException("load profile unit must be '" + UNIT + "', got '" + unit + "'");
        }
        this.unit = unit;
        Objects.requireNonNull(values, "values");
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i]) || values[i] < 0) {
                throw new IllegalArgumentException(
                        "load profile value " + i + " is " + values[i] + "; expected a finite rate >= 0");
            }
        }
        this.values = values.clone();
        this.provenance =
                provenance == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
    }

    /** A profile from rates in requests/s. */
    public static LoadProfile of(
            Instant start, Duration step, double[] ratesPerSecond, Map<String, Object> provenance) {
        return new LoadProfile(SCHEMA_VERSION, start, step, UNIT, ratesPerSecond, provenance);
    }

    /**
     * A profile from a series. With {@link Unit#COUNT} each value is a number of requests in its step and is
     * divided by the step in seconds; with {@link Unit#RATE} it already is requests/s.
     *
     * @throws IllegalArgumentException naming the first gap or negative value
     */
    public static LoadProfile fromSeries(TimeSeries series, Unit unit, Map<String, Object> provenance) {
        double stepSeconds = series.step().toNanos() / 1e9;
        double[] rates = series.values();
        for (int i = 0; i < rates.length; i++) {
            if (Double.isNaN(rates[i])) {
                throw new IllegalArgumentException(
                        "series has a gap at " + series.timeAt(i) + "; fill or cut gaps before making a load profile");
            }
            rates[i] = unit == Unit.COUNT ? rates[i] / stepSeconds : rates[i];
        }
        return of(series.start(), series.step(), rates, provenance);
    }

    /** The rates as a series (requests/s). */
    public TimeSeries toSeries() {
        return TimeSeries.of(start, step, values);
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public int size() {
        return values.length;
    }

    /** Total duration covered. */
    public Duration duration() {
        return step.multipliedBy(values.length);
    }

    /** Highest rate, requests/s (0 for an empty profile). */
    public double peak() {
        return Arrays.stream(values).max().orElse(0);
    }

    /** Expected number of requests over the whole profile. */
    public double expectedRequests() {
        return Arrays.stream(values).sum() * step.toNanos() / 1e9;
    }

    /** The JSON document. */
    public String toJson() {
        try {
            return MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise load profile", e);
        }
    }

    /** Parses the JSON document; IllegalArgumentException names what is wrong. */
    public static LoadProfile fromJson(String json) {
        try {
            return MAPPER.readValue(json, LoadProfile.class);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw new IllegalArgumentException("not a load profile: " + firstLine(cause.getMessage()), e);
        }
    }

    /** The largest profile file read (64 MiB, some four million steps). */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    /**
     * Reads a profile file.
     *
     * @throws IllegalArgumentException when it is larger than {@value #MAX_FILE_BYTES} bytes (checked before
     *                                  reading) or not a load profile
     */
    public static LoadProfile read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new IllegalArgumentException(file + " is " + size + " bytes, more than the " + MAX_FILE_BYTES
                    + " bytes a load profile may have");
        }
        return fromJson(Files.readString(file));
    }

    /** Writes atomically: a temporary file beside the target, then a rename, so no half-written profile exists. */
    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(temp, toJson());
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UncheckedIOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LoadProfile other
                && start.equals(other.start)
                && step.equals(other.step)
                && Arrays.equals(values, other.values)
                && provenance.equals(other.provenance);
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, step, Arrays.hashCode(values), provenance);
    }

    @Override
    public String toString() {
        return "LoadProfile[start=" + start + ", step=" + step + ", steps=" + values.length + ", peak=" + peak() + "]";
    }

    /** What the numbers of a source series mean. */
    public enum Unit {
        /** requests counted in each step */
        COUNT,
        /** requests per second, averaged over each step */
        RATE;

        public static Unit parse(String text) {
            for (Unit unit : values()) {
                if (unit.name().equalsIgnoreCase(text)) {
                    return unit;
                }
            }
            throw new IllegalArgumentException("'" + text + "' is not a unit (expected count or rate)");
        }
    }
}
