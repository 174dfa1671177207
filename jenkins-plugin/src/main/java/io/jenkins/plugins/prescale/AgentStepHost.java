package io.jenkins.plugins.prescale;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Proc;
import hudson.console.LineTransformationOutputStream;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.slaves.WorkspaceList;
import io.prescale.contract.ProcessOutput;
import io.prescale.contract.SecretMasker;
import io.prescale.contract.StepFailure;
import io.prescale.contract.StepHost;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jenkins.util.BuildListenerAdapter;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The agent side of a step: processes through the build's {@link Launcher} in the workspace, "secret text"
 * credentials of the build, secret files in the workspace's {@code @tmp} sibling, artifacts through the build's
 * artifact manager.
 */
final class AgentStepHost implements StepHost {
    private final Run<?, ?> run;
    private final FilePath workspace;
    private final Launcher launcher;
    private final TaskListener listener;
    private final EnvVars environment;
    private FilePath secretDirectory;
    private volatile Proc process;

    AgentStepHost(Run<?, ?> run, FilePath workspace, Launcher launcher, TaskListener listener, EnvVars environment) {
        this.run = run;
        this.workspace = workspace;
        this.launcher = launcher;
        this.listener = listener;
        this.environment = environment;
    }

    @Override
    public String workspace() {
        return workspace.getRemote();
    }

    @Override
    public ProcessOutput run(List<String> commandLine, Map<String, String> extra, SecretMasker masker)
            throws IOException, InterruptedException {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        MaskingStream stderr = new MaskingStream(listener.getLogger(), masker);
        EnvVars env = new EnvVars(environment);
        env.overrideAll(extra);
        // quiet: the command line was already logged by the contract, without the secret files' paths.
        Proc started = launcher.launch().cmds(commandLine).envs(env).pwd(workspace).stdout(stdout).stderr(stderr)
                .quiet(true).start();
        process = started;
        try {
            int code = started.join();
            return new ProcessOutput(code, stdout.toString(StandardCharsets.UTF_8));
        } finally {
            process = null;
            stderr.forceEol();
            stderr.flush();
        }
    }

    /** Kills the running process, if any (the step was stopped). */
    void kill() throws IOException, InterruptedException {
        Proc running = process;
        if (running != null) {
            running.kill();
        }
    }

    @Override
    public String secret(String credentialsId) {
        StringCredentials credentials = CredentialsProvider.findCredentialById(credentialsId, StringCredentials.class,
                run);
        if (credentials == null) {
            throw new StepFailure("no \"secret text\" credential with ID '" + credentialsId + "' is available to this"
                    + " build");
        }
        return credentials.getSecret().getPlainText();
    }

    @Override
    public String writeSecretFile(String name, String secret) throws IOException, InterruptedException {
        if (secretDirectory == null) {
            FilePath temp = WorkspaceList.tempDir(workspace);
            if (temp == null) {
                throw new IOException("the workspace " + workspace.getRemote() + " has no parent for a temporary directory");
            }
            temp.mkdirs();
            secretDirectory = temp.createTempDir("prescale", "secrets");
            secretDirectory.chmod(0700);
        }
        FilePath file = secretDirectory.child(name);
        file.write(secret, "UTF-8");
        file.chmod(0600);
        return file.getRemote();
    }

    @Override
    public Optional<String> read(String path) throws IOException, InterruptedException {
        FilePath file = workspace.child(path);
        if (!file.exists()) {
            return Optional.empty();
        }
        try (InputStream in = file.read()) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Override
    public void write(String relativePath, String content) throws IOException, InterruptedException {
        FilePath file = workspace.child(relativePath);
        FilePath parent = file.getParent();
        if (parent != null) {
            parent.mkdirs();
        }
        file.write(content, "UTF-8");
    }

    @Override
    public void archive(List<String> relativePaths) throws IOException, InterruptedException {
        if (relativePaths.isEmpty()) {
            return;
        }
        Map<String, String> artifacts = new LinkedHashMap<>();
        relativePaths.forEach(path -> artifacts.put(path, path));
        run.pickArtifactManager().archive(workspace, launcher, BuildListenerAdapter.wrap(listener), artifacts);
    }

    @Override
    public void log(String line) {
        listener.getLogger().println(line);
    }

    @Override
    public void cleanUp() throws IOException, InterruptedException {
        if (secretDirectory != null) {
            secretDirectory.deleteRecursive();
            secretDirectory = null;
        }
    }

    /** The process's stderr into the build log, line by line, with the step's secrets masked. */
    private static final class MaskingStream extends LineTransformationOutputStream.Delegating {
        private final SecretMasker masker;

        MaskingStream(OutputStream log, SecretMasker masker) {
            super(log);
            this.masker = masker;
        }

        @Override
        protected void eol(byte[] bytes, int length) throws IOException {
            String line = new String(bytes, 0, length, StandardCharsets.UTF_8);
            out.write(masker.mask(line).getBytes(StandardCharsets.UTF_8));
        }
    }
}
