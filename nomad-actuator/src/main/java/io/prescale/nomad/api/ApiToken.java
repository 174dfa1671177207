package io.prescale.nomad.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;

/**
 * The bearer token that guards the policy endpoints, from a file or {@code PRESCALE_API_TOKEN}. Compared in
 * constant time: both sides are hashed with SHA-256 and the digests compared with {@link MessageDigest#isEqual},
 * so neither the content nor the length of the token leaks through timing. {@link #toString()} never shows it.
 */
public final class ApiToken {
    public static final String ENV = "PRESCALE_API_TOKEN";
    private final byte[] digest;

    private ApiToken(String secret) {
        this.digest = sha256(secret);
    }

    public static ApiToken of(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("the API token must not be blank");
        }
        return new ApiToken(secret.strip());
    }

    /** @throws IllegalArgumentException naming the file when it cannot be read or is empty */
    public static ApiToken fromFile(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (s.isEmpty()) {
                throw new IllegalArgumentException("the API token file " + file + " is empty");
            }
            return new ApiToken(s);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the API token file " + file, e);
        }
    }

    public static Optional<ApiToken> fromEnvironment(Map<String, String> env) {
        String v = env.get(ENV);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(new ApiToken(v.strip()));
    }

    /** Whether {@code authorization} is {@code Bearer <this token>} (scheme case-insensitive). */
    public boolean matches(String authorization) {
        if (authorization == null
                || authorization.length() < 7
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(digest, sha256(authorization.substring(7).strip()));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "ApiToken[redacted]";
    }
}
