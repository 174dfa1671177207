package io.prescale.loadtest.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prescale.core.tune.ConfigSpace;
import io.prescale.core.tune.Configuration;
import io.prescale.core.tune.Measurement;
import io.prescale.core.tune.StagingException;
import io.prescale.core.tune.StagingTarget;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalStagingTargetTest {
    static final ConfigSpace SPACE = ConfigSpace.parse("""
            name: tiny
            knobs:
              - {name: count, type: int, min: 1, max: 2, apply: count}
              - {name: threads, type: int, min: 2, max: 8, step: 2, apply: env, key: THREADS, flag: --threads, role: threads}
            cost: {perInstanceHour: 0.01, perCoreHour: 0.04}
            slo: {p99Ms: 200, errorRate: 0.01}
            """);

    static Configuration config(int count, int threads) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("count", (double) count);
        values.put("threads", (double) threads);
        return new Configuration(values);
    }

    @Test
    void startsHealthyInstancesMeasuresThemAndLeavesNoneBehind() {
        List<Long> pids;
        try (LocalStagingTarget target = LocalStagingTarget.ofThisJvm(SPACE, Duration.ofSeconds(30))) {
            StagingTarget.Deployment deployment = target.apply(config(2, 4));
            assertThat(deployment.addresses()).hasSize(2).allMatch(url -> url.startsWith("http://127.0.0.1:"));
            pids = target.pids();
            assertThat(pids)
                    .hasSize(2)
                    .allMatch(pid ->
                            ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
            LoadTestTrials trials = new LoadTestTrials(
                    target, Duration.ofMillis(500), Duration.ZERO, Duration.ofSeconds(2), "/work", 1);
            Measurement m = trials.run(0, "design", config(2, 4), 40);
            assertThat(m.p99Ms()).isPositive();
            assertThat(m.errorRate()).isLessThan(0.5);
            assertThat(target.pids()).isEqualTo(pids); // the same configuration keeps its instances
        }
        assertThat(pids)
                .allMatch(pid -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true));
    }

    @Test
    void anInstanceThatDiesIsReportedAndTheRestAreStopped() {
        try (LocalStagingTarget target = LocalStagingTarget.ofThisJvm(SPACE, Duration.ofSeconds(30))) {
            target.apply(config(1, 2));
            long pid = target.pids().get(0);
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            ProcessHandle.of(pid).ifPresent(h -> h.onExit().join());
            assertThatThrownBy(target::verify)
                    .isInstanceOf(StagingException.class)
                    .hasMessageContaining("exited");
        }
    }
}
