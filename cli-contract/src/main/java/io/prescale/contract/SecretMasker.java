package io.prescale.contract;

import java.util.Comparator;
import java.util.List;

/**
 * Replaces every occurrence of the step's secrets in a text with {@code ****}, longest first, so a secret that a
 * command echoes by mistake never reaches the build log or an archived document. Secrets shorter than four
 * characters are not masked (they would garble the log and protect nothing).
 */
public final class SecretMasker {
    /** The mask put in place of a secret. */
    public static final String MASK = "****";

    private final List<String> secrets;

    public SecretMasker(List<String> secrets) {
        this.secrets = secrets.stream()
                .filter(s -> s != null && s.length() >= 4)
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    public static SecretMasker none() {
        return new SecretMasker(List.of());
    }

    public String mask(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }

    public boolean isEmpty() {
        return secrets.isEmpty();
    }
}
