package io.prescale.loadtest;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One HTTP target (one instance of the service under test): host, port and the request path with its query.
 * Only plain {@code http://} is supported: staging instances are reached directly, without a load balancer.
 *
 * @param url the URL as given
 * @param host host name or address
 * @param port TCP port (80 when the URL names none)
 * @param path path and query, at least {@code /}
 */
public record Target(String url, String host, int port, String path) {
    public Target {
        Objects.requireNonNull(url, "url");
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("target '" + url + "' has no host; expected http://HOST[:PORT]/PATH");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("target '" + url + "' has port " + port + "; expected 1..65535");
        }
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("target '" + url + "' path must start with '/', got '" + path + "'");
        }
    }

    /**
     * Parses {@code http://host[:port][/path][?query]}.
     *
     * @throws IllegalArgumentException naming the URL and what was expected
     */
    public static Target parse(String url) {
        Objects.requireNonNull(url, "url");
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("target '" + url + "' is not a URL; expected http://HOST[:PORT]/PATH");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("target '" + url + "' must be an http:// URL (got scheme '"
                    + uri.getScheme() + "'); expected http://HOST[:PORT]/PATH");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path = path + "?" + uri.getRawQuery();
        }
        return new Target(url, uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort(), path);
    }

    /** The bytes of one keep-alive GET request for this target. */
    byte[] requestBytes() {
        String hostHeader = port == 80 ? host : host + ":" + port;
        return ("GET " + path + " HTTP/1.1\r\nHost: " + hostHeader
                        + "\r\nUser-Agent: prescale-loadtest\r\nAccept: */*\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
