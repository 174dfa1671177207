package io.prescale.cli.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prescale.cli.CliRun;
import io.prescale.core.series.LoadProfile;
import io.prescale.loadtest.reference.ReferenceConfig;
import io.prescale.loadtest.reference.ReferenceService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code prescale loadtest} against the reference service on 127.0.0.1. */
class LoadtestCommandTest {
    @TempDir
    Path temp;

    @Test
    void replaysACompressedScaledProfileAgainstTwoInstances() throws Exception {
        // 4 one-minute steps, compressed 120× into 2 s, scaled to a peak of 60 requests/s.
        LoadProfile profile = LoadProfile.of(
                Instant.parse("1995-08-01T00:00:00Z"),
                Duration.ofMinutes(1),
                new double[] {1, 2, 3, 2},
                Map.of("source", "test"));
        Path file = temp.resolve("profile.json");
        profile.write(file);
        ReferenceConfig config = ReferenceConfig.defaults().withCosts(0.1, 1, 2);
        try (ReferenceService a = ReferenceService.start(config);
                ReferenceService b = ReferenceService.start(config)) {
            CliRun run = CliRun.run(
                    "loadtest",
                    "--target",
                    a.url() + "x," + b.url() + "y",
                    "--profile",
                    file.toString(),
                    "--compress",
                    "120",
                    "--peak-rps",
                    "60",
                    "--arrivals",
                    "uniform",
                    "--json");
            assertThat(run.exitCode()).as(run.stderr()).isZero();
            JsonNode json = run.json();
            assertThat(json.get("command").asText()).isEqualTo("loadtest");
            assertThat(json.get("compress").asDouble()).isEqualTo(120.0);
            assertThat(json.get("scale").asDouble()).isEqualTo(20.0);
            assertThat(json.get("durationSeconds").asDouble()).isEqualTo(2.0);
            // 0.5 s each at 20, 40, 60, 40 requests/s.
            assertThat(json.get("requests").asLong()).isEqualTo(80);
            assertThat(json.at("/errors/http5xx").asLong()).isZero();
            assertThat(a.counts().ok() + b.counts().ok()).isEqualTo(80);
            assertThat(a.counts().ok()).isEqualTo(40);
            assertThat(json.get("seed").asLong()).isEqualTo(1);
            assertThat(run.stderr()).contains("loadtest:");
        }
    }

    @Test
    void saysSoWhenTheTargetAnswers503() throws Exception {
        ReferenceConfig config =
                ReferenceConfig.defaults().withCapacity(1, 1, 0, 0).withCosts(0, 200, 0);
        try (ReferenceService service = ReferenceService.start(config)) {
            CliRun run =
                    CliRun.run("loadtest", "--target", service.url(), "--rate", "40", "--duration", "500ms", "--json");
            assertThat(run.exitCode()).as(run.stderr()).isZero();
            JsonNode json = run.json();
            assertThat(json.at("/errors/http5xx").asLong()).isPositive();
            assertThat(json.get("notes").get(0).asText())
                    .contains("requests failed")
                    .contains("http5xx");
        }
    }

    @Test
    void rejectsAMalformedProfileAndABadTarget() throws Exception {
        Path file = temp.resolve("bad.json");
        Files.writeString(file, "{\"schemaVersion\":1,\"values\":[1,-2]}");
        CliRun run = CliRun.run("loadtest", "--target", "http://127.0.0.1:9/", "--profile", file.toString(), "--json");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.json().at("/error/option").asText()).isEqualTo("--profile");
        CliRun url = CliRun.run("loadtest", "--target", "localhost:80", "--rate", "1", "--duration", "1s", "--json");
        assertThat(url.exitCode()).isEqualTo(2);
        assertThat(url.json().at("/error/message").asText()).contains("localhost:80");
    }
}
