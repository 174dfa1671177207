package io.prescale.contract;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The site-wide settings a step falls back on when its call does not give them: the actuator, Grafana, Prometheus
 * and Nomad addresses and the IDs of the "secret text" credentials for each (the secrets themselves are never
 * held here). Blank values are null. The {@code check…} methods are the form validation of the global
 * configuration page: each returns the problem as one line, or empty when the value is acceptable.
 *
 * @param actuatorUrl base URL of the Prescale actuator's API ({@code policy publish --url})
 * @param actuatorCredentialsId credential holding the actuator's bearer token
 * @param grafanaUrl base URL of Grafana ({@code grafana publish --url})
 * @param grafanaCredentialsId credential holding a Grafana service-account token
 * @param grafanaFolder the Grafana folder dashboards go to, or null for the command's default
 * @param prometheusUrl base URL of the Prometheus-compatible query API the collect step reads
 * @param prometheusCredentialsId credential holding a Prometheus bearer token, or null for none
 * @param nomadUrl base URL of the Nomad API, for {@code tune --target nomad:JOB/GROUP}
 * @param nomadCredentialsId credential holding a Nomad ACL token, or null for none
 */
public record PrescaleSettings(
        String actuatorUrl,
        String actuatorCredentialsId,
        String grafanaUrl,
        String grafanaCredentialsId,
        String grafanaFolder,
        String prometheusUrl,
        String prometheusCredentialsId,
        String nomadUrl,
        String nomadCredentialsId) {
    private static final Pattern CREDENTIALS_ID = Pattern.compile("[A-Za-z0-9._@:/-]{1,256}");

    public PrescaleSettings {
        actuatorUrl = blankToNull(actuatorUrl);
        actuatorCredentialsId = blankToNull(actuatorCredentialsId);
        grafanaUrl = blankToNull(grafanaUrl);
        grafanaCredentialsId = blankToNull(grafanaCredentialsId);
        grafanaFolder = blankToNull(grafanaFolder);
        prometheusUrl = blankToNull(prometheusUrl);
        prometheusCredentialsId = blankToNull(prometheusCredentialsId);
        nomadUrl = blankToNull(nomadUrl);
        nomadCredentialsId = blankToNull(nomadCredentialsId);
    }

    /** No settings at all: every step must be given its addresses. */
    public static PrescaleSettings none() {
        return new PrescaleSettings(null, null, null, null, null, null, null, null, null);
    }

    /**
     * Checks a base URL: absolute http or https with a host, no user information (a token in a URL would be
     * shown in logs), no query or fragment. Blank is acceptable (the setting is optional).
     */
    public static Optional<String> checkUrl(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            return Optional.of("not a URL: " + e.getReason());
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            return Optional.of("expected an http:// or https:// URL, got '" + value.strip() + "'");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("the URL has no host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("put credentials in a Jenkins credential, not in the URL");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.of("a base URL takes no query or fragment");
        }
        return Optional.empty();
    }

    /** Checks a credential ID: blank is acceptable; otherwise letters, digits and {@code ._@:/-}. */
    public static Optional<String> checkCredentialsId(String value) {
        if (value == null
                || value.isBlank()
                || CREDENTIALS_ID.matcher(value.strip()).matches()) {
            return Optional.empty();
        }
        return Optional.of("a credential ID has letters, digits and . _ @ : / - only");
    }

    /** Checks a Grafana folder name: blank is acceptable; at most 255 characters, one line. */
    public static Optional<String> checkFolder(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.length() > 255 || value.contains("\n") || value.contains("\r")) {
            return Optional.of("a folder name is one line of at most 255 characters");
        }
        return Optional.empty();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A URL argument checked as {@link #checkUrl}; a bad one fails the step naming the argument and value. */
    static String url(String step, String argument, String value) {
        checkUrl(value).ifPresent(problem -> {
            throw new StepFailure(step + ": argument '" + argument + "' " + problem);
        });
        return blankToNull(value);
    }
}
