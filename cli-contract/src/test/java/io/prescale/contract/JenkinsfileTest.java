package io.prescale.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lesfurets.jenkins.unit.MethodCall;
import com.lesfurets.jenkins.unit.MethodSignature;
import com.lesfurets.jenkins.unit.PipelineTestHelper;
import groovy.lang.Binding;
import groovy.lang.Closure;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reference {@code Jenkinsfile} under JenkinsPipelineUnit 1.1, driven from Java through its
 * {@link PipelineTestHelper} (its {@code BasePipelineTest} cannot be extended from Java). The prescale steps are
 * mocked with what the plugin returns (the documents as maps), and every call's arguments are checked by the
 * contract itself ({@link StepRequests}), so the pipeline cannot pass an argument a step does not take.
 */
class JenkinsfileTest {
    private static final PrescaleSettings SITE = new PrescaleSettings(
            "http://actuator:9464",
            "actuator-token",
            "http://grafana:3000",
            "grafana-token",
            null,
            "http://prometheus:9090",
            null,
            "http://nomad:4646",
            null);

    private PipelineTestHelper helper;
    private Binding binding;
    private final Map<String, Object> params = new LinkedHashMap<>();
    private final Map<String, Object> currentBuild = new LinkedHashMap<>();
    private final List<String> stepsRun = new ArrayList<>();

    @BeforeEach
    void setUp() {
        helper = new PipelineTestHelper();
        helper.setScriptRoots("..");
        helper.setScriptExtension("jenkins");
        helper.setBaseScriptRoot(".");
        helper.setBaseClassloader(getClass().getClassLoader());
        helper.init();
        for (String name : List.of("properties", "pipelineTriggers", "parameters")) {
            helper.registerAllowedMethod(name, List.of(List.class), null);
        }
        helper.registerAllowedMethod("cron", List.of(String.class), null);
        helper.registerAllowedMethod("string", List.of(Map.class), null);
        helper.registerAllowedMethod("logRotator", List.of(Map.class), null);
        helper.registerAllowedMethod("buildDiscarder", List.of(Object.class), null);
        helper.registerAllowedMethod("disableConcurrentBuilds", List.of(), null);
        helper.registerAllowedMethod("node", List.of(Closure.class), null);
        helper.registerAllowedMethod("stage", List.of(String.class, Closure.class), null);
        helper.registerAllowedMethod("checkout", List.of(Map.class), null);
        helper.registerAllowedMethod("echo", List.of(Object.class), null);
        helper.registerAllowedMethod("archiveArtifacts", List.of(Map.class), null);
        step(
                "prescaleCollect",
                Map.of(
                        "import",
                        Map.of("series", "web"),
                        "export",
                        Map.of("out", "/ws/prescale/history.csv", "samples", 43200)));
        step("prescaleTrain", Map.of("model", "holt-winters", "out", "/ws/prescale/forecast-model.zip"));
        step(
                "prescaleGenerate",
                Map.of(
                        "train",
                        Map.of("out", "/ws/prescale/load-model.zip"),
                        "sample",
                        Map.of("out", "/ws/prescale/profiles.json")));
        step("prescaleLoadTest", Map.of("requests", 1200, "achievedRps", 20.0));
        step(
                "prescaleTune",
                Map.of("policyFile", "prescale/policy.json", "policyDigest", "sha256:0a1b", "loadTests", 38));
        step("prescalePublish", Map.of());

        binding = new Binding();
        binding.setVariable("params", params);
        binding.setVariable("env", new LinkedHashMap<>());
        binding.setVariable("scm", Map.of("$class", "GitSCM"));
        binding.setVariable("currentBuild", currentBuild);
    }

