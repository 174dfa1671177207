package io.prescale.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prescale.core.series.LoadProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {
    private static List<Long> all(ArrivalSchedule schedule) {
        List<Long> times = new ArrayList<>();
        for (long t = schedule.next(); t >= 0; t = schedule.next()) {
            times.add(t);
        }
        return times;
    }

    private static LoadProfile profile(Duration step, double... rates) {
        return LoadProfile.of(Instant.EPOCH, step, rates, Map.of());
    }

    @Test
    void uniformArrivalsAreEvenlySpacedAtTheRate() {
        List<Long> times = all(ArrivalSchedule.of(profile(Duration.ofSeconds(2), 50), Arrivals.UNIFORM, 1));
        assertThat(times).hasSize(100);
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i) - times.get(i - 1)).isBetween(19_999_000L, 20_001_000L);
        }
        assertThat(times.get(times.size() - 1)).isLessThan(2_000_000_000L);
    }

    @Test
    void uniformArrivalsFollowEachStepsRateAndSkipZeroSteps() {
        List<Long> times = all(ArrivalSchedule.of(profile(Duration.ofSeconds(1), 10, 0, 30), Arrivals.UNIFORM, 1));
        assertThat(times.stream().filter(t -> t < 1_000_000_000L)).hasSize(10);
        assertThat(times.stream().filter(t -> t >= 1_000_000_000L && t < 2_000_000_000L))
                .isEmpty();
        assertThat(times.stream().filter(t -> t >= 2_000_000_000L)).hasSize(30);
    }

    @Test
    void poissonArrivalsAreSeededAndHaveTheExpectedCount() {
        LoadProfile p = profile(Duration.ofSeconds(10), 400);
        List<Long> first = all(ArrivalSchedule.of(p, Arrivals.POISSON, 42));
        List<Long> again = all(ArrivalSchedule.of(p, Arrivals.POISSON, 42));
        List<Long> other = all(ArrivalSchedule.of(p, Arrivals.POISSON, 43));
        assertThat(first).isEqualTo(again).isNotEqualTo(other).isSorted();
        // 4000 expected; the Poisson standard deviation is about 63, so ±300 is more than 4 sigma.
        assertThat(first.size()).isBetween(3700, 4300);
        long cv = coefficientOfVariationPercent(first);
        assertThat(cv).as("exponential gaps have CV ≈ 100 %%").isBetween(85L, 115L);
    }

    @Test
    void poissonArrivalsOverManyShortStepsAreUnbiased() {
        double[] rates = new double[1000];
        java.util.Arrays.fill(rates, 100);
        LoadProfile p = profile(Duration.ofMillis(10), rates);
        long total = 0;
        for (long seed = 1; seed <= 20; seed++) {
            total += all(ArrivalSchedule.of(p, Arrivals.POISSON, seed)).size();
        }
        // 20 × 1000 expected; the standard deviation of the total is about 141.
        assertThat(total).isBetween(19_400L, 20_600L);
    }

    private static long coefficientOfVariationPercent(List<Long> times) {
        double sum = 0;
        double sumSq = 0;
        int n = times.size() - 1;
        for (int i = 1; i < times.size(); i++) {
            double gap = times.get(i) - times.get(i - 1);
            sum += gap;
            sumSq += gap * gap;
        }
        double mean = sum / n;
        return Math.round(100 * Math.sqrt(sumSq / n - mean * mean) / mean);
    }

    @Test
    void compressShortensStepsAndKeepsRatesWhileScaleMultipliesRates() {
        LoadProfile p = profile(Duration.ofMinutes(1), 2, 4);
        LoadProfile compressed = ProfileShaping.compress(p, 60);
        assertThat(compressed.step()).isEqualTo(Duration.ofSeconds(1));
        assertThat(compressed.values()).containsExactly(2, 4);
        assertThat(compressed.provenance()).containsEntry("compress", 60.0);
        LoadProfile scaled = ProfileShaping.scale(compressed, 2.5);
        assertThat(scaled.values()).containsExactly(5, 10);
        assertThat(ProfileShaping.scaleForPeak(p, 100)).isEqualTo(25.0);
        assertThat(all(ArrivalSchedule.of(scaled, Arrivals.UNIFORM, 1))).hasSize(15);
    }

    @Test
    void rejectsBadShaping() {
        LoadProfile p = profile(Duration.ofSeconds(1), 2);
        assertThatThrownBy(() -> ProfileShaping.compress(p, 0.5)).hasMessageContaining(">= 1");
        assertThatThrownBy(() -> ProfileShaping.compress(p, 10_000)).hasMessageContaining("shorter than 1 ms");
        assertThatThrownBy(() -> ProfileShaping.scale(p, -1)).hasMessageContaining("> 0");
        assertThatThrownBy(() -> ProfileShaping.constant(0, Duration.ofSeconds(1)))
                .hasMessageContaining("rate");
        assertThatThrownBy(() -> Target.parse("ftp://x/")).hasMessageContaining("http://");
        assertThatThrownBy(() -> Target.parse("http://")).hasMessageContaining("http://");
        assertThatThrownBy(() -> Target.parse("http://a b/")).hasMessageContaining("not a URL");
    }
}
