package io.prescale.cli.actuator;

import io.prescale.cli.base.BadInputException;
import io.prescale.nomad.client.NomadClient;
import io.prescale.nomad.client.NomadConfig;
import io.prescale.nomad.client.NomadToken;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How to reach Nomad: {@code --nomad URL}, {@code --region}, {@code --nomad-token-file} (else {@code NOMAD_TOKEN}),
 * TLS files. The token never comes from a flag.
 */
public final class NomadOptions {
    @Option(names = "--nomad", paramLabel = "URL", description = "Nomad's HTTP address, e.g. http://127.0.0.1:4646.")
    String nomad;

    @Option(names = "--region", paramLabel = "R", description = "Nomad region (default: the agent's).")
    String region;

    @Option(
            names = "--nomad-token-file",
            paramLabel = "FILE",
            description = "File holding the Nomad ACL token (else $NOMAD_TOKEN).")
    Path tokenFile;

    @Option(names = "--nomad-ca-file", paramLabel = "FILE", description = "PEM CA certificates to trust.")
    Path caFile;

    @Option(names = "--nomad-client-cert", paramLabel = "FILE", description = "PEM client certificate (mutual TLS).")
    Path clientCert;

    @Option(names = "--nomad-client-key", paramLabel = "FILE", description = "PEM PKCS#8 client key (mutual TLS).")
    Path clientKey;

    public boolean given() {
        return nomad != null;
    }

    /** A client; {@code namespace} is the default namespace of its calls (null: Nomad's). */
    public NomadClient client(String namespace, Map<String, String> env) {
        URI uri;
        try {
            uri = URI.create(nomad.strip());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(
                    "--nomad", nomad, "--nomad must be a URL such as http://127.0.0.1:4646, got '" + nomad + "'");
        }
        NomadConfig.Builder b;
        try {
            b = NomadConfig.builder(uri).region(region).namespace(namespace);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--nomad", nomad, e.getMessage());
        }
        try {
            if (tokenFile != null) {
                b.token(NomadToken.fromFile(tokenFile));
            } else {
                NomadToken.fromEnvironment(env).ifPresent(b::token);
            }
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--nomad-token-file", String.valueOf(tokenFile), e.getMessage());
        }
        try {
            b.tls(caFile, clientCert, clientKey);
            return NomadClient.create(b.build());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(
                    clientCert != null ? "--nomad-client-cert" : "--nomad-ca-file",
                    String.valueOf(clientCert != null ? clientCert : caFile),
                    e.getMessage());
        }
    }
}
