package io.prescale.cli.actuator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.BadInputException;
import io.prescale.cli.base.Json;
import io.prescale.cli.base.LeafCommand;
import io.prescale.core.scale.ScalingPolicy;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code prescale policy publish}: checks the policy file locally (schema and digest), then PUTs it to the actuator;
 * the actuator's refusal (400 with its reason, 401) is a failure naming the status.
 */
@Command(name = "publish", description = "Publish a scaling policy (JSON with its digest) to a running actuator.")
public final class PolicyPublishCommand extends LeafCommand {
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

    @Option(names = "--file", required = true, paramLabel = "FILE", description = "The policy JSON.")
    Path file;

    @Override
    protected Result execute() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("--file", file.toString(), "--file " + file + " does not exist");
        }
        String json = Files.readString(file, StandardCharsets.UTF_8);
        ScalingPolicy policy;
        try {
            policy = ScalingPolicy.fromJson(json);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--file", file.toString(), "policy " + file + ": " + e.getMessage());
        }
        PolicyClient client = PolicyClient.of(url, tokenFile, output.env());
        HttpResponse<String> r = client.put(policy.name(), policy.toJson());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(
                    "the actuator refused the policy with " + r.statusCode() + ": " + errorOf(r.body()));
        }
        ObjectNode fields = Json.object();
        fields.put("name", policy.name());
        fields.put("digest", policy.digest());
        fields.put("url", url);
        fields.put("httpStatus", r.statusCode());
        return Result.of(fields);
    }

    static String errorOf(String body) {
        try {
            JsonNode n = Json.MAPPER.readTree(body);
            return n.path("error").asText(body);
        } catch (Exception e) {
            return body.length() > 200 ? body.substring(0, 200) : body;
        }
    }
}
