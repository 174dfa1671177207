package io.jenkins.plugins.prescale;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Computer;
import hudson.model.EnvironmentSpecific;
import hudson.model.Node;
import hudson.model.TaskListener;
import hudson.slaves.NodeSpecific;
import hudson.tools.ToolDescriptor;
import hudson.tools.ToolInstallation;
import hudson.tools.ToolProperty;
import io.prescale.contract.Tool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * The {@code prescale} distribution on an agent: a home holding {@code prescale.jar} and {@code lib/} (or a source
 * checkout with {@code cli/target/prescale.jar}). Installed by hand, or automatically with Jenkins' own "Extract
 * *.zip/*.tar.gz" installer from a URL of the distribution archive.
 */
public final class PrescaleInstallation extends ToolInstallation
        implements NodeSpecific<PrescaleInstallation>, EnvironmentSpecific<PrescaleInstallation> {
    private static final long serialVersionUID = 1L;

    @DataBoundConstructor
    public PrescaleInstallation(String name, String home, List<? extends ToolProperty<?>> properties) {
        super(name, home, properties);
    }

    @Override
    public PrescaleInstallation forNode(Node node, TaskListener log) throws IOException, InterruptedException {
        return new PrescaleInstallation(getName(), translateFor(node, log), getProperties().toList());
    }

    @Override
    public PrescaleInstallation forEnvironment(EnvVars environment) {
        return new PrescaleInstallation(getName(), environment.expand(getHome()), getProperties().toList());
    }

    /**
     * The jar to run on the workspace's agent: the installation named {@code name} (or the first one), installed
     * and translated for that agent; without any installation, the build's {@code PRESCALE_JAR}.
     *
     * @throws AbortException naming an unknown installation
     * @throws io.prescale.contract.StepFailure naming the agent and where the jar was looked for
     */
    static Tool locate(String name, FilePath workspace, EnvVars environment, TaskListener listener)
            throws IOException, InterruptedException {
        PrescaleInstallation[] installations = Jenkins.get().getDescriptorByType(DescriptorImpl.class)
                .getInstallations();
        PrescaleInstallation chosen = null;
        for (PrescaleInstallation installation : installations) {
            if (name == null || name.equals(installation.getName())) {
                chosen = installation;
                break;
            }
        }
        if (name != null && chosen == null) {
            throw new AbortException("no Prescale installation named '" + name + "'; configured: "
                    + Arrays.stream(installations).map(ToolInstallation::getName).toList());
        }
        Computer computer = workspace.toComputer();
        Node node = computer == null ? null : computer.getNode();
        String agent = node == null ? "(unknown)" : node.getDisplayName();
        String home = null;
        if (chosen != null) {
            ToolInstallation translated = node == null ? chosen.forEnvironment(environment)
                    : chosen.translate(node, environment, listener);
            home = translated.getHome();
        }
        try {
            return Tool.locate(agent, home, path -> exists(workspace, path), environment);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static boolean exists(FilePath workspace, String path) {
        try {
            return workspace.child(path).exists();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while looking for " + path, e));
        }
    }

    @Extension
    @Symbol("prescale")
    public static final class DescriptorImpl extends ToolDescriptor<PrescaleInstallation> {
        public DescriptorImpl() {
            load();
        }

        @Override
        public String getDisplayName() {
            return "Prescale";
        }

        @Override
        public void setInstallations(PrescaleInstallation... installations) {
            super.setInstallations(installations);
            save();
        }
    }
}
