package io.prescale.core.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import io.prescale.core.series.TimeSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AnomalyExclusionTest {
    private static TimeSeries withSpike() {
        double[] x = AnomalyDetectorContractTest.series(5);
        x[900] = 500;
        return TimeSeries.of(Instant.parse("2024-01-01T00:00:00Z"), Duration.ofMinutes(5), x);
    }

    @Test
    void aFlaggedSpikeAndTheSpanAfterItBecomeGapsAndNothingBeforeIt() {
        TimeSeries series = withSpike();
        AnomalyExclusion exclusion =
                new AnomalyExclusion(AnomalyDetectors.named("best", 1), 1.0, Duration.ofMinutes(50));
        boolean[] mask = exclusion.mask(series);
        assertThat(mask[899]).isFalse();
        for (int i = 900; i <= 910; i++) {
            assertThat(mask[i]).as("row %d", i).isTrue();
        }
        TimeSeries gapped = AnomalyExclusion.withGaps(series, mask);
        assertThat(gapped.values()[905]).isNaN();
        assertThat(gapped.values()[899]).isEqualTo(series.values()[899]);
        assertThat(gapped.size()).isEqualTo(series.size());
    }

    @Test
    void theMaskOfAPrefixIsThePrefixOfTheMask() {
        TimeSeries series = withSpike();
        AnomalyExclusion exclusion = new AnomalyExclusion(AnomalyDetectors.named("best", 1), 1.0, Duration.ofHours(1));
        boolean[] full = exclusion.mask(series);
        boolean[] prefix = exclusion.mask(series.slice(0, 950));
        assertThat(prefix).containsExactly(Arrays.copyOf(full, 950));
        TimeSeries history = series.slice(0, 950);
        assertThat(exclusion.withGapsFor(history, series, full).values())
                .containsExactly(AnomalyExclusion.withGaps(history, prefix).values());
    }
}
