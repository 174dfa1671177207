package io.prescale.core.series;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Parses the timestamps of DESIGN.md §4 "Inputs" into nanoseconds since the epoch: ISO-8601 with {@code T} or a
 * space, optional seconds and fraction (up to 9 digits), optional {@code Z}, offset ({@code +02:00},
 * {@code +0200}, {@code +02}) or {@code [zone]}; no zone means UTC. Epoch seconds or milliseconds are numbers
 * between 1980 and 2100 in the respective unit. The common forms are parsed by hand because a trace of a year
 * at one-minute steps has half a million of them. The one timestamp parser of the project: every command option,
 * events file and trace goes through {@link #parseInstant(String)} or the trace reader. Stateless and thread-safe.
 */
public final class Timestamps {
    /** Returned when a text is not a timestamp of the asked format. */
    static final long INVALID = Long.MIN_VALUE;

    private static final long NANOS = 1_000_000_000L;
    private static final long MIN_SECONDS = 315_532_800L; // 1980-01-01
    private static final long MAX_SECONDS = 4_102_444_800L; // 2100-01-01

    /** How a time column is written. */
    enum Format {
        ISO("iso"),
        EPOCH_SECONDS("epoch-seconds"),
        EPOCH_MILLIS("epoch-millis");

        final String label;

        Format(String label) {
            this.label = label;
        }
    }

    private Timestamps() {}

    /**
     * One timestamp as a user writes it in an option or a small file (ISO-8601 as above, a date alone meaning
     * its midnight UTC, or epoch seconds or milliseconds).
     *
     * @throws IllegalArgumentException naming the text (at most 100 characters of it) and the forms expected
     */
    public static java.time.Instant parseInstant(String text) {
        String t = text.strip();
        Format format = detect(t);
        if (format != null) {
            long nanos = parse(t, format);
            return java.time.Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS), Math.floorMod(nanos, NANOS));
        }
        String shown = t.length() > 100 ? t.substring(0, 100) + "…" : t;
        throw new IllegalArgumentException("'" + shown + "' is not a timestamp; expected ISO-8601 (e.g. "
                + "2026-11-30T18:00:00Z or 2026-11-30 18:00) or epoch seconds or milliseconds");
    }

    /** The format {@code text} is written in, or null when it is no timestamp. */
    static Format detect(String text) {
        if (text.length() > TraceReader.MAX_CELL_CHARS) {
            return null;
        }
        if (parseIso(text) != INVALID) {
            return Format.ISO;
        }
        if (parseEpoch(text, Format.EPOCH_SECONDS) != INVALID) {
            return Format.EPOCH_SECONDS;
        }
        if (parseEpoch(text, Format.EPOCH_MILLIS) != INVALID) {
            return Format.EPOCH_MILLIS;
        }
        return null;
    }

    /** Nanoseconds since the epoch, or {@link #INVALID}. */
    static long parse(String text, Format format) {
        if (text.length() > TraceReader.MAX_CELL_CHARS) {
            return INVALID;
        }
        return format == Format.ISO ? parseIso(text) : parseEpoch(text, format);
    }

    static long parseEpoch(String text, Format format) {
        BigDecimal number;
        try {
            number = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return INVALID;
        }
        BigDecimal seconds = format == Format.EPOCH_MILLIS ? number.movePointLeft(3) : number;
        if (seconds.compareTo(BigDecimal.valueOf(MIN_SECONDS)) < 0
                || seconds.compareTo(BigDecimal.valueOf(MAX_SECONDS)) > 0) {
            return INVALID;
        }
        return seconds.movePointRight(9)
                .setScale(0, java.math.RoundingMode.HALF_EVEN)
                .longValueExact();
    }

    static long parseIso(String text) {
        long fast = parseIsoFast(text);
        if (fast != INVALID || text.indexOf('[') < 0) {
            return fast;
        }
        try {
            ZonedDateTime zoned = ZonedDateTime.parse(text.replace(' ', 'T'), DateTimeFormatter.ISO_ZONED_DATE_TIME);
            return zoned.toEpochSecond() * NANOS + zoned.getNano();
        } catch (DateTimeParseException | ArithmeticException e) {
            return INVALID;
        }
    }

    /** yyyy-MM-dd[(T| )HH:mm[:ss[.f{1,9}]]][Z|±HH[:]mm|±HH]. */
    private static long parseIsoFast(String s) {
        int n = s.length();
        if (n < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return INVALID;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
            return INVALID;
        }
        int hour = 0;
        int minute = 0;
        int second = 0;
        long nano = 0;
        int i = 10;
        if (i < n && (s.charAt(i) == 'T' || s.charAt(i) == ' ')) {
            if (n < i + 6 || s.charAt(i + 3) != ':') {
                return INVALID;
            }
            hour = digits(s, i + 1, 2);
            minute = digits(s, i + 4, 2);
            i += 6;
            if (i < n && s.charAt(i) == ':') {
                second = digits(s, i + 1, 2);
                i += 3;
                if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
                    int start = ++i;
                    while (i < n && Character.isDigit(s.charAt(i))) {
                        nano = nano * 10 + (s.charAt(i) - '0');
                        i++;
                    }
                    int count = i - start;
                    if (count == 0 || count > 9) {
                        return INVALID;
                    }
                    for (int k = count; k < 9; k++) {
                        nano *= 10;
                    }
                }
            }
            if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
                return INVALID;
            }
        }
        int offsetSeconds = offsetSeconds(s, i);
        if (offsetSeconds == Integer.MIN_VALUE) {
            return INVALID;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return INVALID;
        }
        long seconds = epochDay * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        return seconds * NANOS + nano;
    }

    /** The zone offset at {@code i} (0 for none or Z), or Integer.MIN_VALUE when the rest is not an offset. */
    private static int offsetSeconds(String s, int i) {
        int n = s.length();
        if (i == n) {
            return 0;
        }
        if (s.charAt(i) == 'Z' && i + 1 == n) {
            return 0;
        }
        char sign = s.charAt(i);
        if (sign != '+' && sign != '-') {
            return Integer.MIN_VALUE;
        }
        String rest = s.substring(i + 1).replace(":", "");
        if (rest.length() != 2 && rest.length() != 4) {
            return Integer.MIN_VALUE;
        }
        int hours = digits(rest, 0, 2);
        int minutes = rest.length() == 4 ? digits(rest, 2, 2) : 0;
        if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
            return Integer.MIN_VALUE;
        }
        int total = hours * 3600 + minutes * 60;
        return sign == '-' ? -total : total;
    }

    /** The non-negative number written by {@code count} digits at {@code from}, or -1. */
    private static int digits(String s, int from, int count) {
        if (from + count > s.length()) {
            return -1;
        }
        int value = 0;
        for (int k = from; k < from + count; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
