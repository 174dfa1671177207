package io.prescale.contract;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as the CLI accepts them (DESIGN.md §4): {@code 90s}, {@code 10m}, {@code 12h}, {@code 7d} or ISO-8601. */
final class Durations {
    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})([smhd])");

    private Durations() {}

    /** The positive duration {@code text}, or a step failure naming the argument. */
    static Duration parse(String step, String argument, String text) {
        Matcher m = SHORT.matcher(text.strip());
        Duration parsed = null;
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            parsed = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        } else {
            try {
                parsed = Duration.parse(text.strip());
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        if (parsed == null || parsed.isZero() || parsed.isNegative()) {
            throw new StepFailure(step + ": argument '" + argument + "' must be a duration > 0 such as 30d, 12h or"
                    + " PT90M, got '" + text + "'");
        }
        return parsed;
    }
}
