package io.prescale.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.prescale.cli.base.OutputContext;
import io.prescale.contract.Invocation;
import io.prescale.contract.Outcomes;
import io.prescale.contract.PrescaleSettings;
import io.prescale.contract.ProcessOutput;
import io.prescale.contract.SecretMasker;
import io.prescale.contract.StepFailure;
import io.prescale.contract.StepRequests;
import io.prescale.contract.StepResult;
import io.prescale.contract.StepRunner;
import io.prescale.contract.Tool;
import io.prescale.contract.document.ForecastTrainDocument;
import io.prescale.contract.document.GenerateSampleDocument;
import io.prescale.contract.document.GenerateTrainDocument;
import io.prescale.contract.document.GrafanaPublishDocument;
import io.prescale.contract.document.ImportDocument;
import io.prescale.contract.document.LoadTestDocument;
import io.prescale.contract.document.PolicyPublishDocument;
import io.prescale.contract.document.SeriesExportDocument;
import io.prescale.core.scale.ScalingPolicy;
import java.io.PrintStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The Jenkins steps' contract ({@code cli-contract}) against real runs of the commands: each step runs through
 * the contract's {@link StepRunner} on an in-process host, and its documents must parse into the contract's
 * records with every field those records name present, so a renamed or removed field breaks this test.
 */
class StepContractTest {
    @TempDir
    Path temp;

    private Path workspace;
    private InProcessStepHost host;
    private StepRunner runner;

    @BeforeEach
    void workspace() throws Exception {
        workspace = Files.createDirectories(temp.resolve("workspace"));
        host = new InProcessStepHost(
                workspace, Map.of("PRESCALE_HOME", temp.resolve("home").toString()));
        runner = new StepRunner(host, new Tool("java", "prescale.jar"));
    }

    private StepResult run(String step, Map<String, Object> arguments) throws Exception {
        return runner.run(StepRequests.of(step, arguments, PrescaleSettings.none(), Clock.systemUTC()));
    }

    private String copy(String resource, String name) throws Exception {
        Path target = workspace.resolve(name);
        Files.copy(Path.of("src/test/resources").resolve(resource), target);
        return target.toString();
    }

    private String inWorkspace(String path) {
        return workspace.resolve(path).toString();
    }

    @Test
    void trainStepParsesTheForecastTrainDocumentAndArchivesTheModel() throws Exception {
        StepResult result = run(
                "prescaleTrain",
                Map.of(
                        "input",
                        copy("forecast/nyc_taxi_3w.csv", "history.csv"),
                        "model",
                        "holt-winters",
                        "out",
                        inWorkspace("prescale/forecast-model.zip"),
                        "seed",
                        3));

        ForecastTrainDocument document =
                (ForecastTrainDocument) result.documents().get(0);
        assertThat(document.model()).isEqualTo("holt-winters");
        assertThat(document.seed()).isEqualTo(3);
        assertThat(document.dataFrom()).isEqualTo("2014-07-01T00:00:00Z");
        assertEveryField(result.value(), ForecastTrainDocument.class, Set.of());
        assertThat(result.archived())
                .containsExactly("prescale/prescaleTrain-train.json", "prescale/forecast-model.zip");
        assertThat(workspace.resolve("prescale/forecast-model.zip")).isRegularFile();
        assertThat(result.summary().toHtml()).contains("holt-winters", "artifact/prescale/forecast-model.zip");
    }

    @Test
    void badInputFailsTheStepNamingTheOptionAndValue() throws Exception {
        String input = copy("forecast/nyc_taxi_3w.csv", "history.csv");
        assertThatThrownBy(() -> run(
                        "prescaleTrain",
                        Map.of("input", input, "model", "holt-winters", "horizon", "0", "out", inWorkspace("m.zip"))))
                .isInstanceOf(StepFailure.class)
                .hasMessageStartingWith("prescaleTrain: prescale forecast train rejected --horizon '0': ")
                .hasMessageNotContaining("\n");
        assertThat(host.archived).isEmpty();
    }

