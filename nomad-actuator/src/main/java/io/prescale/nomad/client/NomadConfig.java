package io.prescale.nomad.client;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach Nomad. Built with {@link #builder(URI)}; immutable. {@code region} and
 * {@code namespace} are sent as query parameters when set (Nomad otherwise uses the agent's region and
 * {@code default}). TLS: {@code caFile} (PEM certificates to trust), {@code clientCert} and {@code clientKey}
 * (PEM; the key in PKCS#8, {@code BEGIN PRIVATE KEY}) for mutual TLS. {@link #toString()} never shows the token.
 */
public final class NomadConfig {
    private final URI address;
    private final String region;
    private final String namespace;
    private final NomadToken token;
    private final Path caFile;
    private final Path clientCert;
    private final Path clientKey;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final RetryPolicy retry;

    private NomadConfig(Builder b) {
        this.address = b.address;
        this.region = b.region;
        this.namespace = b.namespace;
        this.token = b.token;
        this.caFile = b.caFile;
        this.clientCert = b.clientCert;
        this.clientKey = b.clientKey;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.retry = b.retry;
    }

    /**
     * A builder for Nomad at {@code address} (e.g. {@code http://127.0.0.1:4646}).
     *
     * @throws IllegalArgumentException when the address is not an absolute http(s) URI
     */
    public static Builder builder(URI address) {
        Objects.requireNonNull(address, "address");
        String scheme = address.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || address.getHost() == null) {
            throw new IllegalArgumentException("Nomad address must be an http:// or https:// URL, got " + address);
        }
        return new Builder(address);
    }

    public URI address() {
        return address;
    }

    /** The region sent as {@code ?region=}, or null for the agent's own. */
    public String region() {
        return region;
    }

    /** The default namespace sent as {@code ?namespace=}, or null for Nomad's {@code default}. */
    public String namespace() {
        return namespace;
    }

    NomadToken token() {
        return token;
    }

    public boolean hasToken() {
        return token != null;
    }

    public Path caFile() {
        return caFile;
    }

    public Path clientCert() {
        return clientCert;
    }

    public Path clientKey() {
        return clientKey;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** The read timeout of non-blocking calls; blocking queries add their {@code wait} and its jitter. */
    public Duration readTimeout() {
        return readTimeout;
    }

    public RetryPolicy retry() {
        return retry;
    }

    @Override
    public String toString() {
        return "NomadConfig[address=" + address + ", region=" + region + ", namespace=" + namespace + ", token="
                + (token == null ? "none" : "redacted") + ", tls=" + (caFile != null || clientCert != null) + "]";
    }

    /** Builder of {@link NomadConfig}; defaults: no token, no TLS files, 5 s connect, 30 s read, {@link RetryPolicy#defaults()}. */
    public static final class Builder {
        private final URI address;
        private String region;
        private String namespace;
        private NomadToken token;
        private Path caFile;
        private Path clientCert;
        private Path clientKey;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(30);
        private RetryPolicy retry = RetryPolicy.defaults();

        private Builder(URI address) {
            this.address = address;
        }

        public Builder region(String value) {
            this.region = blankToNull(value);
            return this;
        }

        public Builder namespace(String value) {
            this.namespace = blankToNull(value);
            return this;
        }

        public Builder token(NomadToken value) {
            this.token = value;
            return this;
        }

        public Builder tls(Path ca, Path cert, Path key) {
            if ((cert == null) != (key == null)) {
                throw new IllegalArgumentException("a client certificate needs its key and a key its certificate");
            }
            this.caFile = ca;
            this.clientCert = cert;
            this.clientKey = key;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = positive(value, "connectTimeout");
            return this;
        }

        public Builder readTimeout(Duration value) {
            this.readTimeout = positive(value, "readTimeout");
            return this;
        }

        public Builder retry(RetryPolicy value) {
            this.retry = Objects.requireNonNull(value, "retry");
            return this;
        }

        public NomadConfig build() {
            return new NomadConfig(this);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }

        private static Duration positive(Duration value, String name) {
            if (value == null || value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
            return value;
        }
    }
}
