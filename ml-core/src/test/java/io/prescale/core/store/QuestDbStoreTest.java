package io.prescale.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prescale.core.series.Aggregation;
import io.prescale.core.series.LoadProfile;
import io.prescale.core.series.TimeSeries;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuestDbStoreTest {
    private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final LoadProfile.Unit COUNT = LoadProfile.Unit.COUNT;

    @TempDir
    Path dir;

    private static TimeSeries minutes(double... values) {
        return TimeSeries.of(T0, MINUTE, values);
    }

    @Test
    void writesAndReadsBackAtItsOwnStepWithGaps() {
        try (QuestDbStore store = QuestDbStore.open(dir)) {
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
        try (QuestDbStore store = QuestDbStore.open(dir)) {
            store.write("web", COUNT, "t", minutes(1, 2, Double.NaN, 4, 5, 6));
            TimeSeries read = store.read("web", T0, T0.plus(Duration.ofMinutes(8)), Duration.ofMinutes(2), aggregation);
            assertThat(read.start()).isEqualTo(T0);
            assertThat(read.values()).containsExactly(a, b, c, Double.NaN);
        }
    }

    @Test
    void listsSeriesByNameAndKeepsThemAcrossReopen() {
        try (QuestDbStore store = QuestDbStore.open(dir)) {
            store.write("b-series", LoadProfile.Unit.RATE, "b.csv", minutes(1, 2));
            store.write("a_series", COUNT, "a.csv", minutes(3));
        }
        try (QuestDbStore store = QuestDbStore.open(dir)) {
            List<SeriesInfo> list = store.list();
            assertThat(list).extracting(SeriesInfo::name).containsExactly("a_series", "b-series");
            assertThat(list.get(1).unit()).isEqualTo(LoadProfile.Unit.RATE);
            assertThat(store.read("b-series").values()).containsExactly(1, 2);
        }
    }

    @Test
    void failedWriteLeavesThePreviousVersionAndNothingHalfWritten() {
        try (QuestDbStore store = QuestDbStore.open(dir)) {
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
        try (QuestDbStore store = QuestDbStore.open(dir)) {
            Iterator<TimeSeries> chunks = List.of(minutes(1, 2), minutes(3)).iterator();
            assertThatThrownBy(() -> store.write("web", COUNT, "t", chunks))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlaps");
            assertThat(store.list()).isEmpty();
        }
    }

    @Test
    void timesBeforeTheEpochAndSubMicrosecondStepsAreRejected() {
        try (QuestDbStore store = QuestDbStore.open(dir)) {
            assertThatThrownBy(() -> store.write("old", COUNT, "t",
                    TimeSeries.of(Instant.parse("1969-12-31T23:59:00Z"), MINUTE, new double[] {1})))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from 1970-01-01T00:00:00Z on");
            assertThatThrownBy(() -> store.write("fine", COUNT, "t", TimeSeries.of(T0, Duration.ofNanos(1500), new double[] {1})))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole number of microseconds");
            store.write("epoch", COUNT, "t", TimeSeries.of(Instant.EPOCH, Duration.ofSeconds(1), new double[] {1, 2}));
            assertThat(store.read("epoch").values()).containsExactly(1, 2);
            assertThat(store.list()).extracting(SeriesInfo::name).containsExactly("epoch");
        }
    }

    @Test
    void replacingASeriesSwapsItWhole() {
        try (QuestDbStore store = QuestDbStore.open(dir)) {
            store.write("web", COUNT, "v1", minutes(1, 2, 3));
            store.write("web", COUNT, "v2", TimeSeries.of(T0, Duration.ofMinutes(5), new double[] {9}));
            assertThat(store.read("web")).isEqualTo(TimeSeries.of(T0, Duration.ofMinutes(5), new double[] {9}));
            assertThat(store.list()).hasSize(1);
        }
    }

    @Test
    void unknownSeriesAndBadNamesAreNamed() {
        try (QuestDbStore store = QuestDbStore.open(dir)) {
            store.write("web", COUNT, "t", minutes(1));
            assertThatThrownBy(() -> store.read("api"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("no series 'api' in the store (series: web)");
            assertThatThrownBy(() -> store.write("bad name", COUNT, "t", minutes(1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'bad name' is not a series name");
            assertThatThrownBy(() -> store.write("gaps", COUNT, "t", minutes(Double.NaN)))
                    .hasMessageContaining("every step is a gap");
            assertThat(store.info("gaps")).isEmpty();
        }
    }

    @Test
    void secondHandleInTheSameProcessIsLockedOut() {
        try (QuestDbStore store = QuestDbStore.open(dir)) {
            assertThatThrownBy(() -> QuestDbStore.open(dir))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("store directory " + store.directory() + " is in use by process "
                            + ProcessHandle.current().pid());
        }
        QuestDbStore.open(dir).close();
    }

    @Test
    void secondProcessIsLockedOutNamingItsPid() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process holder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                LockHolderMain.class.getName(), dir.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked");
            assertThatThrownBy(() -> QuestDbStore.open(dir))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is in use by process " + holder.pid())
                    .hasMessageContaining(dir.toAbsolutePath().toString());
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
        QuestDbStore.open(dir).close();
    }

    @Test
    void directoryThatCannotBeCreatedOrWrittenIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        assertThatThrownBy(() -> QuestDbStore.open(file.resolve("store")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("store directory " + file.resolve("store") + " cannot be created");
        assertThatThrownBy(() -> QuestDbStore.open(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("store directory " + file);
    }

    @Test
    void closedStoreRefusesWork() {
        QuestDbStore store = QuestDbStore.open(dir);
        store.close();
        assertThatThrownBy(store::list).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.write("x", COUNT, "t", List.<TimeSeries>of().iterator()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void emptyChunkListIsRejected() {
        try (QuestDbStore store = QuestDbStore.open(dir)) {
            assertThatThrownBy(() -> store.write("x", COUNT, "t", List.<TimeSeries>of().iterator()))
                    .hasMessageContaining("nothing to write");
        }
    }
}
