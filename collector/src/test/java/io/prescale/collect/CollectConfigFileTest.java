package io.prescale.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prescale.core.series.LoadProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectConfigFileTest {
    @TempDir
    Path dir;

    @Test
    void theShippedExampleReads() throws Exception {
        Path example = Path.of("..", "deploy", "collect.example.yaml");
        CollectConfig config = CollectConfigFile.read(example, CollectConfig.defaults());
        assertThat(config.problems()).isEmpty();
        assertThat(config.push()).isNotEmpty();
        assertThat(config.pull()).isNotEmpty();
        assertThat(config.retention().raw()).isEqualTo(Duration.ofDays(35));
        assertThat(config.retention().rollups()).isEqualTo(Duration.ofDays(730));
    }

    @Test
    void readsEveryKey() throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, """
                store: {dir: /tmp/elsewhere}
                collect:
                  listen: 127.0.0.1:0
                  maxBodyBytes: 1000
                  remoteWrite:
                    - {name: web_rate, selector: 'prescale:request_rate{job="web"}', step: 1s, unit: rate}
                  pull:
                    prometheus: http://127.0.0.1:9090
                    every: 30s
                    backfill: 7d
                    queries:
                      - {name: web_p99, query: 'histogram_quantile(0.99, sum by (le) (rate(x_bucket[5m])))', step: 1m, unit: count}
                  retention: {raw: 10d, rollups: 365d, outOfOrderWindow: 30m, maintenanceEvery: 5m}
                """);
        CollectConfig config = CollectConfigFile.read(file, CollectConfig.defaults());
        assertThat(config.listen().getPort()).isZero();
        assertThat(config.maxBodyBytes()).isEqualTo(1000);
        assertThat(config.push()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("web_rate");
            assertThat(r.step()).isEqualTo(Duration.ofSeconds(1));
        });
        assertThat(config.pull())
                .singleElement()
                .satisfies(r -> assertThat(r.unit()).isEqualTo(LoadProfile.Unit.COUNT));
        assertThat(config.every()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.backfill()).isEqualTo(Duration.ofDays(7));
        assertThat(config.retention().raw()).isEqualTo(Duration.ofDays(10));
        assertThat(config.retention().lateness()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.maintenanceEvery()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void everyProblemIsReportedAtOnce() throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, """
                collect:
                  listen: nowhere
                  colour: blue
                  remoteWrite:
                    - {name: web, selector: 'x{job=web}'}
                  pull:
                    queries:
                      - {name: p, query: 'sum(rate(x[5m])'}
                """);
        assertThatThrownBy(() -> CollectConfigFile.read(file, CollectConfig.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'nowhere' is not HOST:PORT")
                .hasMessageContaining("unknown key 'collect.colour'")
                .hasMessageContaining("collect.remoteWrite[0].")
                .hasMessageContaining("selector 'x{job=web}' does not parse")
                .hasMessageContaining("query 'sum(rate(x[5m])' does not parse");
    }
}
