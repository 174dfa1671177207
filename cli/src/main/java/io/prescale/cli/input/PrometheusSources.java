package io.prescale.cli.input;

import io.prescale.cli.base.BadInputException;
import io.prescale.core.store.prometheus.PrometheusConfig;
import io.prescale.core.store.prometheus.PrometheusSource;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Builds a {@link PrometheusSource} from the URL of {@code --from prometheus:URL} and {@link PrometheusOptions}.
 * The bearer token comes from {@code --prometheus-token-file}, else from the environment variable
 * {@value #TOKEN_ENV}; basic auth from {@code --prometheus-basic-auth-file}. Every problem is a
 * {@link BadInputException} naming the option and the file or value, never a secret.
 */
public final class PrometheusSources {
    /** Environment variable holding the bearer token itself. */
    public static final String TOKEN_ENV = "PRESCALE_PROMETHEUS_TOKEN";

    private PrometheusSources() {}

    /**
     * @param url     the server root incl. any path prefix; a leading {@code prometheus:} is dropped
     * @param options the Prometheus flags of the command
     * @param env     the environment of the command ({@code OutputContext.env()})
     * @throws BadInputException for a malformed URL, unreadable or malformed credential files, conflicting
     *                           credentials, a blank org id or a non-positive timeout
     */
    public static PrometheusSource open(String url, PrometheusOptions options, Map<String, String> env) {
        String text = url == null ? "" : url.strip();
        if (text.startsWith("prometheus:")) {
            text = text.substring("prometheus:".length());
        }
        URI uri = parse(text);
        PrometheusConfig.Builder builder = PrometheusConfig.builder(uri);
        String token = token(options, env);
        String[] basic = options.basicAuthFile() == null ? null : basicAuth(options.basicAuthFile());
        if (token != null && basic != null) {
            throw new BadInputException(
                    "--prometheus-basic-auth-file",
                    options.basicAuthFile().toString(),
                    "give either a bearer token (--prometheus-token-file or " + TOKEN_ENV + ") or basic auth"
                            + " (--prometheus-basic-auth-file), not both");
        }
        builder.bearerToken(token);
        if (basic != null) {
            builder.basicAuth(basic[0], basic[1]);
        }
        if (options.orgId() != null) {
            if (options.orgId().isBlank()) {
                throw new BadInputException(
                        "--prometheus-org-id",
                        options.orgId(),
                        "--prometheus-org-id must not be blank (expected a tenant id such as team-a)");
            }
            builder.orgId(options.orgId().strip());
        }
        if (options.timeout().isZero() || options.timeout().isNegative()) {
            throw new BadInputException(
                    "--prometheus-timeout",
                    options.timeout().toString(),
                    "--prometheus-timeout must be positive, got " + options.timeout());
        }
        builder.timeout(options.timeout());
        try {
            return PrometheusSource.open(builder.build());
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--from", "prometheus:" + redact(text), e.getMessage(), e);
        }
    }

    private static URI parse(String text) {
        try {
            URI uri = new URI(text);
            PrometheusConfig.builder(uri).build();
            return uri;
        } catch (URISyntaxException | IllegalArgumentException e) {
            String shown = redact(text);
            String why = e instanceof IllegalArgumentException
                    ? e.getMessage()
                    : "'" + shown + "' is not a URL (expected e.g. prometheus:http://127.0.0.1:9090)";
            // no cause: a URISyntaxException message would repeat the URL with any credentials in it
            throw new BadInputException("--from", "prometheus:" + shown, why);
        }
    }

    private static String token(PrometheusOptions options, Map<String, String> env) {
        if (options.tokenFile() != null) {
            String content = read(options.tokenFile(), "--prometheus-token-file", "token")
                    .strip();
            if (content.isEmpty() || content.contains("\n") || content.contains("\r")) {
                throw new BadInputException(
                        "--prometheus-token-file",
                        options.tokenFile().toString(),
                        "token file " + options.tokenFile() + " must hold the token on one non-empty line");
            }
            return content;
        }
        String fromEnv = env.get(TOKEN_ENV);
        return fromEnv == null || fromEnv.isBlank() ? null : fromEnv.strip();
    }

    private static String[] basicAuth(Path file) {
        String content =
                read(file, "--prometheus-basic-auth-file", "basic auth").strip();
        int colon = content.indexOf(':');
        if (colon <= 0 || content.contains("\n") || content.contains("\r")) {
            throw new BadInputException(
                    "--prometheus-basic-auth-file",
                    file.toString(),
                    "basic auth file " + file + " must hold one line user:password (user non-empty)");
        }
        return new String[] {content.substring(0, colon), content.substring(colon + 1)};
    }

    private static String read(Path file, String option, String what) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            String why = e instanceof java.nio.file.NoSuchFileException
                    ? "does not exist"
                    : "cannot be read (" + e.getClass().getSimpleName() + ")";
            throw new BadInputException(option, file.toString(), what + " file " + file + " " + why, e);
        }
    }

    /** {@code http://user:pw@host} → {@code http://***@host}: safe to show. */
    static String redact(String url) {
        return url.replaceAll("(?<=://)[^/@]*@", "***@");
    }
}
