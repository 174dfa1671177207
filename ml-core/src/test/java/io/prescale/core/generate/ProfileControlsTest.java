package io.prescale.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.prescale.core.series.LoadProfile;
import io.prescale.core.testing.SyntheticLoad;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileControlsTest {
    static final Duration HALF_HOUR = Duration.ofMinutes(30);

    static double[] day() {
        double[][] rows = SyntheticLoad.dailyRows(1, 48, 3);
        double[] x = new double[48];
        for (int t = 0; t < 48; t++) {
            x[t] = rows[t][0];
        }
        return x;
    }

    @Test
    void shapeControlsSetTheMeasuresAndThePeakFactorExactly() {
        double[] x = day();
        ProfileShape before = ProfileShape.measure(x);
        double[] y = ProfileShape.apply(x, new ProfileControls(null, 0.3, null, 2.5, List.of()));
        ProfileShape after = ProfileShape.measure(y);
        assertThat(after.peakFactor()).isCloseTo(2.5, within(1e-6));
        assertThat(after.trend()).isGreaterThan(before.trend() + 0.1);
        double[] smooth = ProfileShape.apply(x, new ProfileControls(null, null, 0.0, null, List.of()));
        assertThat(ProfileShape.measure(smooth).noise()).isLessThan(before.noise() / 2);
        double[] flat = ProfileShape.apply(x, new ProfileControls(0.0, null, null, null, List.of()));
        assertThat(ProfileShape.measure(flat).seasonality()).isLessThan(before.seasonality() / 3);
    }

    @Test
    void eventsChangeTheirStretchOnly() {
        double[] x = new double[48];
        java.util.Arrays.fill(x, 10);
        LoadEvent.parse("flash-crowd:3@10h/2h").applyTo(x, HALF_HOUR);
        assertThat(x[19]).isEqualTo(10);
        assertThat(x[20]).isEqualTo(30);
        assertThat(x[23]).isBetween(10.0, 30.0);
        assertThat(x[24]).isEqualTo(10);
        LoadEvent.parse("outage:1@0h/1h").applyTo(x, HALF_HOUR);
        assertThat(x[0]).isZero();
        assertThat(x[2]).isEqualTo(10);
        LoadEvent.parse("ramp:2@20h/2h").applyTo(x, HALF_HOUR);
        assertThat(x[47]).isEqualTo(20);
        LoadEvent.parse("level-shift:0.5@PT1H/PT30M").applyTo(x, HALF_HOUR);
        assertThat(x[2]).isEqualTo(5);
    }

    @Test
    void outOfRangeControlsAndEventsAreRefusedWithTheValue() {
        assertThatThrownBy(() -> new ProfileControls(null, null, -0.1, null, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("noise")
                .hasMessageContaining("-0.1");
        assertThatThrownBy(() -> new ProfileControls(null, null, null, 0.5, List.of()))
                .hasMessageContaining("peak")
                .hasMessageContaining("0.5");
        assertThatThrownBy(() -> LoadEvent.parse("earthquake:2@1h/1h")).hasMessageContaining("earthquake");
        assertThatThrownBy(() -> LoadEvent.parse("outage:2@1h/1h")).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> LoadEvent.parse("flash-crowd:3@23h/2h").applyTo(new double[48], HALF_HOUR))
                .hasMessageContaining("past the profile's end");
    }

    @Test
    void generatorWritesReproducibleLoadProfilesUnderControls() {
        Evaluation.Split split = Evaluation.split(SyntheticLoad.dailyRows(20, 24, 1), 24);
        LoadModel copy = Baselines.copyTraining().train(split.train(), 1);
        ProfileGenerator generator = new ProfileGenerator(
                copy, Instant.parse("2030-01-01T00:00:00Z"), Duration.ofHours(1), LoadProfile.Unit.COUNT, 0);
        ProfileControls controls =
                new ProfileControls(null, null, null, 3.0, List.of(LoadEvent.parse("outage:0.5@2h/1h")));
        List<LoadProfile> a = generator.sample(3, controls, 8);
        assertThat(generator.sample(3, controls, 8)).isEqualTo(a);
        assertThat(a).hasSize(3).allSatisfy(p -> {
            assertThat(p.size()).isEqualTo(24);
            assertThat(p.provenance()).containsEntry("kind", "typical");
            assertThat(LoadProfile.fromJson(p.toJson()).values()).containsExactly(p.values());
        });
        assertThatThrownBy(() -> generator.sample(
                        1,
                        new ProfileControls(null, null, null, null, List.of(LoadEvent.parse("outage:0.5@30h/1h"))),
                        1))
                .hasMessageContaining("past the profile's end");
    }
}
