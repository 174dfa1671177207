package io.prescale.cli.base;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.Map;
import java.util.Objects;

/**
 * Where a command's result goes: the real stdout (exactly one JSON document with {@code --json}), stderr for
 * progress and the one-line error, and the environment the command runs in.
 */
public final class OutputContext {
    private final PrintStream stdout;
    private final PrintStream stderr;
    private final Map<String, String> env;

    public OutputContext(PrintStream stdout, PrintStream stderr, Map<String, String> env) {
        this.stdout = Objects.requireNonNull(stdout, "stdout");
        this.stderr = Objects.requireNonNull(stderr, "stderr");
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
    }

    public PrintStream stdout() {
        return stdout;
    }

    public PrintStream stderr() {
        return stderr;
    }

    public Map<String, String> env() {
        return env;
    }

    /** The document header every command starts with: command, schemaVersion, prescaleVersion. */
    public static ObjectNode header(String command) {
        ObjectNode document = Json.object();
        document.put("command", command);
        document.put("schemaVersion", 1);
        document.put("prescaleVersion", VersionInfo.version());
        return document;
    }

    /** Writes a successful result: the whole document with {@code --json}, else the human text. */
    public void succeed(ObjectNode document, String humanText, boolean json) {
        Json.sanitise(document);
        if (json) {
            stdout.println(write(document));
        } else {
            stdout.println(humanText != null ? humanText : pretty(document));
        }
        stdout.flush();
    }

    /** Writes the error document (with {@code --json}) and the one-line message on stderr; returns the exit code. */
    public int fail(CommandFailure failure, boolean json) {
        stderr.println("prescale: " + failure.message());
        stderr.flush();
        if (json) {
            ObjectNode document = Json.object();
            document.put("command", failure.command());
            ObjectNode error = document.putObject("error");
            error.put("exitCode", failure.exitCode());
            error.put("message", failure.message());
            if (failure.option() != null) {
                error.put("option", failure.option());
            }
            if (failure.value() != null) {
                error.put("value", failure.value());
            }
            stdout.println(write(document));
            stdout.flush();
        }
        return failure.exitCode();
    }

    private static String write(ObjectNode document) {
        try {
            return Json.MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise result", e);
        }
    }

    private static String pretty(ObjectNode document) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise result", e);
        }
    }
}
