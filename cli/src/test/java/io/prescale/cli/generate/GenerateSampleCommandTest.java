package io.prescale.cli.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prescale.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code prescale generate sample}: edge cases ranked by the anomaly package's isolation forest. */
class GenerateSampleCommandTest {
    private static final String MODEL = "src/test/resources/generate/vae-small.zip";

    @Test
    void edgeCasesCanBeRankedByTheIsolationForestAndAreReproducible(@TempDir Path temp) throws Exception {
        List<JsonNode> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            CliRun run = CliRun.run(
                    "generate",
                    "sample",
                    "--model-file",
                    MODEL,
                    "--n",
                    "1",
                    "--edge-cases",
                    "2",
                    "--edge-detector",
                    "iforest",
                    "--seed",
                    "5",
                    "--out",
                    temp.resolve("p" + i + ".json").toString(),
                    "--json");
            assertThat(run.exitCode()).as(run.stderr()).isZero();
            runs.add(run.json().get("profiles"));
        }
        JsonNode profiles = runs.get(0);
        assertThat(profiles).hasSize(3);
        assertThat(profiles.get(1).get("anomalyDetector").asText()).isEqualTo("iforest");
        double first = profiles.get(1).get("anomalyScore").asDouble();
        double second = profiles.get(2).get("anomalyScore").asDouble();
        assertThat(first).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(second);
        assertThat(runs.get(1)).isEqualTo(runs.get(0));
        assertThat(Files.readString(temp.resolve("p0.json"))).isEqualTo(Files.readString(temp.resolve("p1.json")));
    }

    @Test
    void anUnknownEdgeDetectorIsBadInputNamingTheChoices(@TempDir Path temp) {
        CliRun run = CliRun.run(
                "generate",
                "sample",
                "--model-file",
                MODEL,
                "--edge-cases",
                "1",
                "--edge-detector",
                "magic",
                "--out",
                temp.resolve("p.json").toString(),
                "--json");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.json().at("/error/message").asText()).contains("magic").contains("iforest");
        assertThat(temp.resolve("p.json")).doesNotExist();
    }
}
