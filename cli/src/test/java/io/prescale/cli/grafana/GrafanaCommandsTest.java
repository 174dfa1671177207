package io.prescale.cli.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import io.prescale.cli.CliRun;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrafanaCommandsTest {
    @StartStop
    private final MockWebServer grafana = new MockWebServer();

    @Test
    void exportWritesDashboardsAndProvider(@TempDir Path dir) {
        CliRun run = CliRun.run("grafana", "export", "--out", dir.toString(), "--json");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.json().get("files")).hasSize(3);
        assertThat(dir.resolve("dashboards/prescale-scaling.json")).exists();
        assertThat(dir.resolve("provisioning/dashboards/prescale.yaml")).exists();
    }

    @Test
    void exportIntoAFileIsBadInput(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "x");
        CliRun run = CliRun.run("grafana", "export", "--out", file.toString(), "--json");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.json().at("/error/option").asText()).isEqualTo("--out");
    }

    @Test
    void publishCreatesTheFolderAndSavesBothDashboards() {
        CliRun run = CliRun.run(
                "grafana",
                "publish",
                "--url",
                FakeGrafana.url(),
                "--grafana-token-file",
                FakeGrafana.tokenFile(),
                "--folder",
                "Prescale",
                "--json");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.json().at("/folder/uid").asText()).isEqualTo("prescale");
        assertThat(run.json().get("dashboards"))
                .extracting(d -> d.get("uid").asText())
                .containsExactly("prescale-scaling", "prescale-learning");
        assertThat(run.stdout() + run.stderr()).doesNotContain(FakeGrafana.TOKEN);
    }

    @Test
    void publishReadsTheTokenFromTheEnvironment() {
        CliRun run = CliRun.run(
                Map.of("GRAFANA_TOKEN", FakeGrafana.TOKEN), "grafana", "publish", "--url", FakeGrafana.url(), "--json");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
    }

    @Test
    void aWrongTokenFailsNamingTheMessageIdWithoutPrintingTheToken() {
        String wrong = "glsa_WrongTokenWrongTokenWrongToken00_deadbeef";
        CliRun run =
                CliRun.run(Map.of("GRAFANA_TOKEN", wrong), "grafana", "publish", "--url", FakeGrafana.url(), "--json");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.json().at("/error/message").asText()).contains("401").contains("api-key.invalid");
        assertThat(run.stdout() + run.stderr()).doesNotContain(wrong);
    }

    @Test
    void anUnreachableGrafanaFailsNamingTheUrl() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/";
        CliRun run =
                CliRun.run(Map.of("GRAFANA_TOKEN", FakeGrafana.TOKEN), "grafana", "publish", "--url", url, "--json");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.json().at("/error/message").asText()).contains(url);
    }

    @Test
    void aFolderThatCannotBeCreatedFails() throws Exception {
        grafana.enqueue(new MockResponse.Builder()
                .code(403)
                .addHeader("Content-Type", "application/json")
                .body("{\"message\":\"Access denied\"}")
                .build());
        CliRun run = CliRun.run(
                Map.of("GRAFANA_TOKEN", FakeGrafana.TOKEN),
                "grafana",
                "publish",
                "--url",
                grafana.url("/").toString(),
                "--json");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.json().at("/error/message").asText()).contains("POST /api/folders: 403");
        assertThat(grafana.takeRequest(5, TimeUnit.SECONDS).getUrl().encodedPath())
                .isEqualTo("/api/folders");
    }

    @Test
    void noTokenIsBadInputNamingTheFileOptionAndTheVariable() {
        CliRun run = CliRun.run("grafana", "publish", "--url", FakeGrafana.url(), "--json");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.json().at("/error/message").asText()).contains("--grafana-token-file", "GRAFANA_TOKEN");
    }

    @Test
    void aUrlThatIsNotHttpIsBadInput() {
        CliRun run = CliRun.run(
                Map.of("GRAFANA_TOKEN", FakeGrafana.TOKEN), "grafana", "publish", "--url", "grafana:3000", "--json");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.json().at("/error/option").asText()).isEqualTo("--url");
    }
}
