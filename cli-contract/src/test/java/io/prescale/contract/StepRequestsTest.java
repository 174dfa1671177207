package io.prescale.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepRequestsTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T02:07:31Z"), ZoneOffset.UTC);
    static final PrescaleSettings SETTINGS = new PrescaleSettings(
            "http://actuator:9464",
            "actuator-token",
            "https://grafana.example",
            "grafana-token",
            "Prescale",
            "http://prometheus:9090",
            "prom-token",
            "http://nomad:4646",
            "nomad-token");

    private static List<String> line(StepRequest request, int index) {
        return request.invocations()
                .get(index)
                .commandLine(
                        "java",
                        "/opt/prescale/prescale.jar",
                        Map.of("actuator-token", "/tmp/s/a", "grafana-token", "/tmp/s/g", "prom-token", "/tmp/s/p"));
    }

    @Test
    void trainRunsForecastTrainWithDefaultsAndJson() {
        StepRequest request =
                StepRequests.of("prescaleTrain", Map.of("input", "prescale/history.csv"), SETTINGS, CLOCK);
        assertThat(line(request, 0))
                .containsExactly(
                        "java",
                        "-jar",
                        "/opt/prescale/prescale.jar",
                        "forecast",
                        "train",
                        "--input",
                        "prescale/history.csv",
                        "--model",
                        "auto",
                        "--out",
                        "prescale/forecast-model.zip",
                        "--seed",
                        "1",
                        "--json");
    }

    @Test
    void generateTrainsThenSamplesFromTheModelItWrote() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("input", "prescale/history.csv");
        args.put("window", 48);
        args.put("n", 4);
        args.put("edgeCases", 2);
        args.put("peak", 2.5);
        args.put("events", List.of("flash-crowd:3@18h/30m", "outage:0@3h/10m"));
        args.put("seed", 7);
        StepRequest request = StepRequests.of("prescaleGenerate", args, SETTINGS, CLOCK);
        assertThat(request.invocations())
                .extracting(Invocation::commandName)
                .containsExactly("generate train", "generate sample");
        assertThat(line(request, 0))
                .containsSubsequence(
                        "--input",
                        "prescale/history.csv",
                        "--model",
                        "vae",
                        "--window",
                        "48",
                        "--out",
                        "prescale/load-model.zip",
                        "--seed",
                        "7",
                        "--json");
        assertThat(line(request, 1))
                .containsSubsequence(
                        "generate",
                        "sample",
                        "--model-file",
                        "prescale/load-model.zip",
                        "--n",
                        "4",
                        "--edge-cases",
                        "2",
                        "--peak",
                        "2.5",
                        "--event",
                        "flash-crowd:3@18h/30m",
                        "--event",
                        "outage:0@3h/10m",
                        "--out",
                        "prescale/profiles.json",
                        "--seed",
                        "7",
                        "--json");
    }

    @Test
    void generateFromAModelFileOnlySamples() {
        StepRequest request = StepRequests.of("prescaleGenerate", Map.of("modelFile", "m.zip"), SETTINGS, CLOCK);
        assertThat(request.invocations()).extracting(Invocation::commandName).containsExactly("generate sample");
    }

    @Test
    void loadTestJoinsTargetsAndPassesProfileShaping() {
        StepRequest request = StepRequests.of(
                "prescaleLoadTest",
                Map.of(
                        "target",
                        List.of("http://10.0.0.1:8080/", "http://10.0.0.2:8080/"),
                        "profile",
                        "p.json",
                        "compress",
                        60,
                        "peakRps",
                        400),
                SETTINGS,
                CLOCK);
        assertThat(line(request, 0))
                .containsSubsequence(
                        "loadtest",
                        "--target",
                        "http://10.0.0.1:8080/,http://10.0.0.2:8080/",
                        "--profile",
                        "p.json",
                        "--compress",
                        "60",
                        "--peak-rps",
                        "400",
                        "--seed",
                        "1",
                        "--json");
    }

    @Test
    void tuneOnNomadPassesTheAddressAsOptionAndTheTokenAsEnvironment() {
        StepRequest request = StepRequests.of(
                "prescaleTune",
                Map.of(
                        "space",
                        "deploy/tune/reference-space.yaml",
                        "profiles",
                        "prescale/profiles.json",
                        "target",
                        "nomad:web-staging/api",
                        "budget",
                        40),
                SETTINGS,
                CLOCK);
        Invocation tune = request.invocations().get(0);
        assertThat(line(request, 0))
                .containsSubsequence(
                        "tune",
                        "--space",
                        "deploy/tune/reference-space.yaml",
                        "--profiles",
                        "prescale/profiles.json",
                        "--target",
                        "nomad:web-staging/api",
                        "--nomad",
                        "http://nomad:4646",
                        "--budget",
                        "40",
                        "--seed",
                        "1",
                        "--out",
                        "prescale/policy.json",
                        "--json");
        assertThat(tune.secrets()).containsExactly(SecretBinding.environment("nomad-token", "NOMAD_TOKEN"));
        assertThat(String.join(" ", line(request, 0))).doesNotContain("nomad-token");
    }

    @Test
    void tuneOnLocalNeedsNoNomad() {
        StepRequest request = StepRequests.of(
                "prescaleTune", Map.of("space", "s.yaml", "profiles", "p.json", "target", "local"), SETTINGS, CLOCK);
        assertThat(line(request, 0)).doesNotContain("--nomad");
        assertThat(request.invocations().get(0).secrets()).isEmpty();
    }

    @Test
    void publishSendsPolicyAndDashboardsWithTokensAsFiles() {
        StepRequest request = StepRequests.of("prescalePublish", Map.of(), SETTINGS, CLOCK);
        assertThat(line(request, 0))
                .containsExactly(
                        "java",
                        "-jar",
                        "/opt/prescale/prescale.jar",
                        "policy",
                        "publish",
                        "--url",
                        "http://actuator:9464",
                        "--file",
                        "prescale/policy.json",
                        "--token-file",
                        "/tmp/s/a",
                        "--json");
        assertThat(line(request, 1))
                .containsExactly(
                        "java",
                        "-jar",
                        "/opt/prescale/prescale.jar",
                        "grafana",
                        "publish",
                        "--url",
                        "https://grafana.example",
                        "--folder",
                        "Prescale",
                        "--grafana-token-file",
                        "/tmp/s/g",
                        "--json");
    }

    @Test
    void publishWithoutAnActuatorUrlSaysWhereToSetIt() {
        assertThatThrownBy(() ->
                        StepRequests.of("prescalePublish", Map.of("dashboards", false), PrescaleSettings.none(), CLOCK))
                .isInstanceOf(StepFailure.class)
                .hasMessageStartingWith("prescalePublish: no actuator URL");
    }

    @Test
    void collectReadsPrometheusOverTheLookbackAndExportsTheCsv() {
        StepRequest request = StepRequests.of(
                "prescaleCollect",
                Map.of("query", "sum(rate(http_requests_total{job=\"web\"}[1m]))", "lookback", "14d"),
                SETTINGS,
                CLOCK);
        assertThat(line(request, 0))
                .containsSubsequence(
                        "import",
                        "--from",
                        "prometheus:http://prometheus:9090",
                        "--query",
                        "sum(rate(http_requests_total{job=\"web\"}[1m]))",
                        "--series",
                        "load",
                        "--store",
                        "prescale/store",
                        "--start",
                        "2026-11-16T02:07:00Z",
                        "--prometheus-token-file",
                        "/tmp/s/p",
                        "--json");
        assertThat(line(request, 1))
                .containsSubsequence(
                        "series",
                        "export",
                        "--series",
                        "load",
                        "--store",
                        "prescale/store",
                        "--out",
                        "prescale/history.csv",
                        "--json");
    }

    @Test
    void unknownArgumentFailsNamingItAndTheAcceptedOnes() {
        assertThatThrownBy(() ->
                        StepRequests.of("prescaleTrain", Map.of("input", "a.csv", "modle", "auto"), SETTINGS, CLOCK))
                .isInstanceOf(StepFailure.class)
                .hasMessage("prescaleTrain: unknown argument 'modle'; expected one of [events, horizon, input, model,"
                        + " out, seed]");
    }

    @Test
    void missingRequiredArgumentFailsNamingIt() {
        assertThatThrownBy(() ->
                        StepRequests.of("prescaleTune", Map.of("space", "s.yaml", "target", "local"), SETTINGS, CLOCK))
                .hasMessage("prescaleTune: argument 'profiles' is required");
    }

    @Test
    void wrongTypesAndBadValuesFailInOneLine() {
        assertThatThrownBy(() -> StepRequests.of(
                        "prescaleGenerate", Map.of("input", "h.csv", "window", "a day"), SETTINGS, CLOCK))
                .hasMessage("prescaleGenerate: argument 'window' must be a whole number, got 'a day'");
        assertThatThrownBy(() -> StepRequests.of(
                        "prescaleTune", Map.of("space", "s", "profiles", "p", "target", "kubernetes"), SETTINGS, CLOCK))
                .hasMessageContaining("must be local or nomad:JOB/GROUP, got 'kubernetes'");
        assertThatThrownBy(() ->
                        StepRequests.of("prescaleCollect", Map.of("query", "up", "lookback", "-3d"), SETTINGS, CLOCK))
                .hasMessageContaining("'lookback' must be a duration > 0");
        assertThatThrownBy(() ->
                        StepRequests.of("prescalePublish", Map.of("grafanaUrl", "https://user:pw@g/"), SETTINGS, CLOCK))
                .hasMessageContaining("not in the URL")
                .hasMessageNotContaining("pw");
    }

    @Test
    void settingsChecksAcceptBlankAndRejectUnsafeValues() {
        assertThat(PrescaleSettings.checkUrl("")).isEmpty();
        assertThat(PrescaleSettings.checkUrl("https://grafana.example/")).isEmpty();
        assertThat(PrescaleSettings.checkUrl("ftp://x")).isPresent();
        assertThat(PrescaleSettings.checkUrl("http://x/?token=1")).isPresent();
        assertThat(PrescaleSettings.checkCredentialsId("grafana-token")).isEmpty();
        assertThat(PrescaleSettings.checkCredentialsId("a b")).isPresent();
        assertThat(PrescaleSettings.checkFolder("x".repeat(256))).isPresent();
    }
}
