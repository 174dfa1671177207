package io.prescale.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.List;
import org.junit.jupiter.api.Test;

/** The QuestDB store: the {@link MetricStore} contract plus locking, directories and persistence. */
class QuestDbStoreTest extends MetricStoreContractTest {
    @Override
    protected MetricStore newStore(Path directory) {
        return QuestDbStore.open(directory);
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
    void timesBeforeTheEpochAndSubMicrosecondStepsAreRejected() {
        try (QuestDbStore store = QuestDbStore.open(dir)) {
            assertThatThrownBy(() -> store.write(
                            "old",
                            COUNT,
                            "t",
                            TimeSeries.of(Instant.parse("1969-12-31T23:59:00Z"), MINUTE, new double[] {1})))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("from 1970-01-01T00:00:00Z on");
            assertThatThrownBy(() -> store.write(
                            "fine", COUNT, "t", TimeSeries.of(T0, Duration.ofNanos(1500), new double[] {1})))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("whole number of microseconds");
            store.write("epoch", COUNT, "t", TimeSeries.of(Instant.EPOCH, Duration.ofSeconds(1), new double[] {1, 2}));
            assertThat(store.read("epoch").values()).containsExactly(1, 2);
            assertThat(store.list()).extracting(SeriesInfo::name).containsExactly("epoch");
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
        Process holder = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        LockHolderMain.class.getName(),
                        dir.toString())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
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
        assertThatThrownBy(
                        () -> store.write("x", COUNT, "t", List.<TimeSeries>of().iterator()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void tableDirectoriesAnInterruptedCreateLeftDoNotBlockTheNextImport() throws IOException {
        try (QuestDbStore store = QuestDbStore.open(dir)) {
            store.write("web", COUNT, "a.csv", minutes(1, 2));
        }
        for (String leftover : List.of("import_web", "v2_web", "v9_web")) {
            Files.createDirectories(dir.resolve("db").resolve(leftover));
            Files.writeString(dir.resolve("db").resolve(leftover).resolve("_meta"), "");
        }
        Files.writeString(dir.resolve("meta").resolve("web.json.tmp"), "{\"table\":\"v9_web\"");
        try (QuestDbStore store = QuestDbStore.open(dir)) {
            assertThat(store.read("web").values()).containsExactly(1, 2);
            store.write("web", COUNT, "b.csv", minutes(3, 4, 5));
            assertThat(store.read("web").values()).containsExactly(3, 4, 5);
            assertThat(store.info("web").orElseThrow().source()).isEqualTo("b.csv");
        }
        assertThat(dir.resolve("db").resolve("import_web")).doesNotExist();
        assertThat(dir.resolve("db").resolve("v9_web")).doesNotExist();
        assertThat(dir.resolve("meta").resolve("web.json.tmp")).doesNotExist();
    }
}
