package io.prescale.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One run of the {@code prescale} command for a step: the command ({@code forecast train}), its options
 * (paths as given, relative to the workspace), and the secrets it needs. The command line always ends with
 * {@code --json}, so stdout holds exactly one document (DESIGN.md §4).
 *
 * @param key the name of this run's document in the map a step returns (e.g. {@code train}, {@code sample})
 * @param command the command words, e.g. {@code [forecast, train]}
 * @param options option words, e.g. {@code [--input, load.csv, --model, auto]}; never a secret
 * @param secrets the secrets passed as files or environment variables
 */
public record Invocation(String key, List<String> command, List<String> options, List<SecretBinding> secrets) {
    public Invocation {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("key must not be blank");
        }
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command must not be empty");
        }
        options = List.copyOf(options);
        if (options.contains("--json")) {
            throw new IllegalArgumentException("--json is added by the contract, not given as an option");
        }
        secrets = List.copyOf(secrets);
    }

    /** The command as documents name it, e.g. {@code forecast train}. */
    public String commandName() {
        return String.join(" ", command);
    }

    /**
     * The full command line: {@code java -jar JAR <command> <options> <secret file options> --json}.
     *
     * @param java the java executable on the agent
     * @param jar the {@code prescale.jar} on the agent
     * @param secretFiles credential ID → path of the file holding its secret (for the file-bound secrets)
     */
    public List<String> commandLine(String java, String jar, Map<String, String> secretFiles) {
        List<String> line = new ArrayList<>(List.of(java, "-jar", jar));
        line.addAll(command);
        line.addAll(options);
        for (SecretBinding secret : secrets) {
            if (secret.fileOption() != null) {
                String path = secretFiles.get(secret.credentialsId());
                if (path == null) {
                    throw new IllegalStateException("no secret file for credential " + secret.credentialsId());
                }
                line.add(secret.fileOption());
                line.add(path);
            }
        }
        line.add("--json");
        return List.copyOf(line);
    }

    /** The arguments after {@code java -jar JAR}, as an in-process run of the CLI takes them. */
    public List<String> arguments(Map<String, String> secretFiles) {
        List<String> line = commandLine("java", "prescale.jar", secretFiles);
        return line.subList(3, line.size());
    }

    /** Builds option words: pairs with a null or blank value are left out. */
    static final class Options {
        private final List<String> words = new ArrayList<>();

        Options add(String option, Object value) {
            if (value != null && !value.toString().isBlank()) {
                words.add(option);
                words.add(
                        value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15
                                ? Long.toString(d.longValue())
                                : value.toString());
            }
            return this;
        }

        Options flag(String option, boolean set) {
            if (set) {
                words.add(option);
            }
            return this;
        }

        Options each(String option, List<String> values) {
            Objects.requireNonNull(values, "values").forEach(value -> add(option, value));
            return this;
        }

        List<String> words() {
            return List.copyOf(words);
        }
    }
}
