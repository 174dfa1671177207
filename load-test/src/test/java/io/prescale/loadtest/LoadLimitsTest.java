package io.prescale.loadtest;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prescale.core.series.LoadProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadLimitsTest {
    private static LoadProfile profile(Duration step, double... rates) {
        return LoadProfile.of(Instant.EPOCH, step, rates, Map.of());
    }

    @Test
    void aRateAboveTheLimitIsRefusedNamingTheStepAndTheLimit() {
        assertThatThrownBy(() -> LoadLimits.check(profile(Duration.ofSeconds(1), 10, 1e308), Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("step 1")
                .hasMessageContaining("limit of 100000 requests/s");
    }

    @Test
    void aRunLongerThanAWeekIsRefused() {
        assertThatThrownBy(() -> LoadLimits.check(profile(Duration.ofDays(8), 1), Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit of PT168H");
    }

    @Test
    void rateTimesTimeoutBoundsTheWaitingRequests() {
        assertThatThrownBy(() -> LoadLimits.check(profile(Duration.ofSeconds(1), 100_000), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wait for a connection");
        assertThatCode(() -> LoadLimits.check(profile(Duration.ofSeconds(1), 100_000), Duration.ofSeconds(10)))
                .doesNotThrowAnyException();
    }

    @Test
    void theGeneratorRefusesBeforeSendingAnything() {
        LoadTestOptions options = LoadTestOptions.defaults(List.of(Target.parse("http://127.0.0.1:9/")));
        assertThatThrownBy(() -> LoadGenerator.create(options, line -> {}).run(profile(Duration.ofSeconds(1), 1e12)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit of 100000 requests/s");
    }
}
