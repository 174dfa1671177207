package io.prescale.core.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigSpaceTest {
    static final String VALID = """
            name: svc
            knobs:
              - {name: count, type: int, min: 1, max: 3, apply: count}
              - {name: cpus, type: int, min: 1, max: 2, apply: resources.cpu, role: cpus}
              - {name: threads, type: int, min: 4, max: 16, step: 4, apply: env, key: THREADS, role: threads}
            cost: {perInstanceHour: 0.01, perCoreHour: 0.04, perGbHour: 0.005, baseMemoryMb: 1024, memoryMbPer: {threads: 1}}
            slo: {p99Ms: 100, errorRate: 0.01}
            """;

    @Test
    void readsKnobsCostAndSlo() {
        ConfigSpace space = ConfigSpace.parse(VALID);
        assertThat(space.knobs()).extracting(Knob::name).containsExactly("count", "cpus", "threads");
        assertThat(space.knob("threads").levels()).containsExactly(4.0, 8.0, 12.0, 16.0);
        assertThat(space.knob("cpus").restart()).isTrue();
        assertThat(space.knob("count").restart()).isFalse();
        assertThat(space.grid()).hasSize(3 * 2 * 4);
        Configuration config = space.grid().get(space.grid().size() - 1);
        // 3 × (0.01 + 0.04 × 2 + 0.005 × (1024 + 16) / 1024)
        assertThat(space.costPerHour(config))
                .isCloseTo(3 * (0.01 + 0.08 + 0.005 * 1040 / 1024.0), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(space.slo()).isEqualTo(new Slo(100, 0.01));
    }

    @Test
    void theShippedReferenceSpaceParses() throws Exception {
        Path file = Path.of("../deploy/tune/reference-space.yaml");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(file), "runs from the ml-core module directory");
        ConfigSpace space = ConfigSpace.read(file);
        assertThat(space.instancesKnob().name()).isEqualTo("count");
        assertThat(space.knobs()).hasSize(5);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "inverted range | {name: threads, type: int, min: 16, max: 4, apply: env, key: T} | range is inverted: min 16 > max 4",
                "empty range | {name: threads, type: int, min: 4, max: 4, apply: env, key: T} | range is empty",
                "unknown type | {name: threads, type: float, min: 4, max: 8, apply: env, key: T} | unknown knob type 'float'",
                "unknown apply mode | {name: threads, type: int, min: 4, max: 8, apply: sidecar} | unknown apply mode 'sidecar'",
                "env without key | {name: threads, type: int, min: 4, max: 8, apply: env} | needs a key",
                "unknown key | {name: threads, type: int, min: 4, max: 8, apply: meta, key: t, colour: red} | unknown key 'colour'",
            })
    void rejectsBadKnobsNamingThem(String why, String knob, String expected) {
        String yaml = """
                name: svc
                knobs:
                  - {name: count, type: int, min: 1, max: 3, apply: count}
                  - KNOB
                cost: {perCoreHour: 0.04}
                slo: {p99Ms: 100}
                """.replace("KNOB", knob);
        assertThatThrownBy(() -> ConfigSpace.parse(yaml))
                .as(why)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threads")
                .hasMessageContaining(expected);
    }

    @Test
    void reportsEveryProblemAtOnce() {
        String yaml = """
                name: svc
                knobs:
                  - {name: count, type: int, min: 3, max: 1, apply: count}
                cost: {perCoreHour: -1}
                slo: {p99Ms: 0}
                """;
        assertThatThrownBy(() -> ConfigSpace.parse(yaml))
                .hasMessageContaining("inverted")
                .hasMessageContaining("perCoreHour")
                .hasMessageContaining("p99Ms");
    }

    @Test
    void needsExactlyOneInstanceCountKnob() {
        String yaml = """
                name: svc
                knobs:
                  - {name: cpus, type: int, min: 1, max: 2, apply: resources.cpu}
                cost: {perCoreHour: 0.04}
                slo: {p99Ms: 100}
                """;
        assertThatThrownBy(() -> ConfigSpace.parse(yaml)).hasMessageContaining("exactly one knob with role instances");
    }

    @Test
    void aCacheHitRatioGrowsWithItsSizeAsZipfSays() {
        Workload w = Workload.referenceDefaults();
        assertThat(w.hitRatio(0)).isZero();
        assertThat(w.hitRatio(16)).isBetween(0.70, 0.78); // H(4096)/H(100000) ≈ 0.74 for s = 1
        assertThat(w.hitRatio(64)).isGreaterThan(w.hitRatio(16));
        assertThat(w.hitRatio(1_000_000)).isEqualTo(1.0);
    }
}
