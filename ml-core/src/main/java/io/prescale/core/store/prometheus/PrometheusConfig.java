package io.prescale.core.store.prometheus;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How to reach a Prometheus-compatible query API (Prometheus, Thanos, Mimir, VictoriaMetrics). Immutable and
 * validated; build it with {@link #builder(URI)}.
 *
 * <p>Secrets (the bearer token and the basic-auth password) are never part of {@link #toString()}, of an
 * exception message or of a log line. The base URL must not carry credentials itself.
 *
 * @param baseUrl              the server root including any path prefix, e.g. {@code http://127.0.0.1:9090} or
 *                             {@code https://mimir.example/prometheus}; http or https, no user info, no query
 * @param bearerToken          sent as {@code Authorization: Bearer …}, or null
 * @param basicAuthUser        basic-auth user, or null (set together with the password)
 * @param basicAuthPassword    basic-auth password, or null
 * @param orgId                sent as {@code X-Scope-OrgID} (Mimir, Cortex, Loki-style tenants), or null
 * @param timeout              connect timeout and timeout of each request; positive
 * @param maxPointsPerRequest  points per series in one range request, 1 to {@value #PROMETHEUS_POINT_LIMIT}
 */
public record PrometheusConfig(
        URI baseUrl,
        String bearerToken,
        String basicAuthUser,
        String basicAuthPassword,
        String orgId,
        Duration timeout,
        int maxPointsPerRequest) {
    /** Prometheus refuses range queries with more than this many points per series. */
    public static final int PROMETHEUS_POINT_LIMIT = 11_000;
    /** Timeout when none is given. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public PrometheusConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        baseUrl = normalize(baseUrl);
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (maxPointsPerRequest < 1 || maxPointsPerRequest > PROMETHEUS_POINT_LIMIT) {
            throw new IllegalArgumentException(
                    "maxPointsPerRequest must be in [1, " + PROMETHEUS_POINT_LIMIT + "], got " + maxPointsPerRequest);
        }
        if (bearerToken != null && (bearerToken.isBlank() || hasLineBreak(bearerToken))) {
            throw new IllegalArgumentException("bearer token must be one non-blank line (value not shown)");
        }
        if ((basicAuthUser == null) != (basicAuthPassword == null)) {
            throw new IllegalArgumentException("basic auth needs both a user and a password, got only the "
                    + (basicAuthUser == null ? "password" : "user"));
        }
        if (basicAuthUser != null
                && (basicAuthUser.isEmpty()
                        || basicAuthUser.contains(":")
                        || hasLineBreak(basicAuthUser)
                        || hasLineBreak(basicAuthPassword))) {
            throw new IllegalArgumentException("basic auth user must be non-empty without ':' and neither user nor "
                    + "password may contain a line break (values not shown)");
        }
        if (bearerToken != null && basicAuthUser != null) {
            throw new IllegalArgumentException("give either a bearer token or basic auth, not both");
        }
        if (orgId != null && (orgId.isBlank() || hasLineBreak(orgId))) {
            throw new IllegalArgumentException("orgId must be one non-blank line, got '" + orgId.strip() + "'");
        }
    }

    /** A builder with no credentials, no tenant, {@link #DEFAULT_TIMEOUT} and the Prometheus point limit. */
    public static Builder builder(URI baseUrl) {
        return new Builder(baseUrl);
    }

    /** Whether any credential is set. */
    public boolean hasCredentials() {
        return bearerToken != null || basicAuthUser != null;
    }

    /** {@code baseUrl + path} as text, e.g. for error messages (the base URL never holds credentials). */
    public String endpoint(String path) {
        return baseUrl + path;
    }

    private static URI normalize(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(
                    "Prometheus URL must start with http:// or https://, got '" + redacted(url) + "'");
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("Prometheus URL '" + redacted(url) + "' must not contain credentials;"
                    + " use a token or basic-auth file instead");
        }
        if (url.getHost() == null || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("Prometheus URL must be scheme://host[:port][/path-prefix] without a"
                    + " query or fragment, got '" + redacted(url) + "'");
        }
        String text = url.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }

    /** The URL with any user info replaced by {@code ***}: safe to show. */
    public static String redacted(URI url) {
        if (url.getRawUserInfo() == null) {
            return url.toString();
        }
        return url.toString().replace(url.getRawUserInfo() + "@", "***@");
    }

    private static boolean hasLineBreak(String text) {
        return text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
    }

    @Override
    public String toString() {
        return "PrometheusConfig[baseUrl=" + baseUrl
                + ", auth="
                + (bearerToken != null ? "bearer(redacted)" : basicAuthUser != null ? "basic(redacted)" : "none")
                + ", orgId=" + orgId + ", timeout=" + timeout + ", maxPointsPerRequest=" + maxPointsPerRequest + "]";
    }

    /** Optional settings of a {@link PrometheusConfig}. Not thread-safe. */
    public static final class Builder {
        private final URI baseUrl;
        private String bearerToken;
        private String basicAuthUser;
        private String basicAuthPassword;
        private String orgId;
        private Duration timeout = DEFAULT_TIMEOUT;
        private int maxPointsPerRequest = PROMETHEUS_POINT_LIMIT;

        private Builder(URI baseUrl) {
            this.baseUrl = baseUrl;
        }

        public Builder bearerToken(String token) {
            this.bearerToken = token;
            return this;
        }

        public Builder basicAuth(String user, String password) {
            this.basicAuthUser = user;
            this.basicAuthPassword = password;
            return this;
        }

        /** The {@code X-Scope-OrgID} tenant. */
        public Builder orgId(String id) {
            this.orgId = id;
            return this;
        }

        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        public Builder maxPointsPerRequest(int points) {
            this.maxPointsPerRequest = points;
            return this;
        }

        /** @throws IllegalArgumentException naming the setting at fault */
        public PrometheusConfig build() {
            return new PrometheusConfig(
                    baseUrl, bearerToken, basicAuthUser, basicAuthPassword, orgId, timeout, maxPointsPerRequest);
        }
    }
}
