package io.prescale.cli.actuator;

import io.prescale.cli.base.BadInputException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The two calls of {@code prescale policy}: PUT/GET {@code /v1/policies/NAME} with the bearer token from a file. */
final class PolicyClient {
    static final String TOKEN_ENV = "PRESCALE_API_TOKEN";
    private final URI base;
    private final String token;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private PolicyClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    static PolicyClient of(String url, Path tokenFile, Map<String, String> env) {
        URI base;
        try {
            base = URI.create(url.strip().replaceAll("/+$", ""));
            if (base.getScheme() == null || !base.getScheme().startsWith("http") || base.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new BadInputException(
                    "--url",
                    url,
                    "--url must be the actuator's address such as" + " http://127.0.0.1:9464, got '" + url + "'");
        }
        String token;
        if (tokenFile != null) {
            try {
                token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new BadInputException(
                        "--token-file", tokenFile.toString(), "cannot read --token-file " + tokenFile);
            }
        } else {
            token = env.get(TOKEN_ENV);
        }
        if (token == null || token.isBlank()) {
            throw new BadInputException(
                    "--token-file",
                    tokenFile == null ? null : tokenFile.toString(),
                    "give --token-file FILE (or " + TOKEN_ENV + ") holding the actuator's API token");
        }
        return new PolicyClient(base, token);
    }

    HttpResponse<String> put(String name, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(name))
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json"));
    }

    HttpResponse<String> get(String name) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(name)).GET());
    }

    private URI uri(String name) {
        return URI.create(base + "/v1/policies/" + name);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        try {
            return http.send(
                    b.header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IOException(
                    "cannot reach the actuator at " + base + ": " + e.getClass().getSimpleName(), e);
        }
    }
}
