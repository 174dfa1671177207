package io.prescale.nomad.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go's {@code time.Duration} on the wire: a string such as {@code 1h0m0s}/{@code 15s}/{@code 300ms}, or nanoseconds. */
public final class GoDuration {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|us|µs|ns|h|m|s)");

    private GoDuration() {}

    /** {@code d} as Go prints it for whole seconds and above ({@code 15s}, {@code 5m0s}), else in ms. */
    public static String format(Duration d) {
        if (d.toNanos() % 1_000_000_000L != 0) {
            return d.toMillis() + "ms";
        }
        long s = d.getSeconds();
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m" + (s % 60) + "s";
        }
        return (s / 3600) + "h" + (s % 3600 / 60) + "m" + (s % 60) + "s";
    }

    /** Parses a duration string or a number of nanoseconds; null or absent → null. */
    public static Duration parse(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return Duration.ofNanos(node.asLong());
        }
        return parse(node.asText());
    }

    /**
     * Parses a Go duration string.
     *
     * @throws IllegalArgumentException when it is not one
     */
    public static Duration parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty duration");
        }
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = PART.matcher(text);
        int at = 0;
        double nanos = 0;
        while (m.find() && m.start() == at) {
            double v = Double.parseDouble(m.group(1));
            nanos += v
                    * switch (m.group(2)) {
                        case "h" -> 3.6e12;
                        case "m" -> 6e10;
                        case "s" -> 1e9;
                        case "ms" -> 1e6;
                        case "us", "µs" -> 1e3;
                        default -> 1;
                    };
            at = m.end();
        }
        if (at != text.length()) {
            throw new IllegalArgumentException("not a Go duration: \"" + text + "\"");
        }
        return Duration.ofNanos(Math.round(nanos));
    }
}
