package io.prescale.nomad.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A Nomad ACL token (a SecretID), read from a file or the {@code NOMAD_TOKEN} environment variable, never from a
 * flag. {@link #toString()} never shows it.
 */
public final class NomadToken {
    /** The environment variable Nomad's own CLI reads. */
    public static final String ENV = "NOMAD_TOKEN";

    private final String secret;

    private NomadToken(String secret) {
        this.secret = secret;
    }

    /**
     * The token in {@code file} (surrounding white space trimmed, as Nomad does).
     *
     * @throws IllegalArgumentException when the file cannot be read or is empty (the message names the file only)
     */
    public static NomadToken fromFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot read the Nomad token file " + file + ": "
                            + e.getClass().getSimpleName(),
                    e);
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the Nomad token file " + file + " is empty");
        }
        return new NomadToken(text);
    }

    /** The token from {@code NOMAD_TOKEN} in {@code env}, if set and not blank. */
    public static Optional<NomadToken> fromEnvironment(Map<String, String> env) {
        String value = env.get(ENV);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(new NomadToken(value.strip()));
    }

    /** For tests and programmatic use; prefer {@link #fromFile} and {@link #fromEnvironment}. */
    public static NomadToken of(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a Nomad token must not be blank");
        }
        return new NomadToken(secret.strip());
    }

    /** The secret, for the {@code X-Nomad-Token} header only. */
    String secret() {
        return secret;
    }

    @Override
    public String toString() {
        return "NomadToken[redacted]";
    }
}
