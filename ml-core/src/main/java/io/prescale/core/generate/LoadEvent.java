package io.prescale.core.generate;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * An event injected into a profile, from {@code at} (offset from the profile's start) for {@code duration}:
 * <ul>
 *   <li>{@code flash-crowd}: load × {@code size} (≥ 1) at once, decaying linearly back to normal by the end;</li>
 *   <li>{@code outage}: load × (1 − {@code size}), size in [0, 1] the fraction lost;</li>
 *   <li>{@code level-shift}: load × {@code size} (&gt; 0) for the whole duration;</li>
 *   <li>{@code ramp}: load × a factor rising linearly from 1 to {@code size} (&gt; 0) over the duration and held
 *   until the profile's end.</li>
 * </ul>
 * Text form {@code KIND:SIZE@AT/DURATION}, e.g. {@code flash-crowd:3@18h/30m} (durations as {@code 90s},
 * {@code 30m}, {@code 2h}, {@code 1d} or ISO-8601).
 */
public record LoadEvent(Kind kind, double size, Duration at, Duration duration) {
    public LoadEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(duration, "duration");
        if (at.isNegative() || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("event " + kind.text + " needs at >= 0 and duration > 0, got at " + at
                    + " and duration " + duration);
        }
        boolean ok = switch (kind) {
            case FLASH_CROWD -> size >= 1 && size <= 100;
            case OUTAGE -> size >= 0 && size <= 1;
            case LEVEL_SHIFT, RAMP -> size > 0 && size <= 100;
        };
        if (!ok) {
            throw new IllegalArgumentException("event " + kind.text + " size must be " + kind.range + ", got " + size);
        }
    }

    /** Parses {@code KIND:SIZE@AT/DURATION}. */
    public static LoadEvent parse(String text) {
        String expected = "expected KIND:SIZE@AT/DURATION, e.g. flash-crowd:3@18h/30m";
        int colon = text.indexOf(':');
        int atSign = text.indexOf('@');
        int slash = text.indexOf('/');
        if (colon < 0 || atSign < colon || slash < atSign) {
            throw new IllegalArgumentException("event '" + text + "': " + expected);
        }
        try {
            Kind kind = Kind.parse(text.substring(0, colon));
            double size = Double.parseDouble(text.substring(colon + 1, atSign));
            return new LoadEvent(
                    kind, size, duration(text.substring(atSign + 1, slash)), duration(text.substring(slash + 1)));
        } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("event '" + text + "': " + expected);
        }
    }

    static Duration duration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("p")) {
            return Duration.parse(t.toUpperCase(Locale.ROOT));
        }
        long amount = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            default -> throw new NumberFormatException(text);
        };
    }

    /**
     * Applies the event to rates at steps of {@code step}, in place.
     *
     * @throws IllegalArgumentException when the event starts or ends past the profile's end
     */
    void applyTo(double[] rates, Duration step) {
        Duration length = step.multipliedBy(rates.length);
        if (at.plus(duration).compareTo(length) > 0) {
            throw new IllegalArgumentException(
                    "event " + this + " ends at " + at.plus(duration) + ", past the profile's end at " + length);
        }
        int from = (int) (at.toNanos() / step.toNanos());
        int steps = (int) Math.max(1, Math.round((double) duration.toNanos() / step.toNanos()));
        int to = Math.min(rates.length, from + steps);
        for (int t = from; t < (kind == Kind.RAMP ? rates.length : to); t++) {
            double progress = (t - from + 1) / (double) steps;
            double factor = switch (kind) {
                case FLASH_CROWD -> 1 + (size - 1) * (1 - (t - from) / (double) steps);
                case OUTAGE -> 1 - size;
                case LEVEL_SHIFT -> size;
                case RAMP -> 1 + (size - 1) * Math.min(1, progress);
            };
            rates[t] *= factor;
        }
    }

    @Override
    public String toString() {
        return kind.text + ":" + size + "@" + at + "/" + duration;
    }

    /** The event kinds and their text names. */
    public enum Kind {
        FLASH_CROWD("flash-crowd", "in [1, 100] (a multiplier)"),
        OUTAGE("outage", "in [0, 1] (the fraction of load lost)"),
        LEVEL_SHIFT("level-shift", "in (0, 100] (a multiplier)"),
        RAMP("ramp", "in (0, 100] (the final multiplier)");

        private final String text;
        private final String range;

        Kind(String text, String range) {
            this.text = text;
            this.range = range;
        }

        public String text() {
            return text;
        }

        static Kind parse(String text) {
            for (Kind kind : values()) {
                if (kind.text.equalsIgnoreCase(text.strip())) {
                    return kind;
                }
            }
            throw new IllegalArgumentException(
                    "event kind '" + text + "' is unknown; expected flash-crowd, outage, level-shift or ramp");
        }
    }
}
