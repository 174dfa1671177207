package io.prescale.collect;

import io.prescale.core.series.LoadProfile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scalar values of the collector's configuration as people write them, for the YAML file and the flags
 * alike: durations ({@code 500ms}, {@code 90s}, {@code 10m}, {@code 2h}, {@code 7d}, {@code 1w} or ISO-8601),
 * listen addresses ({@code HOST:PORT}), {@code NAME=VALUE} pairs and units.
 */
public final class ConfigValues {
    private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h|d|w)");

    private ConfigValues() {}

    /** @throws IllegalArgumentException naming the value and the accepted forms */
    public static Duration duration(String value) {
        String text = value == null ? "" : value.strip();
        Matcher m = SHORT.matcher(text);
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofDays(7 * amount);
            };
        }
        try {
            return Duration.parse(text.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + value + "' is not a duration (expected e.g. 90s, 10m, 2h, 7d or" + " ISO-8601 like PT10M)");
        }
    }

    /** {@code HOST:PORT} (IPv6 as {@code [::1]:PORT}); port 0 picks a free one. */
    public static InetSocketAddress listen(String value) {
        String text = value == null ? "" : value.strip();
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("'" + value + "' is not HOST:PORT (e.g. 127.0.0.1:9091)");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("'" + value + "' has no valid port (expected 0 to 65535)");
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + value + "': unknown host " + host);
        }
    }

    /** Splits {@code NAME=VALUE} at the first {@code =}: {name, value}. */
    public static String[] pair(String text, String what) {
        int eq = text == null ? -1 : text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not NAME=" + what);
        }
        return new String[] {
            text.substring(0, eq).strip(), text.substring(eq + 1).strip()
        };
    }

    /** {@code count} or {@code rate}. */
    public static LoadProfile.Unit unit(String text) {
        return LoadProfile.Unit.parse(text);
    }
}
