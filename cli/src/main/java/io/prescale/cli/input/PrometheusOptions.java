package io.prescale.cli.input;

import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * How to reach a Prometheus-compatible server: credentials come from files or the environment only, never from a
 * flag value (flags end up in shell history and process listings). Config section {@code prometheus}; e.g.
 * {@code prometheus.token-file} in the YAML file or {@code PRESCALE_PROMETHEUS_TOKEN_FILE} in the environment.
 * The token itself may also come from {@code PRESCALE_PROMETHEUS_TOKEN}; see {@link PrometheusSources}.
 */
public final class PrometheusOptions {
    @Option(
            names = "--prometheus-token-file",
            paramLabel = "FILE",
            descriptionKey = "prometheus.token-file",
            description = "File holding the bearer token sent to Prometheus (else $PRESCALE_PROMETHEUS_TOKEN).")
    Path tokenFile;

    @Option(
            names = "--prometheus-basic-auth-file",
            paramLabel = "FILE",
            descriptionKey = "prometheus.basic-auth-file",
            description = "File holding one line user:password for HTTP basic auth.")
    Path basicAuthFile;

    @Option(
            names = "--prometheus-org-id",
            paramLabel = "ID",
            descriptionKey = "prometheus.org-id",
            description = "Tenant sent as the X-Scope-OrgID header (Mimir, Cortex, Thanos receive).")
    String orgId;

    @Option(
            names = "--prometheus-timeout",
            paramLabel = "DURATION",
            descriptionKey = "prometheus.timeout",
            defaultValue = "30s",
            description = "Connect and per-request timeout (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    /** The token file, or null. */
    public Path tokenFile() {
        return tokenFile;
    }

    /** The {@code user:password} file, or null. */
    public Path basicAuthFile() {
        return basicAuthFile;
    }

    /** The {@code X-Scope-OrgID} tenant, or null. */
    public String orgId() {
        return orgId;
    }

    /** The timeout; 30 s unless set. */
    public Duration timeout() {
        return timeout == null ? Duration.ofSeconds(30) : timeout;
    }

    @Override
    public String toString() {
        return "PrometheusOptions[tokenFile=" + tokenFile + ", basicAuthFile=" + basicAuthFile + ", orgId=" + orgId
                + ", timeout=" + timeout() + "]";
    }
}
