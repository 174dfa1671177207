package io.prescale.core.redact;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it reaches a message, a warning or a log line. The rule: every message that
 * may carry text from a remote server (a body, an error field, a header echo, an I/O exception naming a URL)
 * passes through the {@link #redact(String)} of the client's one redactor, built from the secrets that client
 * sends. Each known secret is replaced by {@value #MASK} in every form a server might echo it: as given,
 * URL-encoded, JSON-escaped and, for basic auth, as {@code user:password} and its Base64 header value. Whatever
 * the secrets, three shapes are masked too: the credentials after {@code Bearer} or {@code Basic} (8 characters
 * or more), the value of a token header ({@code X-Nomad-Token}, {@code X-Vault-Token}, {@code X-Api-Key}), and
 * the user info of any URL ({@code scheme://user:pass@host}).
 *
 * <p>Immutable and thread-safe. Typical use, once per client:
 * <pre>{@code
 * Redactor redactor = Redactor.none().withBearerToken(token);   // or withBasicAuth(user, password)
 * throw new FooApiException(redactor.excerpt(body, 512), ...);
 * }</pre>
 */
public final class Redactor {
    /** What a secret is replaced with. */
    public static final String MASK = "***";

    private static final Pattern AUTH_SCHEME = Pattern.compile("(?i)\\b(bearer|basic)(\\s+)[A-Za-z0-9._~+/=-]{8,}");
    private static final Pattern TOKEN_HEADER =
            Pattern.compile("(?i)\\b(x-nomad-token|x-vault-token|x-api-key)(\"?\\s*[:=]\\s*\"?)[^\\s\",;}]+");
    private static final Pattern URL_USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/\\s@\"'<>]+@");
    private static final Redactor NONE = new Redactor(List.of());

    private final List<String> forms;

    private Redactor(List<String> forms) {
        this.forms = forms;
    }

    /** A redactor that knows no secret (the generic shapes are still masked). */
    public static Redactor none() {
        return NONE;
    }

    /** This redactor also masking {@code secret} (null or empty: unchanged). */
    public Redactor withSecret(String secret) {
        if (secret == null || secret.isEmpty()) {
            return this;
        }
        Set<String> more = new LinkedHashSet<>(forms);
        more.add(secret);
        more.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        more.add(jsonEscaped(secret));
        more.add(jsonEscaped(secret).replace("/", "\\/"));
        List<String> sorted = new ArrayList<>(more);
        sorted.removeIf(String::isEmpty);
        sorted.sort(Comparator.comparingInt(String::length).reversed()); // longest first: no partial leftovers
        return new Redactor(List.copyOf(sorted));
    }

    /** This redactor also masking a bearer token (null: unchanged). */
    public Redactor withBearerToken(String token) {
        return withSecret(token);
    }

    /**
     * This redactor also masking basic-auth credentials: the password, {@code user:password} and the Base64 of
     * that pair as sent in {@code Authorization: Basic …}. The user name alone is not a secret.
     */
    public Redactor withBasicAuth(String user, String password) {
        if (password == null || password.isEmpty()) {
            return this;
        }
        String pair = (user == null ? "" : user) + ":" + password;
        return withSecret(password)
                .withSecret(pair)
                .withSecret(Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    /** This redactor also masking the user info of {@code url}, if it has any (null: unchanged). */
    public Redactor withUrl(URI url) {
        if (url == null || url.getRawUserInfo() == null) {
            return this;
        }
        Redactor result = withSecret(url.getRawUserInfo()).withSecret(url.getUserInfo());
        String info = url.getUserInfo();
        int colon = info == null ? -1 : info.indexOf(':');
        return colon < 0 ? result : result.withSecret(info.substring(colon + 1));
    }

    /** {@code text} with every known secret and every generic credential shape replaced by {@value #MASK}. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String clean = text;
        for (String form : forms) {
            clean = clean.replace(form, MASK);
        }
        clean = AUTH_SCHEME.matcher(clean).replaceAll("$1$2" + MASK);
        clean = TOKEN_HEADER.matcher(clean).replaceAll("$1$2" + MASK);
        return URL_USER_INFO.matcher(clean).replaceAll("$1" + MASK + "@");
    }

    /**
     * A redacted excerpt for a message: line breaks and tabs become spaces, then the text is redacted, then cut
     * to at most {@code maxLength} characters (ending in {@code …} when cut). Redacting before cutting means a
     * secret can never survive half-cut.
     */
    public String excerpt(String text, int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1, got " + maxLength);
        }
        if (text == null) {
            return "";
        }
        String clean = redact(text.replaceAll("[\\r\\n\\t]+", " ").strip());
        return clean.length() <= maxLength ? clean : clean.substring(0, maxLength - 1) + "…";
    }

    /** {@link Throwable#toString()} of {@code error}, redacted: for I/O failures that may name a URL. */
    public String describe(Throwable error) {
        Objects.requireNonNull(error, "error");
        return redact(error.toString());
    }

    private static String jsonEscaped(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '/' -> out.append('/');
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "Redactor[" + forms.size() + " secret forms]";
    }
}