    /** Mocks a step: checks its arguments with the contract, records it, returns the document map the plugin would. */
    private void step(String name, Map<String, Object> returned) {
        helper.registerAllowedMethod(MethodSignature.method(name, Map.class), (Function<Object, Object>) arguments -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> args = (Map<String, Object>) arguments;
            StepRequests.of(name, args, SITE, Clock.systemUTC());
            stepsRun.add(name);
            return returned;
        });
    }

    private void runJenkinsfile() {
        helper.loadScript("Jenkinsfile", binding).run();
    }

    private List<MethodCall> calls(String method) {
        return helper.getCallStack().stream()
                .filter(c -> c.getMethodName().equals(method))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> argument(MethodCall call) {
        return (Map<String, Object>) call.getArgs()[0];
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> onlyArgument(String method, int index) {
        return (Map<String, Object>) calls(method).get(index).getArgs()[0];
    }

    @Test
    void stagesRunInDataFlowOrderAndEachCallsItsStep() {
        runJenkinsfile();

        assertThat(calls("stage"))
                .extracting(c -> c.getArgs()[0])
                .containsExactly(
                        "Collect",
                        "Train",
                        "Generate profiles",
                        "Load-test staging",
                        "Tune",
                        "Publish policy",
                        "Publish dashboards",
                        "Summary");
        assertThat(stepsRun)
                .containsExactly(
                        "prescaleCollect",
                        "prescaleTrain",
                        "prescaleGenerate",
                        "prescaleLoadTest",
                        "prescaleTune",
                        "prescalePublish",
                        "prescalePublish");
        assertThat(calls("node")).hasSize(1);
        assertThat(calls("checkout")).hasSize(1);
    }

    @Test
    void runsNightlyAndDeclaresTheParameters() {
        runJenkinsfile();

        assertThat(calls("cron"))
                .singleElement()
                .satisfies(c -> assertThat(c.getArgs()).containsExactly("H 2 * * *"));
        assertThat(calls("string"))
                .extracting(c -> (Object) ((Map<?, ?>) c.getArgs()[0]).get("name"))
                .containsExactly(
                        "SERVICE", "CONFIG_SPACE", "STAGING_JOB", "STAGING_URL", "PROMETHEUS_QUERY", "TUNE_BUDGET");
        assertThat(calls("string"))
                .allSatisfy(c -> assertThat(argument(c)).containsKeys("defaultValue", "description"));
        assertThat(calls("disableConcurrentBuilds")).hasSize(1);
    }

    @Test
    void passesTheParametersAndEachStepsResultsToTheNextSteps() {
        params.put("SERVICE", "checkout");
        params.put("PROMETHEUS_QUERY", "sum(rate(req_total{svc=\"checkout\"}[1m]))");
        params.put("STAGING_JOB", "checkout-staging/http");
        params.put("STAGING_URL", "http://10.1.0.5:8080/,http://10.1.0.6:8080/");
        params.put("CONFIG_SPACE", "deploy/tune/checkout.yaml");
        params.put("TUNE_BUDGET", "24");
        runJenkinsfile();

        assertThat(onlyArgument("prescaleCollect", 0))
                .containsEntry("query", "sum(rate(req_total{svc=\"checkout\"}[1m]))")
                .containsEntry("series", "checkout")
                .containsEntry("lookback", "30d");
        assertThat(onlyArgument("prescaleTrain", 0))
                .containsEntry("input", "/ws/prescale/history.csv")
                .containsEntry("model", "auto");
        assertThat(onlyArgument("prescaleGenerate", 0))
                .containsEntry("input", "/ws/prescale/history.csv")
                .containsEntry("window", 1440)
                .containsEntry("n", 16)
                .containsEntry("edgeCases", 4);
        assertThat(onlyArgument("prescaleLoadTest", 0))
                .containsEntry("target", "http://10.1.0.5:8080/,http://10.1.0.6:8080/")
                .containsEntry("rate", 20)
                .containsEntry("duration", "1m");
        assertThat(onlyArgument("prescaleTune", 0))
                .containsEntry("space", "deploy/tune/checkout.yaml")
                .containsEntry("profiles", "/ws/prescale/profiles.json")
                .containsEntry("target", "nomad:checkout-staging/http")
                .containsEntry("budget", 24);
        assertThat(onlyArgument("prescalePublish", 0))
                .containsEntry("policy", "prescale/policy.json")
                .containsEntry("dashboards", false);
        assertThat(onlyArgument("prescalePublish", 1)).containsEntry("publishPolicy", false);
        assertThat(currentBuild).containsEntry("description", "checkout: policy sha256:0a1b");
    }

    @Test
    void defaultsApplyOnTheFirstBuildBeforeParametersExist() {
        runJenkinsfile();

        assertThat(onlyArgument("prescaleTune", 0))
                .containsEntry("target", "nomad:web-staging/api")
                .containsEntry("space", "deploy/tune/reference-space.yaml")
                .containsEntry("budget", 40);
        params.put("STAGING_JOB", "local");
        helper.clearCallStack();
        runJenkinsfile();
        assertThat(onlyArgument("prescaleTune", 0)).containsEntry("target", "local");
    }

    @Test
    void aFailingStepFailsTheBuildSkipsTheRestAndStillArchives() {
        helper.registerAllowedMethod(
                MethodSignature.method("prescaleTune", Map.class), (Function<Object, Object>) a -> {
                    stepsRun.add("prescaleTune");
                    throw new StepFailure(
                            "prescaleTune: prescale tune rejected --budget '3': --budget 3 is below the design's"
                                    + " minimum of 8");
                });

        assertThatThrownBy(this::runJenkinsfile).isInstanceOf(StepFailure.class).hasMessageContaining("--budget '3'");
        assertThat(stepsRun)
                .containsExactly(
                        "prescaleCollect", "prescaleTrain", "prescaleGenerate", "prescaleLoadTest", "prescaleTune");
        assertThat(calls("stage")).extracting(c -> c.getArgs()[0]).doesNotContain("Publish policy", "Summary");
        assertThat(calls("archiveArtifacts"))
                .singleElement()
                .satisfies(c -> assertThat(argument(c)).containsEntry("artifacts", "prescale/*.json"));
    }
}
