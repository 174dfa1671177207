package io.prescale.cli.base;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Durations as people type them: {@code 500ms}, {@code 90s}, {@code 10m}, {@code 2h}, {@code 7d}, {@code 1w},
 * or ISO-8601 ({@code PT10M}, {@code P7D}). Zero and negative durations are accepted here; commands that need
 * a positive one check it and name the option.
 */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern SHORT = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d|w)");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    /** Parses a duration, or throws {@link CommandLine.TypeConversionException} naming the value. */
    public static Duration parse(String value) {
        String text = value == null ? "" : value.strip();
        Matcher matcher = SHORT.matcher(text);
        if (matcher.matches()) {
            double amount = Double.parseDouble(matcher.group(1));
            long unitMillis = switch (matcher.group(2)) {
                case "ms" -> 1L;
                case "s" -> 1_000L;
                case "m" -> 60_000L;
                case "h" -> 3_600_000L;
                case "d" -> 86_400_000L;
                case "w" -> 7 * 86_400_000L;
                default -> throw new IllegalStateException(matcher.group(2));
            };
            double millis = amount * unitMillis;
            if (millis != Math.rint(millis)) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a whole number of milliseconds");
            }
            return Duration.ofMillis((long) millis);
        }
        try {
            return Duration.parse(text.toUpperCase(java.util.Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a duration (expected e.g. 90s, 10m, 2h, 7d or ISO-8601 like PT10M)");
        }
    }
}
