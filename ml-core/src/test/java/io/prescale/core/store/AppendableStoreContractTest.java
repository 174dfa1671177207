package io.prescale.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prescale.core.series.Aggregation;
import io.prescale.core.series.LoadProfile;
import io.prescale.core.series.TimeSeries;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract of {@link AppendableStore}: idempotence, late samples, gaps, rollups, retention and tiered reads.
 * Every implementation's test extends this class and says how to open a store in a directory (reopening the
 * same directory must give the same data).
 */
abstract class AppendableStoreContractTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final long MS0 = T0.toEpochMilli();
    private static final AppendOptions OPTIONS =
            AppendOptions.defaults().withStep(Duration.ofSeconds(1)).withSource("test");

    @TempDir
    Path dir;

    /** Opens (creating if needed) the store in {@code directory}. */
    protected abstract AppendableStore open(Path directory);

    private static SampleBatch seconds(int from, double... values) {
        long[] times = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            times[i] = MS0 + (from + i) * 1000L;
        }
        return new SampleBatch(times, values);
    }

    @Test
    void resendingTheSameBatchStoresNothingTwice() {
        try (AppendableStore store = open(dir)) {
            AppendResult first = store.append("web", OPTIONS, seconds(0, 1, 2, 3));
            AppendResult again = store.append("web", OPTIONS, seconds(0, 1, 2, 3));
            assertThat(first.stored()).isEqualTo(3);
            assertThat(again.stored()).isZero();
            assertThat(again.duplicates()).isEqualTo(3);
            assertThat(store.info("web").orElseThrow().count()).isEqualTo(3);
            assertThat(store.read("web").values()).containsExactly(1, 2, 3);
        }
    }

    @Test
    void lateSamplesWithinTheWindowAreMergedInTimeOrderAndOlderOnesRejected() {
        try (AppendableStore store = open(dir)) {
            store.append("web", OPTIONS.withOutOfOrderWindow(Duration.ofSeconds(10)), seconds(0, 0, 1));
            store.append("web", OPTIONS.withOutOfOrderWindow(Duration.ofSeconds(10)), seconds(20, 20, 21));
            AppendResult late = store.append(
                    "web",
                    OPTIONS.withOutOfOrderWindow(Duration.ofSeconds(10)),
                    new SampleBatch(
                            new long[] {MS0 + 15_000, MS0 + 5_000, MS0 + 21_000, MS0 + 22_000},
                            new double[] {15, 5, 99, 22}));
            assertThat(late.stored()).as("15 merged, 22 appended").isEqualTo(2);
            assertThat(late.tooOld()).as("5 s is 16 s behind the newest").isEqualTo(1);
            assertThat(late.duplicates()).as("21 s is stored already").isEqualTo(1);
            TimeSeries all = store.read("web");
            assertThat(all.size()).isEqualTo(23);
            assertThat(all.valueAt(15)).isEqualTo(15);
            assertThat(all.valueAt(21)).as("the stored sample is kept").isEqualTo(21);
            assertThat(all.valueAt(22)).isEqualTo(22);
            assertThat(store.info("web").orElseThrow().gaps()).isEqualTo(23 - 6);
        }
    }

    @Test
    void gapsAndStalenessMarkersAreCountedNotStoredAndABatchInDisorderIsSorted() {
        double staleMarker = Double.longBitsToDouble(0x7ff0000000000002L);
        try (AppendableStore store = open(dir)) {
            AppendResult result = store.append(
                    "web",
                    OPTIONS,
                    new SampleBatch(
                            new long[] {MS0 + 3000, MS0, MS0 + 1000, MS0 + 2000, MS0 + 1000},
                            new double[] {3, 0, 1, staleMarker, 1.5}));
            assertThat(result.gaps()).isEqualTo(1);
            assertThat(result.duplicates())
                    .as("the repeated time in the batch: the last one counts")
                    .isEqualTo(1);
            assertThat(result.stored()).isEqualTo(3);
            assertThat(result.newestMillis()).isEqualTo(MS0 + 3000);
            assertThat(store.read("web").values()).containsExactly(0, 1.5, Double.NaN, 3);
            assertThat(store.info("web").orElseThrow().gaps()).isEqualTo(1);
        }
    }

    @Test
    void newestSurvivesReopenAndAppendsResumeAfterIt() {
        try (AppendableStore store = open(dir)) {
            store.append("web", OPTIONS, seconds(0, 1, 2));
        }
        try (AppendableStore store = open(dir)) {
            assertThat(store.newestMillis("web")).hasValue(MS0 + 1000);
            assertThat(store.newestMillis("api")).isEmpty();
            AppendResult result = store.append("web", OPTIONS, seconds(1, 2, 3));
            assertThat(result.duplicates()).isEqualTo(1);
            assertThat(store.read("web").values()).containsExactly(1, 2, 3);
            assertThat(store.info("web").orElseThrow().unit()).isEqualTo(LoadProfile.Unit.RATE);
            assertThat(store.info("web").orElseThrow().step()).isEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void importStillReplacesACollectedSeriesWholeAndDropsItsRollups() {
        try (AppendableStore store = open(dir)) {
            store.append("web", OPTIONS, seconds(0, 1, 2));
            store.maintain("web", RetentionPolicy.defaults(), T0.plus(Duration.ofDays(1)));
            store.write(
                    "web", LoadProfile.Unit.COUNT, "x.csv", TimeSeries.of(T0, Duration.ofSeconds(1), new double[] {7}));
            assertThat(store.read("web").values()).containsExactly(7);
            assertThat(store.append("web", OPTIONS, seconds(1, 8)).stored()).isEqualTo(1);
            assertThat(store.read("web").values()).containsExactly(7, 8);
        }
    }

    @Test
    void rollupsKeepMeanMaxAndCountAndReadsUseThemBeforeTheOldestRawSample() {
        AppendOptions minutes = AppendOptions.defaults().withStep(Duration.ofMinutes(1));
        int days = 3;
        long[] times = new long[days * 1440];
        double[] values = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            times[i] = MS0 + i * 60_000L;
            values[i] = i % 5;
        }
        try (AppendableStore store = open(dir)) {
            store.append("web", minutes, new SampleBatch(times, values));
            Instant now = T0.plus(Duration.ofDays(days));
            RetentionPolicy policy = RetentionPolicy.defaults().withRaw(Duration.ofDays(1));
            MaintenanceResult first = store.maintain("web", policy, now);
            assertThat(first.bucketsRolledUp())
                    .as("every closed 5-minute bucket up to now - 1 h")
                    .isEqualTo((days * 1440L - 60) / 5);
            assertThat(first.rawRowsRemoved())
                    .as("the first two day partitions are entirely older than a day")
                    .isEqualTo(2 * 1440);
            MaintenanceResult second = store.maintain("web", policy, now);
            assertThat(second.bucketsRolledUp()).isZero();
            assertThat(second.rawRowsRemoved()).isZero();

            SeriesInfo info = store.info("web").orElseThrow();
            assertThat(info.start())
                    .as("the history reaches back through the rollups")
                    .isEqualTo(T0);
            TimeSeries mean = store.read("web", T0, now, Duration.ofMinutes(5), Aggregation.MEAN);
            TimeSeries max = store.read("web", T0, now, Duration.ofMinutes(5), Aggregation.MAX);
            TimeSeries sum = store.read("web", T0, now, Duration.ofMinutes(5), Aggregation.SUM);
            for (int i = 0; i < mean.size(); i++) {
                assertThat(mean.valueAt(i)).as("step %d", i).isEqualTo(2.0);
                assertThat(max.valueAt(i)).isEqualTo(4.0);
                assertThat(sum.valueAt(i)).isEqualTo(10.0);
            }
            TimeSeries fine =
                    store.read("web", T0, T0.plus(Duration.ofMinutes(10)), Duration.ofMinutes(1), Aggregation.MEAN);
            assertThat(fine.values())
                    .as("before the raw samples only the 5-minute rollups remain")
                    .containsExactly(
                            2,
                            Double.NaN,
                            Double.NaN,
                            Double.NaN,
                            Double.NaN,
                            2,
                            Double.NaN,
                            Double.NaN,
                            Double.NaN,
                            Double.NaN);
        }
    }

    @Test
    void rollupRetentionRemovesOldMonths() {
        AppendOptions hours = AppendOptions.defaults().withStep(Duration.ofHours(1));
        long[] times = new long[24 * 100];
        double[] values = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            times[i] = MS0 + i * 3_600_000L;
            values[i] = 1;
        }
        try (AppendableStore store = open(dir)) {
            store.append("web", hours, new SampleBatch(times, values));
            MaintenanceResult result = store.maintain(
                    "web",
                    new RetentionPolicy(Duration.ofDays(10), Duration.ofDays(40), Duration.ZERO),
                    T0.plus(Duration.ofDays(100)));
            assertThat(result.rollupRowsRemoved())
                    .as("January and February rollups are older than 40 days")
                    .isEqualTo((31 + 28) * 24);
            assertThat(store.info("web").orElseThrow().start()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        }
    }

    @Test
    void maintainingAnUnknownSeriesIsBadInput() {
        try (AppendableStore store = open(dir)) {
            assertThatThrownBy(() -> store.maintain("nope", RetentionPolicy.defaults(), T0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no series 'nope'");
        }
    }
}
