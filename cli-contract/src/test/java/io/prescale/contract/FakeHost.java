package io.prescale.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A host over a temporary directory whose processes answer with canned outputs; it records what it was asked. */
final class FakeHost implements StepHost {
    final Path workspace;
    final Deque<ProcessOutput> answers = new ArrayDeque<>();
    final Map<String, String> credentials = new LinkedHashMap<>();
    final List<List<String>> commandLines = new ArrayList<>();
    final List<Map<String, String>> environments = new ArrayList<>();
    final List<String> log = new ArrayList<>();
    final List<String> archived = new ArrayList<>();
    final List<Path> secretFiles = new ArrayList<>();
    final Map<String, String> secretFileContents = new LinkedHashMap<>();
    String stderr = "";
    boolean cleanedUp;

    FakeHost(Path workspace) {
        this.workspace = workspace;
    }

    @Override
    public String workspace() {
        return workspace.toString();
    }

    @Override
    public ProcessOutput run(List<String> commandLine, Map<String, String> environment, SecretMasker masker) {
        commandLines.add(commandLine);
        environments.add(environment);
        for (int i = 0; i + 1 < commandLine.size(); i++) {
            if (commandLine.get(i).endsWith("-file") && secretFileContents.containsKey(commandLine.get(i + 1))) {
                stderr = masker.mask("echoed " + secretFileContents.get(commandLine.get(i + 1)));
            }
        }
        return answers.removeFirst();
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
        Path dir = workspace.resolveSibling(workspace.getFileName() + "@tmp");
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        Files.writeString(file, secret);
        secretFiles.add(file);
        secretFileContents.put(file.toString(), secret);
        return file.toString();
    }

    @Override
    public Optional<String> read(String path) throws IOException {
        Path file = workspace.resolve(path);
        return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
    }

    @Override
    public void write(String relativePath, String content) {
        try {
            Path file = workspace.resolve(relativePath);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        cleanedUp = true;
    }
}