    @Test
    void generateStepTrainsThenSamplesAndReturnsBothDocuments() throws Exception {
        StepResult result = run(
                "prescaleGenerate",
                new LinkedHashMap<>(Map.of(
                        "input",
                        copy("generate/daily.csv", "daily.csv"),
                        "window",
                        24,
                        "iterations",
                        5,
                        "n",
                        2,
                        "edgeCases",
                        1,
                        "modelFile",
                        inWorkspace("prescale/load-model.zip"),
                        "out",
                        inWorkspace("prescale/profiles.json"))));

        assertThat(result.documents()).hasSize(2);
        GenerateTrainDocument trained =
                (GenerateTrainDocument) result.documents().get(0);
        GenerateSampleDocument sampled =
                (GenerateSampleDocument) result.documents().get(1);
        assertThat(trained.window()).isEqualTo(24);
        assertThat(sampled.profiles())
                .extracting(GenerateSampleDocument.Profile::kind)
                .containsExactly("typical", "typical", "edge-case");
        assertThat(sampled.profiles().get(2).anomalyScore()).isNotNull();
        assertThat(result.value()).containsOnlyKeys("train", "sample");
        assertEveryField(map(result.value().get("train")), GenerateTrainDocument.class, Set.of());
        assertEveryField(
                map(result.value().get("sample")),
                GenerateSampleDocument.class,
                Set.of("profiles.anomalyScore", "profiles.anomalyDetector"));
        assertThat(result.archived())
                .containsExactly(
                        "prescale/prescaleGenerate-train.json",
                        "prescale/load-model.zip",
                        "prescale/prescaleGenerate-sample.json",
                        "prescale/profiles.json");
    }

    @Test
    void loadTestStepParsesThroughputErrorsAndNullLatencies() throws Exception {
        StepResult result = run(
                "prescaleLoadTest",
                Map.of("target", "http://127.0.0.1:9/", "rate", 5, "duration", "1s", "timeout", "500ms"));

        LoadTestDocument document = (LoadTestDocument) result.documents().get(0);
        assertThat(document.errors().connect()).isEqualTo(document.requests()).isPositive();
        assertThat(document.latencyMs().p99()).isNull();
        assertThat(document.notes()).isNotEmpty();
        assertEveryField(result.value(), LoadTestDocument.class, Set.of("stopReason", "profile"));
        assertThat(result.summary().notes()).isEqualTo(document.notes());
    }

    @Test
    void collectCommandsDocumentsMatchTheContract() throws Exception {
        String csv = copy("forecast/nyc_taxi_3w.csv", "history.csv");
        String store = inWorkspace("prescale/store");
        Outcomes.Completed imported = runOne(new Invocation(
                "import",
                List.of("import"),
                List.of("--from", "csv:" + csv, "--series", "load", "--store", store),
                List.of()));
        assertThat(((ImportDocument) imported.document()).stored().count()).isEqualTo(1008);
        assertEveryField(imported.map(), ImportDocument.class, Set.of());

        Outcomes.Completed exported = runOne(new Invocation(
                "export",
                List.of("series", "export"),
                List.of("--series", "load", "--store", store, "--out", inWorkspace("prescale/history.csv")),
                List.of()));
        assertThat(((SeriesExportDocument) exported.document()).samples()).isEqualTo(1008);
        assertEveryField(exported.map(), SeriesExportDocument.class, Set.of());
    }

