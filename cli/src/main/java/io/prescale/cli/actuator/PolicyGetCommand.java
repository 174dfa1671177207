package io.prescale.cli.actuator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.Json;
import io.prescale.cli.base.LeafCommand;
import io.prescale.core.scale.ScalingPolicy;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code prescale policy get}: the policy the actuator holds under a name, checked against its digest. */
@Command(name = "get", description = "Read a published scaling policy back from a running actuator.")
public final class PolicyGetCommand extends LeafCommand {
    @Option(
            names = "--url",
            required = true,
            paramLabel = "URL",
            description = "The actuator, e.g. http://127.0.0.1:9464.")
    String url;

    @Option(
            names = "--token-file",
            paramLabel = "FILE",
            description = "File holding the API token (else $PRESCALE_API_TOKEN).")
    Path tokenFile;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The policy's name.")
    String name;

    @Override
    protected Result execute() throws Exception {
        if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("--name must match [A-Za-z0-9._-]{1,64}, got '" + name + "'");
        }
        HttpResponse<String> r = PolicyClient.of(url, tokenFile, output.env()).get(name);
        if (r.statusCode() != 200) {
            throw new IllegalStateException(
                    "the actuator answered " + r.statusCode() + ": " + PolicyPublishCommand.errorOf(r.body()));
        }
        ScalingPolicy policy = ScalingPolicy.fromJson(r.body());
        ObjectNode fields = Json.object();
        fields.put("name", policy.name());
        fields.put("digest", policy.digest());
        fields.set("policy", policy.toJsonNode());
        return Result.of(fields);
    }
}
