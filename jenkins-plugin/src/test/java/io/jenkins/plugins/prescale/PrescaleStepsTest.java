package io.jenkins.plugins.prescale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.Functions;
import hudson.model.Result;
import hudson.util.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The steps in a real Jenkins running Pipeline jobs. The {@code prescale} process is a stand-in: a fake
 * {@code $JAVA_HOME/bin/java} script that answers as the CLI does (one JSON document on stdout, progress on
 * stderr, exit 0/1/2), so these tests check the plugin's adaptation, not the CLI (tested in the cli module).
 * They run only with {@code -Pjenkins} on a machine that reaches the Jenkins Maven repository; Unix only.
 */
@WithJenkins
class PrescaleStepsTest {
    @TempDir
    Path temp;

    private JenkinsRule j;
    private Path javaHome;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        assumeFalse(Functions.isWindows(), "the fake java is a shell script");
        j = rule;
        Path home = Files.createDirectories(temp.resolve("prescale"));
        Files.writeString(home.resolve("prescale.jar"), "not a real jar: the fake java never opens it");
        j.jenkins.getDescriptorByType(PrescaleInstallation.DescriptorImpl.class)
                .setInstallations(new PrescaleInstallation("prescale", home.toString(), List.of()));
        javaHome = Files.createDirectories(temp.resolve("jdk/bin")).getParent();
    }

    /** A fake java that runs {@code body} (POSIX sh; "$3 $4" are the command words after -jar JAR). */
    private void fakeJava(String body) throws Exception {
        Path java = javaHome.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private WorkflowRun run(String steps, Result expected) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition("node { withEnv(['JAVA_HOME=" + javaHome + "']) {\n" + steps
                + "\n} }", true));
        WorkflowRun build = job.scheduleBuild2(0).get();
        j.assertBuildStatus(expected, build);
        return build;
    }

    @Test
    void trainRunsTheJarInTheWorkspaceAndReturnsItsDocument() throws Exception {
        fakeJava("echo \"training on $6\" >&2\n"
                + "mkdir -p prescale && echo model > prescale/forecast-model.zip\n"
                + "echo '{\"command\":\"forecast train\",\"schemaVersion\":1,\"prescaleVersion\":\"t\",\"seed\":1,"
                + "\"model\":\"holt-winters\",\"out\":\"prescale/forecast-model.zip\",\"dataFrom\":\"2026-11-01T00:00:00Z\","
                + "\"dataTo\":\"2026-11-30T00:00:00Z\",\"step\":\"PT1M\"}'");
        WorkflowRun build = run("def r = prescaleTrain input: 'history.csv', model: 'holt-winters'\n"
                + "echo \"model=${r.model}\"", Result.SUCCESS);

        j.assertLogContains("prescale forecast train --input history.csv --model holt-winters", build);
        j.assertLogContains("training on history.csv", build);
        j.assertLogContains("model=holt-winters", build);
        assertThat(build.getArtifacts()).extracting(a -> a.relativePath)
                .contains("prescale/prescaleTrain-train.json", "prescale/forecast-model.zip");
        assertThat(build.getActions(PrescaleSummaryAction.class)).singleElement()
                .satisfies(a -> assertThat(a.getHtml()).contains("holt-winters", "artifact/prescale/forecast-model.zip"));
    }

    @Test
    void badInputFailsTheBuildNamingTheValue() throws Exception {
        fakeJava("echo \"prescale: --horizon '0' must be between 1 and 100000 steps\" >&2\n"
                + "echo '{\"command\":\"forecast train\",\"error\":{\"exitCode\":2,\"message\":\"--horizon '\"'\"'0'\"'\"'"
                + " must be between 1 and 100000 steps\",\"option\":\"--horizon\",\"value\":\"0\"}}'\nexit 2");
        WorkflowRun build = run("prescaleTrain input: 'history.csv', horizon: '0'", Result.FAILURE);

        j.assertLogContains("prescaleTrain: prescale forecast train rejected --horizon '0'", build);
    }

    @Test
    void abortingTheBuildKillsTheRunningProcess() throws Exception {
        Path pid = temp.resolve("pid");
        fakeJava("echo $$ > '" + pid + "'\necho 'tuning: trial 1 of 40' >&2\nexec sleep 600");
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition("node { withEnv(['JAVA_HOME=" + javaHome + "']) {\n"
                + "prescaleTune space: 's.yaml', profiles: 'p.json', target: 'local'\n} }", true));
        WorkflowRun build = job.scheduleBuild2(0).waitForStart();
        j.waitForMessage("tuning: trial 1 of 40", build);
        build.getExecutor().interrupt();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(build));

        String processId = Files.readString(pid).strip();
        Process check = new ProcessBuilder("kill", "-0", processId).start();
        assertThat(check.waitFor()).as("process %s is gone", processId).isNotZero();
    }

    @Test
    void anUnknownArgumentFailsTheBuildInOneLine() throws Exception {
        fakeJava("exit 99");
        WorkflowRun build = run("prescaleTrain input: 'history.csv', modle: 'auto'", Result.FAILURE);

        j.assertLogContains("prescaleTrain: unknown argument 'modle'", build);
    }

    @Test
    void aMissingToolIsNamedWithWhereItWasLookedFor() throws Exception {
        j.jenkins.getDescriptorByType(PrescaleInstallation.DescriptorImpl.class)
                .setInstallations(new PrescaleInstallation("prescale", temp.resolve("absent").toString(), List.of()));
        WorkflowRun build = run("prescaleTrain input: 'history.csv'", Result.FAILURE);

        j.assertLogContains("prescale is not installed on agent", build);
        j.assertLogContains(temp.resolve("absent").resolve("prescale.jar").toString(), build);
    }

    @Test
    void publishPassesTokensAsFilesAndMasksThem() throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL,
                "actuator-token", "actuator", Secret.fromString("s3cret-actuator-token")));
        SystemCredentialsProvider.getInstance().save();
        PrescaleConfiguration.get().setActuatorUrl("http://127.0.0.1:9464");
        PrescaleConfiguration.get().setActuatorCredentialsId("actuator-token");
        // Prints the command line and the token file's content on stderr: the log must show neither secret.
        fakeJava("echo \"args: $*\" >&2\n"
                + "while [ $# -gt 0 ]; do if [ \"$1\" = --token-file ]; then echo \"token: $(cat \"$2\")\" >&2; fi; shift; done\n"
                + "echo '{\"command\":\"policy publish\",\"schemaVersion\":1,\"prescaleVersion\":\"t\","
                + "\"url\":\"http://127.0.0.1:9464\",\"name\":\"web\",\"digest\":\"sha256:ab\",\"httpStatus\":200}'");
        WorkflowRun build = run("prescalePublish dashboards: false", Result.SUCCESS);

        j.assertLogNotContains("s3cret-actuator-token", build);
        j.assertLogContains("token: ****", build);
        j.assertLogContains("--token-file", build);
    }

    @Test
    void aMissingCredentialIsNamedByItsIdOnly() throws Exception {
        PrescaleConfiguration.get().setActuatorUrl("http://127.0.0.1:9464");
        PrescaleConfiguration.get().setActuatorCredentialsId("no-such-token");
        fakeJava("exit 99");
        WorkflowRun build = run("prescalePublish dashboards: false", Result.FAILURE);

        j.assertLogContains("no \"secret text\" credential with ID 'no-such-token'", build);
    }
}