    @Test
    void publishStepSendsThePolicyWithTheTokenFromAFile() throws Exception {
        assumeTrue(registered("policy publish"), "policy publish is not on this branch yet");
        ScalingPolicy policy = ScalingPolicy.capacityOnly("web", 50, "rps", null);
        Path file = Files.createDirectories(workspace.resolve("prescale")).resolve("policy.json");
        Files.writeString(file, policy.toJson());
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer actuator = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        actuator.createContext("/v1/policies/", exchange -> {
            seen.add(
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                            + exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"name\":\"web\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        actuator.start();
        try {
            host.credentials.put("actuator-token", "actuator-s3cret-token");
            StepResult result = run(
                    "prescalePublish",
                    Map.of(
                            "policy",
                            file.toString(),
                            "dashboards",
                            false,
                            "actuatorUrl",
                            "http://127.0.0.1:" + actuator.getAddress().getPort(),
                            "actuatorCredentialsId",
                            "actuator-token"));

            PolicyPublishDocument document =
                    (PolicyPublishDocument) result.documents().get(0);
            assertThat(document.digest()).isEqualTo(policy.digest());
            assertThat(document.httpStatus()).isEqualTo(200);
            assertThat(seen).containsExactly("PUT /v1/policies/web Bearer actuator-s3cret-token");
            assertEveryField(result.value(), PolicyPublishDocument.class, Set.of());
            assertThat(host.stderr).noneMatch(line -> line.contains("actuator-s3cret-token"));
        } finally {
            actuator.stop(0);
        }
    }

    @Test
    void publishStepSavesTheDashboardsToGrafanaAndLinksThem() throws Exception {
        assumeTrue(registered("grafana publish"), "grafana publish is not on this branch yet");
        // The grafana feature's fake Grafana (test code of the cli module), found by name so that this test
        // compiles before that feature is merged.
        Class<?> fake = Class.forName("io.prescale.cli.grafana.FakeGrafana");
        host.credentials.put("grafana-token", (String) fake.getField("TOKEN").get(null));
        StepResult result = run(
                "prescalePublish",
                Map.of(
                        "publishPolicy",
                        false,
                        "grafanaUrl",
                        (String) fake.getMethod("url").invoke(null),
                        "grafanaCredentialsId",
                        "grafana-token"));

        GrafanaPublishDocument document =
                (GrafanaPublishDocument) result.documents().get(0);
        assertThat(document.dashboards()).isNotEmpty();
        assertEveryField(result.value(), GrafanaPublishDocument.class, Set.of());
        assertThat(result.summary().links()).anyMatch(link -> link.label().startsWith("Dashboard: "));
    }

    @Test
    void tuneStepRejectsABadBudgetNamingIt() throws Exception {
        assumeTrue(registered("tune"), "tune is not on this branch yet");
        Path profiles = Files.writeString(workspace.resolve("profiles.json"), "[]");
        Path space = Files.writeString(workspace.resolve("space.yaml"), "knobs: []\n");
        assertThatThrownBy(() -> run(
                        "prescaleTune",
                        Map.of(
                                "space",
                                space.toString(),
                                "profiles",
                                profiles.toString(),
                                "target",
                                "local",
                                "budget",
                                0,
                                "out",
                                inWorkspace("prescale/policy.json"))))
                .isInstanceOf(StepFailure.class)
                .hasMessageStartingWith("prescaleTune: prescale tune rejected --budget '0': ");
        assertThat(workspace.resolve("prescale/policy.json")).doesNotExist();
    }

    /** Whether {@code command} (e.g. "policy publish") is a command of this build. */
    private static boolean registered(String command) {
        OutputContext output = new OutputContext(
                new PrintStream(PrintStream.nullOutputStream()),
                new PrintStream(PrintStream.nullOutputStream()),
                Map.of());
        CommandLine line = Prescale.newCommandLine(output);
        for (String name : command.split(" ")) {
            line = line.getSubcommands().get(name);
            if (line == null) {
                return false;
            }
        }
        return true;
    }

    private Outcomes.Completed runOne(Invocation invocation) throws Exception {
        ProcessOutput output =
                host.run(invocation.commandLine("java", "prescale.jar", Map.of()), Map.of(), SecretMasker.none());
        return Outcomes.interpret("prescaleCollect", invocation, output);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    /**
     * Every component of {@code type} (and of its nested records, through lists) is a field of the real document,
     * except the dotted names in {@code optional}: the contract ignores unknown fields but must not miss known ones.
     */
    static void assertEveryField(Map<String, Object> document, Class<?> type, Set<String> optional) {
        assertFields(document, type, "", optional);
    }

    private static void assertFields(Map<String, Object> node, Class<?> type, String prefix, Set<String> optional) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + component.getName();
            if (optional.contains(name)) {
                continue;
            }
            assertThat(node)
                    .as("the document of %s has the field %s", type.getSimpleName(), name)
                    .containsKey(component.getName());
            Object value = node.get(component.getName());
            if (component.getType().isRecord() && value instanceof Map<?, ?> child) {
                assertFields(map(child), component.getType(), name + ".", optional);
            }
            if (value instanceof List<?> list
                    && !list.isEmpty()
                    && list.get(0) instanceof Map<?, ?> first
                    && component.getGenericType() instanceof ParameterizedType generic
                    && generic.getActualTypeArguments()[0] instanceof Class<?> element
                    && element.isRecord()) {
                assertFields(map(first), element, name + ".", optional);
            }
        }
    }
}
