package io.prescale.core.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prescale.core.scale.ScalingPolicy;
import io.prescale.core.series.LoadProfile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A whole tuning run on a simulated target (the synthetic queueing service of {@link CapacityModelTest}). */
class TunedPolicyTest {
    static final ConfigSpace SPACE = CapacityModelTest.SPACE;

    static List<LoadProfile> days(int n) {
        List<LoadProfile> out = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            double[] values = new double[24];
            for (int h = 0; h < 24; h++) {
                values[h] = 100 + 900 * Math.max(0, Math.sin(Math.PI * (h - 6) / 16)) * (0.9 + 0.02 * d);
            }
            out.add(LoadProfile.of(
                    Instant.parse("2026-01-05T00:00:00Z").plus(Duration.ofDays(d)),
                    Duration.ofHours(1),
                    values,
                    Map.of()));
        }
        return out;
    }

    /** The synthetic service as a trial runner: deterministic, no processes. */
    static TrialRunner simulated() {
        return (trial, phase, config, load) -> {
            double perInstance = load / SPACE.count(config);
            double rho = perInstance / (config.get("cpus") / 2.0 * 1000);
            double p99 = rho < 0.98 ? 10 * (1 + 3 * rho / (1 - rho)) : 2000;
            double errors = rho < 1 ? 0 : 1 - 1 / rho;
            return new Measurement(trial, phase, config, load, p99, errors, load * (1 - errors), 1);
        };
    }

    static TuneOptions options() {
        return TuneOptions.defaults()
                .withBudget(24)
                .withBands(3)
                .withPpo(PpoOptions.defaults().withIterations(4))
                .withCodeVersion("test");
    }

    @Test
    void exportsADigestedPolicyWithProvenanceAndValidation() {
        Clock clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
        TuneResult result =
                new Tuner(SPACE, options(), clock).run(days(10), simulated(), List.of(), TuneListener.silent());
        ScalingPolicy policy = result.policy();
        assertThat(policy.bands()).hasSize(3);
        assertThat(policy.bands().get(2).loadTo()).isInfinite();
        assertThat(policy.digest()).startsWith("sha256:");
        // the digest is the content's: a round trip keeps it, a changed band breaks it
        assertThat(ScalingPolicy.fromJson(policy.toJson()).digest()).isEqualTo(policy.digest());
        String tampered = policy.toJson().replaceFirst("\"count\":(\\d)", "\"count\":9");
        assertThatThrownBy(() -> ScalingPolicy.fromJson(tampered)).hasMessageContaining("digest does not match");
        assertThat(policy.provenance().at("/capacityModel/folds").asInt()).isEqualTo(5);
        assertThat(policy.provenance().at("/validation")).hasSize(3);
        assertThat(policy.provenance().at("/seeds/seed").asLong()).isEqualTo(1);
        assertThat(result.measurements()).hasSizeLessThanOrEqualTo(24);
        assertThat(result.validation()).hasSize(3);
        // the same inputs and seed give the same policy
        TuneResult again =
                new Tuner(SPACE, options(), clock).run(days(10), simulated(), List.of(), TuneListener.silent());
        assertThat(again.policy().digest()).isEqualTo(policy.digest());
    }

    @Test
    void resumesFromKeptMeasurementsWithoutRunningThemAgain() {
        Clock clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
        List<Measurement> kept = new ArrayList<>();
        TrialRunner dying = (trial, phase, config, load) -> {
            if (trial == 6) {
                throw new StagingException("instance 0 exited with code 137");
            }
            return simulated().run(trial, phase, config, load);
        };
        TuneListener keep = new TuneListener() {
            @Override
            public void progress(String message) {}

            @Override
            public void measured(Measurement m) {
                kept.add(m);
            }
        };
        assertThatThrownBy(() -> new Tuner(SPACE, options(), clock).run(days(10), dying, List.of(), keep))
                .isInstanceOf(StagingException.class);
        assertThat(kept).hasSize(6);
        int[] fresh = {0};
        TrialRunner counting = (trial, phase, config, load) -> {
            fresh[0]++;
            return simulated().run(trial, phase, config, load);
        };
        TuneResult result = new Tuner(SPACE, options(), clock).run(days(10), counting, kept, TuneListener.silent());
        assertThat(fresh[0]).isEqualTo(result.measurements().size() - 6);
    }

    @Test
    void anSloNoConfigurationMeetsNamesTheClosestMeasuredOne() {
        ConfigSpace strict =
                new ConfigSpace(SPACE.name(), SPACE.knobs(), SPACE.cost(), new Slo(1, 0), SPACE.workload());
        assertThatThrownBy(() -> new Tuner(strict, options(), Clock.systemUTC())
                        .run(days(10), simulated(), List.of(), TuneListener.silent()))
                .isInstanceOf(UnreachableSloException.class)
                .hasMessageContaining("closest measured was count=")
                .hasMessageContaining("p99 1");
    }

    @Test
    void aBudgetBelowTheDesignsMinimumIsRejected() {
        assertThatThrownBy(() -> new Tuner(SPACE, options().withBudget(5), Clock.systemUTC()).checkBudget())
                .hasMessageContaining("budget 5 is below the minimum");
    }
}
