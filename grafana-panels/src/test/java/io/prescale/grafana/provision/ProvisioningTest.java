package io.prescale.grafana.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prescale.grafana.dashboard.DashboardJson;
import io.prescale.grafana.dashboard.PrescaleDashboards;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvisioningTest {
    @Test
    void writesBareDashboardsAndAProviderThatPointsAtThem(@TempDir Path out) throws Exception {
        List<Path> files = Provisioning.write(out, PrescaleDashboards.all(), ProvisioningLayout.defaults());
        assertThat(files)
                .containsExactly(
                        Path.of("dashboards/prescale-scaling.json"),
                        Path.of("dashboards/prescale-learning.json"),
                        Path.of("provisioning/dashboards/prescale.yaml"));
        JsonNode scaling = new ObjectMapper()
                .readTree(out.resolve("dashboards/prescale-scaling.json").toFile());
        assertThat(scaling.has("dashboard"))
                .as("no API wrapper in a provisioning file")
                .isFalse();
        assertThat(scaling.get("uid").asText()).isEqualTo("prescale-scaling");
        assertThat(Files.readAllBytes(out.resolve("dashboards/prescale-scaling.json")))
                .isEqualTo(DashboardJson.bytes(PrescaleDashboards.scaling()));
        String yaml = Files.readString(out.resolve("provisioning/dashboards/prescale.yaml"));
        assertThat(yaml)
                .contains(
                        "apiVersion: 1",
                        "type: file",
                        "folder: 'Prescale'",
                        "folderUid: 'prescale'",
                        "path: '/var/lib/grafana/dashboards/prescale'",
                        "foldersFromFilesStructure: false");
        try (Stream<Path> all = Files.walk(out)) {
            assertThat(all.filter(p -> p.getFileName().toString().endsWith(".tmp")))
                    .isEmpty();
        }
    }

    @Test
    void writesADatasourceOnlyWhenGivenAPrometheusUrl(@TempDir Path out) throws Exception {
        List<Path> files = Provisioning.write(
                out,
                PrescaleDashboards.all(),
                ProvisioningLayout.defaults().withPrometheusUrl(URI.create("http://prometheus:9090")));
        assertThat(files).contains(Path.of("provisioning/datasources/prescale-prometheus.yaml"));
        assertThat(Files.readString(out.resolve("provisioning/datasources/prescale-prometheus.yaml")))
                .contains("type: prometheus", "url: 'http://prometheus:9090'");
    }

    @Test
    void refusesYamlBreakingNamesAndRelativePaths() {
        assertThatThrownBy(() -> ProvisioningLayout.defaults().withFolder("a'b"))
                .hasMessageContaining("folder");
        assertThatThrownBy(() -> ProvisioningLayout.defaults().withDashboardsPath("dashboards"))
                .hasMessageContaining("absolute");
    }

    @Test
    void theShippedExampleDeploymentIsWhatExportWritesToday() throws Exception {
        Path deploy = Path.of("../deploy/grafana");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(deploy), "deploy/grafana not found");
        for (var d : PrescaleDashboards.all()) {
            assertThat(java.util.Arrays.equals(
                            Files.readAllBytes(deploy.resolve("dashboards").resolve(d.fileName())),
                            DashboardJson.bytes(d)))
                    .as("deploy/grafana/dashboards/" + d.fileName() + " is stale: run prescale grafana export --out "
                            + "deploy/grafana --prometheus-url http://127.0.0.1:9090")
                    .isTrue();
        }
    }
}
