package io.prescale.grafana.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A Grafana service-account token ({@code glsa_…}), sent as {@code Authorization: Bearer}. It is read only from
 * a file or the environment, and never printed: {@link #toString()} hides it, and {@link #redact(String)} removes
 * it from any text that might echo it.
 */
public final class GrafanaToken {
    /** The environment variable read when no token file is given. */
    public static final String ENV = "GRAFANA_TOKEN";

    private final String secret;

    private GrafanaToken(String secret) {
        if (secret == null || secret.isBlank() || secret.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("a Grafana token must be one line of printable ASCII without spaces");
        }
        this.secret = secret;
    }

    /** The token in {@code file} (surrounding whitespace and the final newline are dropped). */
    public static GrafanaToken fromFile(Path file) throws IOException {
        return new GrafanaToken(Files.readString(file, StandardCharsets.UTF_8).strip());
    }

    /** The token in {@code GRAFANA_TOKEN} of {@code environment}, if set and not blank. */
    public static Optional<GrafanaToken> fromEnvironment(Map<String, String> environment) {
        String value = environment.get(ENV);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(new GrafanaToken(value.strip()));
    }

    /** The {@code Authorization} header value. */
    String header() {
        return "Bearer " + secret;
    }

    /** {@code text} with every occurrence of the token replaced by {@code ***}. */
    public String redact(String text) {
        return text == null ? null : text.replace(secret, "***");
    }

    @Override
    public String toString() {
        return "GrafanaToken[***]";
    }
}
