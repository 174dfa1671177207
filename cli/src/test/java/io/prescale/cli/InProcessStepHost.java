package io.prescale.cli;

import io.prescale.contract.ProcessOutput;
import io.prescale.contract.SecretMasker;
import io.prescale.contract.StepFailure;
import io.prescale.contract.StepHost;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link StepHost} that runs {@code prescale} in this JVM (as {@link CliRun} does) over a workspace in a
 * temporary directory: what the Jenkins plugin does on an agent, without Jenkins. Steps must be given absolute
 * paths, since the in-process CLI resolves relative ones against the test's working directory.
 */
final class InProcessStepHost implements StepHost {
    final Path workspace;
    final Map<String, String> credentials = new HashMap<>();
    final Map<String, String> baseEnvironment;
    final List<String> log = new ArrayList<>();
    final List<String> archived = new ArrayList<>();
    final List<String> stderr = new ArrayList<>();
    private final List<Path> secretFiles = new ArrayList<>();

    InProcessStepHost(Path workspace, Map<String, String> baseEnvironment) {
        this.workspace = workspace;
        this.baseEnvironment = baseEnvironment;
    }

    @Override
    public String workspace() {
        return workspace.toString();
    }

    @Override
    public ProcessOutput run(List<String> commandLine, Map<String, String> environment, SecretMasker masker) {
        if (!commandLine.get(1).equals("-jar")) {
            throw new IllegalArgumentException("not a java -jar command line: " + commandLine);
        }
        Map<String, String> env = new HashMap<>(baseEnvironment);
        env.putAll(environment);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Prescale.run(commandLine.subList(3, commandLine.size()).toArray(String[]::new), stdout, errors, env);
        }
        err.toString(StandardCharsets.UTF_8).lines().map(masker::mask).forEach(stderr::add);
        return new ProcessOutput(code, out.toString(StandardCharsets.UTF_8));
    }

    @Override
    public String secret(String credentialsId) {
        String secret = credentials.get(credentialsId);
        if (secret == null) {
            throw new StepFailure("no secret text credential with ID '" + credentialsId + "'");
        }
        return secret;
    }

    @Override
    public String writeSecretFile(String name, String secret) throws IOException {
        Path dir = Files.createDirectories(workspace.resolveSibling(workspace.getFileName() + "@tmp"));
        Path file = Files.writeString(dir.resolve(name), secret);
        secretFiles.add(file);
        return file.toString();
    }

    @Override
    public Optional<String> read(String path) throws IOException {
        Path file = workspace.resolve(path);
        return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
    }

    @Override
    public void write(String relativePath, String content) throws IOException {
        Path file = workspace.resolve(relativePath);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Override
    public void archive(List<String> relativePaths) {
        archived.addAll(relativePaths);
    }

    @Override
    public void log(String line) {
        log.add(line);
    }

    @Override
    public void cleanUp() throws IOException {
        for (Path file : secretFiles) {
            Files.deleteIfExists(file);
        }
    }
}
