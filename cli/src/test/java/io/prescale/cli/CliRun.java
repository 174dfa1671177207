package io.prescale.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One in-process run of {@code prescale}, with its exit code and captured streams. */
public record CliRun(int exitCode, String stdout, String stderr) {
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);

    /** Runs with the given environment (nothing is inherited from the test JVM's environment). */
    public static CliRun run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Prescale.run(args, stdout, stderr, env);
        }
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public static CliRun run(String... args) {
        return run(Map.of(), args);
    }

    /** stdout parsed strictly as exactly one JSON document (no NaN, nothing after it). */
    public JsonNode json() {
        try {
            return STRICT.readTree(stdout);
        } catch (IOException e) {
            throw new AssertionError(
                    "stdout is not exactly one JSON document: " + e.getMessage() + "\n--- stdout ---\n" + stdout
                            + "\n--- stderr ---\n" + stderr,
                    e);
        }
    }
}
