package io.prescale.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prescale.core.series.Aggregation;
import io.prescale.core.series.LoadProfile;
import io.prescale.core.series.TimeSeries;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The contract of {@link MetricStore}: every implementation's test extends this class and says how to open a
 * store in a fresh directory.
 */
abstract class MetricStoreContractTest {
    static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");
    static final Duration MINUTE = Duration.ofMinutes(1);
    static final LoadProfile.Unit COUNT = LoadProfile.Unit.COUNT;

    @TempDir
    Path dir;

    /** A new, empty store in {@code directory}; closed by the test. */
    protected abstract MetricStore newStore(Path directory);

    static TimeSeries minutes(double... values) {
        return TimeSeries.of(T0, MINUTE, values);
    }

    @Test
    void writesAndReadsBackAtItsOwnStepWithGaps() {
        try (MetricStore store = newStore(dir)) {
            SeriesInfo info = store.write("web", COUNT, "test.csv", minutes(1, 2, Double.NaN, 4, 5));
            assertThat(info.start()).isEqualTo(T0);
            assertThat(info.end()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
            assertThat(info.step()).isEqualTo(MINUTE);
            assertThat(info.count()).isEqualTo(4);
            assertThat(info.gaps()).isEqualTo(1);
            assertThat(info.source()).isEqualTo("test.csv");
            TimeSeries back = store.read("web");
            assertThat(back).isEqualTo(minutes(1, 2, Double.NaN, 4, 5));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"SUM, 3, 4, 11", "MEAN, 1.5, 4, 5.5", "MAX, 2, 4, 6", "MIN, 1, 4, 5", "LAST, 2, 4, 6"})
    void aggregatesEachStepOfTheRange(Aggregation aggregation, double a, double b, double c) {
        try (MetricStore store = newStore(dir)) {
            store.write("web", COUNT, "t", minutes(1, 2, Double.NaN, 4, 5, 6));
            TimeSeries read = store.read("web", T0, T0.plus(Duration.ofMinutes(8)), Duration.ofMinutes(2), aggregation);
            assertThat(read.start()).isEqualTo(T0);
            assertThat(read.values()).containsExactly(a, b, c, Double.NaN);
        }
    }

    @Test
    void failedWriteLeavesThePreviousVersionAndNothingHalfWritten() {
        try (MetricStore store = newStore(dir)) {
            store.write("web", COUNT, "v1", minutes(1, 2, 3));
            Iterator<TimeSeries> failing = new Iterator<>() {
                int served;

                @Override
                public boolean hasNext() {
                    return true;
                }

                @Override
                public TimeSeries next() {
                    if (served++ == 0) {
                        return TimeSeries.of(T0, MINUTE, new double[] {7, 8, 9, 10});
                    }
                    throw new IllegalStateException("source broke after the first chunk");
                }
            };
            assertThatThrownBy(() -> store.write("web", COUNT, "v2", failing)).hasMessageContaining("source broke");
            assertThatThrownBy(() -> store.write("fresh", COUNT, "v2", failing)).hasMessageContaining("source broke");
            assertThat(store.read("web").values()).containsExactly(1, 2, 3);
            assertThat(store.info("web").orElseThrow().source()).isEqualTo("v1");
            assertThat(store.list()).extracting(SeriesInfo::name).containsExactly("web");
            assertThat(store.info("fresh")).isEmpty();
        }
    }

    @Test
    void chunksOutOfOrderAreRejectedBeforeAnythingLands() {
        try (MetricStore store = newStore(dir)) {
            Iterator<TimeSeries> chunks = List.of(minutes(1, 2), minutes(3)).iterator();
            assertThatThrownBy(() -> store.write("web", COUNT, "t", chunks))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("overlaps");
            assertThat(store.list()).isEmpty();
        }
    }

    @Test
    void replacingASeriesSwapsItWhole() {
        try (MetricStore store = newStore(dir)) {
            store.write("web", COUNT, "v1", minutes(1, 2, 3));
            store.write("web", COUNT, "v2", TimeSeries.of(T0, Duration.ofMinutes(5), new double[] {9}));
            assertThat(store.read("web")).isEqualTo(TimeSeries.of(T0, Duration.ofMinutes(5), new double[] {9}));
            assertThat(store.list()).hasSize(1);
        }
    }

    @Test
    void unknownSeriesAndBadNamesAreNamed() {
        try (MetricStore store = newStore(dir)) {
            store.write("web", COUNT, "t", minutes(1));
            assertThatThrownBy(() -> store.read("api"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("no series 'api' in the store (series: web)");
            assertThatThrownBy(() -> store.write("bad name", COUNT, "t", minutes(1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'bad name' is not a series name");
            assertThatThrownBy(() -> store.write("gaps", COUNT, "t", minutes(Double.NaN)))
                    .hasMessageContaining("every step is a gap");
            assertThat(store.info("gaps")).isEmpty();
        }
    }

    @Test
    void emptyChunkListIsRejected() {
        try (MetricStore store = newStore(dir)) {
            assertThatThrownBy(() ->
                            store.write("x", COUNT, "t", List.<TimeSeries>of().iterator()))
                    .hasMessageContaining("nothing to write");
        }
    }
}
