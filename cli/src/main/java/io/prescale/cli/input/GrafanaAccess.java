package io.prescale.cli.input;

import io.prescale.cli.base.BadInputException;
import io.prescale.grafana.client.GrafanaToken;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * How a command reaches Grafana: its base URL as an option value, checked, and the service-account token from
 * {@code --grafana-token-file} or the {@code GRAFANA_TOKEN} environment variable (never a flag). Every problem is
 * bad input naming the option; no message carries the token.
 */
public final class GrafanaAccess {
    /** The option that names the token file. */
    public static final String TOKEN_FILE_OPTION = "--grafana-token-file";

    private GrafanaAccess() {}

    /** {@code url} given as {@code option}: an absolute http(s) URL without credentials. */
    public static URI baseUrl(String option, String url) {
        try {
            URI uri = new URI(url);
            if ((!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(url, "not an absolute http(s) URL");
            }
            if (uri.getUserInfo() != null) {
                throw new BadInputException(
                        option,
                        null,
                        option + " must not carry credentials; use " + TOKEN_FILE_OPTION + " or " + GrafanaToken.ENV);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new BadInputException(
                    option,
                    url,
                    option + " must be an absolute http(s) URL such as " + "http://grafana:3000, got " + url);
        }
    }

    /** The token in {@code tokenFile} when given, else in {@code GRAFANA_TOKEN} of {@code env}. */
    public static GrafanaToken token(Path tokenFile, Map<String, String> env) {
        if (tokenFile != null) {
            try {
                return GrafanaToken.fromFile(tokenFile);
            } catch (NoSuchFileException e) {
                throw new BadInputException(
                        TOKEN_FILE_OPTION,
                        tokenFile.toString(),
                        TOKEN_FILE_OPTION + " " + tokenFile + " does not exist");
            } catch (IOException | IllegalArgumentException e) {
                throw new BadInputException(
                        TOKEN_FILE_OPTION,
                        tokenFile.toString(),
                        TOKEN_FILE_OPTION + " " + tokenFile + " must hold one token line");
            }
        }
        try {
            return GrafanaToken.fromEnvironment(env)
                    .orElseThrow(() -> new BadInputException(
                            TOKEN_FILE_OPTION,
                            null,
                            "a Grafana token is needed: give " + TOKEN_FILE_OPTION + " FILE or set "
                                    + GrafanaToken.ENV));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(TOKEN_FILE_OPTION, null, GrafanaToken.ENV + " must hold one token line");
        }
    }
}
