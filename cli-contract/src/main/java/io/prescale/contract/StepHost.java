package io.prescale.contract;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a step needs from the machine it runs on; the Jenkins plugin implements it with the agent's workspace,
 * launcher, credentials and artifact manager, the tests with a temporary directory and an in-process CLI.
 * Paths are absolute on the agent or relative to the workspace.
 */
public interface StepHost {
    /** The workspace's absolute path on the agent (the working directory of every command). */
    String workspace();

    /**
     * Runs {@code commandLine} in the workspace with {@code environment} added, streams stderr to the build log
     * through {@code masker}, and returns the exit code with the whole of stdout. Interrupting the calling thread
     * (or stopping the step) must kill the process.
     */
    ProcessOutput run(List<String> commandLine, Map<String, String> environment, SecretMasker masker)
            throws IOException, InterruptedException;

    /**
     * The text of the "secret text" credential {@code credentialsId}.
     *
     * @throws StepFailure naming the ID (and nothing of the secret) when there is no such credential
     */
    String secret(String credentialsId) throws IOException, InterruptedException;

    /**
     * Writes {@code secret} to a file readable only by the agent's user, in a temporary directory outside the
     * archived paths, and returns its absolute path; {@link #cleanUp()} deletes it.
     */
    String writeSecretFile(String name, String secret) throws IOException, InterruptedException;

    /** The content of a file (absolute or workspace-relative), or empty when there is none. */
    Optional<String> read(String path) throws IOException, InterruptedException;

    /** Writes a workspace-relative file, replacing it. */
    void write(String relativePath, String content) throws IOException, InterruptedException;

    /** Archives workspace-relative files with the build. */
    void archive(List<String> relativePaths) throws IOException, InterruptedException;

    /** One line to the build log. */
    void log(String line);

    /** Deletes what {@link #writeSecretFile} wrote; called once when the step ends, however it ends. */
    void cleanUp() throws IOException, InterruptedException;
}
