package io.prescale.core.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeSeriesTest {
    private static final Instant T0 = Instant.parse("2014-07-01T00:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void stepsCoverHalfOpenIntervalsFromStart() {
        TimeSeries series = TimeSeries.of(T0, MINUTE, new double[] {1, 2, 3});
        assertThat(series.timeAt(1)).isEqualTo(T0.plusSeconds(60));
        assertThat(series.end()).isEqualTo(T0.plusSeconds(180));
        assertThat(series.indexOf(T0.plusSeconds(119))).isEqualTo(1);
        assertThat(series.indexOf(T0.minusSeconds(1))).isEqualTo(-1);
    }

    @Test
    void valuesAreCopiedInAndOut() {
        double[] values = {1, 2};
        TimeSeries series = TimeSeries.of(T0, MINUTE, values);
        values[0] = 99;
        series.values()[1] = 99;
        assertThat(series.values()).containsExactly(1, 2);
    }

    @ParameterizedTest
    @CsvSource({"SUM,3", "MEAN,1.5", "MAX,2", "MIN,1", "LAST,2"})
    void resamplingSkipsGapsAndKeepsEmptyBucketsAsGaps(Aggregation aggregation, double firstBucket) {
        TimeSeries series = TimeSeries.of(T0, MINUTE, new double[] {1, 2, 3, Double.NaN, 4, Double.NaN, Double.NaN});
        TimeSeries resampled = series.resample(Duration.ofMinutes(2), aggregation);
        assertThat(resampled.step()).isEqualTo(Duration.ofMinutes(2));
        assertThat(resampled.values()).hasSize(4);
        assertThat(resampled.valueAt(0)).isEqualTo(firstBucket);
        assertThat(resampled.valueAt(1)).as("bucket [3, NaN]").isEqualTo(3.0);
        assertThat(resampled.valueAt(2)).as("bucket [4, NaN]").isEqualTo(4.0);
        assertThat(resampled.valueAt(3))
                .as("bucket [NaN] is a gap, even for sum")
                .isNaN();
    }

    @Test
    void resampleRefusesAStepThatIsNotAWholeMultiple() {
        TimeSeries series = TimeSeries.of(T0, MINUTE, new double[] {1, 2});
        assertThatThrownBy(() -> series.resample(Duration.ofSeconds(90), Aggregation.SUM))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT1M30S")
                .hasMessageContaining("PT1M");
    }

    @Test
    void infinitiesAreRejectedBecauseGapsAreNaN() {
        assertThatThrownBy(() -> TimeSeries.of(T0, MINUTE, new double[] {1, Double.POSITIVE_INFINITY}))
                .hasMessageContaining("value 1 is infinite");
    }

    @Test
    void betweenClipsToWholeStepsInsideTheRange() {
        TimeSeries series = TimeSeries.of(T0, MINUTE, new double[] {0, 1, 2, 3, 4});
        TimeSeries part = series.between(T0.plusSeconds(30), T0.plusSeconds(240));
        assertThat(part.start()).isEqualTo(T0.plusSeconds(60));
        assertThat(part.values()).containsExactly(1, 2, 3);
        assertThat(series.between(T0.plusSeconds(900), T0.plusSeconds(1000)).isEmpty())
                .isTrue();
    }

    @Property(tries = 200)
    void sumResamplingPreservesTheTotal(
            @ForAll @Size(min = 1, max = 200) double[] raw, @ForAll @IntRange(min = 1, max = 13) int factor) {
        double[] values = new double[raw.length];
        double total = 0;
        for (int i = 0; i < raw.length; i++) {
            values[i] = Double.isFinite(raw[i]) ? Math.abs(raw[i]) % 1000 : 0;
            total += values[i];
        }
        TimeSeries resampled = TimeSeries.of(T0, MINUTE, values).resample(MINUTE.multipliedBy(factor), Aggregation.SUM);
        double sum = 0;
        for (double v : resampled.values()) {
            sum += v;
        }
        assertThat(sum).isCloseTo(total, org.assertj.core.data.Offset.offset(1e-6 * Math.max(1, total)));
        assertThat(resampled.size()).isEqualTo((values.length + factor - 1) / factor);
    }

    @Property(tries = 100)
    void meanOfABucketLiesBetweenItsMinAndMax(
            @ForAll @Size(min = 1, max = 50) double[] raw, @ForAll @DoubleRange(min = 0, max = 1) double gapShare) {
        double[] values = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            values[i] = (i * 0.37 % 1) < gapShare || !Double.isFinite(raw[i]) ? Double.NaN : raw[i] % 1e6;
        }
        double mean = Aggregation.MEAN.apply(values, 0, values.length);
        double min = Aggregation.MIN.apply(values, 0, values.length);
        double max = Aggregation.MAX.apply(values, 0, values.length);
        if (Double.isNaN(min)) {
            assertThat(mean).isNaN();
        } else {
            assertThat(mean).isBetween(min - 1e-6 * Math.abs(min), max + 1e-6 * Math.abs(max));
        }
    }
}
