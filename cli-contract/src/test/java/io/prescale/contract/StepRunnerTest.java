package io.prescale.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prescale.contract.document.TuneDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepRunnerTest {
    @TempDir
    Path temp;

    static String resource(String name) throws IOException {
        try (var in = Objects.requireNonNull(StepRunnerTest.class.getResourceAsStream(name), name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private FakeHost host() throws IOException {
        Path workspace = Files.createDirectories(temp.resolve("ws"));
        return new FakeHost(workspace);
    }

    @Test
    void publishPassesTokensAsPrivateFilesMasksThemAndDeletesThem() throws Exception {
        FakeHost host = host();
        host.credentials.put("actuator-token", "s3cret-actuator");
        host.credentials.put("grafana-token", "s3cret-grafana");
        host.answers.add(new ProcessOutput(0, resource("policy-publish.json")));
        host.answers.add(new ProcessOutput(0, resource("grafana-publish.json")));
        StepResult result = new StepRunner(host, new Tool("java", "/opt/prescale/prescale.jar"))
                .run(StepRequests.of("prescalePublish", Map.of(), StepRequestsTest.SETTINGS, StepRequestsTest.CLOCK));

        assertThat(host.commandLines)
                .allSatisfy(line -> assertThat(String.join(" ", line))
                        .doesNotContain("s3cret")
                        .endsWith("--json"));
        assertThat(host.commandLines.get(0)).contains("--token-file");
        assertThat(host.stderr).isEqualTo("echoed ****");
        assertThat(host.log).noneMatch(line -> line.contains("s3cret"));
        assertThat(host.cleanedUp).isTrue();
        assertThat(host.secretFiles).allSatisfy(file -> assertThat(file).doesNotExist());
        assertThat(result.value()).containsOnlyKeys("policy", "dashboards");
        assertThat(host.archived)
                .containsExactly("prescale/prescalePublish-policy.json", "prescale/prescalePublish-dashboards.json");
        assertThat(result.summary().links())
                .extracting(l -> l.href())
                .contains("http://grafana:3000/d/prescale-scaling/prescale-scaling")
                .noneMatch(h -> h.startsWith("javascript"));
    }

    @Test
    void tuneArchivesThePolicyAndShowsItsTableWithMeasuredP99() throws Exception {
        FakeHost host = host();
        Files.createDirectories(host.workspace.resolve("prescale"));
        Files.writeString(host.workspace.resolve("prescale/policy.json"), resource("policy.json"));
        host.answers.add(new ProcessOutput(0, resource("tune.json")));
        StepResult result = new StepRunner(host, new Tool("java", "prescale.jar"))
                .run(StepRequests.of(
                        "prescaleTune",
                        Map.of("space", "s.yaml", "profiles", "p.json", "target", "local"),
                        StepRequestsTest.SETTINGS,
                        StepRequestsTest.CLOCK));

        assertThat(result.documents()).singleElement().isInstanceOf(TuneDocument.class);
        assertThat(result.archived())
                .containsExactly(
                        "prescale/prescaleTune-tune.json",
                        "prescale/policy.json",
                        "prescale/policy.json.measurements.json");
        assertThat(result.value()).containsEntry("policyDigest", "sha256:abc").containsKey("futureField");
        assertThat(result.summary().policy().rows()).hasSize(2);
        assertThat(result.summary().policy().rows().get(0))
                .containsExactly("0", "120", "count=2, cpu=500, env.THREADS=8", "no", "41", "44.50", "0.50");
        assertThat(result.summary().policy().rows().get(1).get(1)).isEqualTo("open");
        String html = result.summary().toHtml();
        assertThat(html)
                .contains("env.THREADS=&lt;b&gt;16&lt;/b&gt;")
                .doesNotContain("<b>16</b>")
                .contains("href=\"artifact/prescale/policy.json\"");
        assertThat(result.summary().figures())
                .extracting(f -> f.label())
                .contains("Learned policy (PPO)", "Per-band grid optimum", "Capacity model p99 error");
        assertThat(result.summary().figures())
                .contains(new io.prescale.contract.summary.Figure("Random search", "no configuration held the SLO"));
    }

    @Test
    void aFailingRunStopsTheStepAndStillDeletesSecretFiles() throws Exception {
        FakeHost host = host();
        host.credentials.put("actuator-token", "s3cret-actuator");
        host.answers.add(new ProcessOutput(
                1,
                "{\"command\":\"policy publish\",\"error\":{\"exitCode\":1,"
                        + "\"message\":\"actuator answered 403 Forbidden\"}}"));
        StepRunner runner = new StepRunner(host, new Tool("java", "prescale.jar"));
        assertThatThrownBy(() -> runner.run(StepRequests.of(
                        "prescalePublish",
                        Map.of("dashboards", false),
                        StepRequestsTest.SETTINGS,
                        StepRequestsTest.CLOCK)))
                .isInstanceOf(StepFailure.class)
                .hasMessageContaining("answered 403 Forbidden");
        assertThat(host.commandLines).hasSize(1);
        assertThat(host.cleanedUp).isTrue();
        assertThat(host.secretFiles).allSatisfy(file -> assertThat(file).doesNotExist());
        assertThat(host.archived).isEmpty();
    }

    @Test
    void aMissingCredentialIsNamedByItsIdOnly() throws Exception {
        FakeHost host = host();
        StepRunner runner = new StepRunner(host, new Tool("java", "prescale.jar"));
        assertThatThrownBy(() -> runner.run(StepRequests.of(
                        "prescalePublish",
                        Map.of("dashboards", false),
                        StepRequestsTest.SETTINGS,
                        StepRequestsTest.CLOCK)))
                .hasMessage("no secret text credential with ID 'actuator-token'");
        assertThat(host.commandLines).isEmpty();
    }

    @Test
    void filesOutsideTheWorkspaceAreNotArchived() {
        assertThat(StepRunner.relativeToWorkspace("/ws", "/ws/prescale/p.json")).hasValue("prescale/p.json");
        assertThat(StepRunner.relativeToWorkspace("/ws/", "prescale/./m.zip")).hasValue("prescale/m.zip");
        assertThat(StepRunner.relativeToWorkspace("C:\\ws", "C:\\ws\\out\\p.json"))
                .hasValue("out/p.json");
        assertThat(StepRunner.relativeToWorkspace("/ws", "/tmp/p.json")).isEmpty();
        assertThat(StepRunner.relativeToWorkspace("/ws", "../p.json")).isEmpty();
        assertThat(StepRunner.relativeToWorkspace("/ws", "/ws2/p.json")).isEmpty();
    }

    @Test
    void toolIsFoundInTheDistributionOrACheckoutElseNamedWithWhereItWasLookedFor() {
        assertThat(Tool.locate(
                        "agent-1",
                        "/opt/prescale",
                        p -> p.equals("/opt/prescale/cli/target/prescale.jar"),
                        Map.of("JAVA_HOME", "/usr/lib/jvm/java-17")))
                .isEqualTo(new Tool("/usr/lib/jvm/java-17/bin/java", "/opt/prescale/cli/target/prescale.jar"));
        assertThatThrownBy(() -> Tool.locate("agent-1", "/opt/prescale", p -> false, Map.of()))
                .hasMessage("prescale is not installed on agent 'agent-1': looked for /opt/prescale/prescale.jar and"
                        + " /opt/prescale/cli/target/prescale.jar");
        assertThat(Tool.locate(
                        "agent-1",
                        null,
                        p -> p.equals("/srv/prescale.jar"),
                        Map.of("PRESCALE_JAR", "/srv/prescale.jar")))
                .isEqualTo(new Tool("java", "/srv/prescale.jar"));
        assertThatThrownBy(() -> Tool.locate("agent-1", " ", p -> false, Map.of()))
                .hasMessageStartingWith("prescale is not installed on agent 'agent-1': no Prescale tool is configured");
    }
}
