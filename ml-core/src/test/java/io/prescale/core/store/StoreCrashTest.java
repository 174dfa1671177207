package io.prescale.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash consistency of {@link QuestDbStore}, tested the way databases test it: a child JVM imports a new version
 * of a series over the old one and is killed with SIGKILL ({@link Process#destroyForcibly()}) at seeded random
 * points — paused at every {@link ImportStage} several times, and after random delays that fall anywhere in
 * start-up, recovery and the import. After each kill the store must hold exactly the old or exactly the new
 * version (metadata and every value), no leftover table, and the next import must succeed.
 *
 * <p>Seed and number of kills: system properties {@code prescale.crash.seed} and {@code prescale.crash.kills}.
 */
class StoreCrashTest {
    private static final long SEED = Long.getLong("prescale.crash.seed", 20261130L);
    private static final int KILLS = Integer.getInteger("prescale.crash.kills", 56);
    private static final int PAUSES_PER_STAGE = 3;
    private static final int TIMED_ATTEMPTS = 4;

    @TempDir
    Path dir;

    private record KillPoint(ImportStage stage, double delayFraction) {
        static KillPoint at(ImportStage stage) {
            return new KillPoint(stage, 0);
        }

        static KillPoint after(double fraction) {
            return new KillPoint(null, fraction);
        }

        @Override
        public String toString() {
            return stage != null
                    ? "paused at " + stage
                    : String.format("after %.0f%% of an import", delayFraction * 100);
        }
    }

    @Test
    void everyKillLeavesExactlyTheOldOrTheNewVersionAndTheNextImportSucceeds() throws Exception {
        Path store = dir.resolve("store");
        CrashVersion current = CrashVersion.A;
        try (QuestDbStore open = QuestDbStore.open(store)) {
            current.writeTo(open);
        }
        long fullImportMillis = timeOneImport(store, current.other());
        current = current.other();
        Random random = new Random(SEED);
        List<KillPoint> points = killPoints(random);
        int killed = 0;
        for (KillPoint planned : points) {
            // A timed kill can come too late when the machine is faster than during the timing import; it is
            // then tried again earlier, so the number of real mid-way kills does not depend on the machine's load.
            KillPoint point = planned;
            for (int attempt = 0; attempt < TIMED_ATTEMPTS; attempt++) {
                CrashVersion target = current.other();
                boolean wasKilled = killImport(store, target, point, fullImportMillis, random);
                killed += wasKilled ? 1 : 0;
                CrashVersion found = assertOldOrNew(store, current, target, point);
                if (point.stage() != null) {
                    boolean committed = point.stage().compareTo(ImportStage.COMMITTED) >= 0;
                    assertThat(found).as("version after a kill %s", point).isEqualTo(committed ? target : current);
                }
                try (QuestDbStore open = QuestDbStore.open(store)) {
                    found.other().writeTo(open);
                    assertThat(found.other().isIn(open))
                            .as("next import after a kill %s", point)
                            .isTrue();
                }
                current = found.other();
                if (wasKilled || point.stage() != null) {
                    break;
                }
                point = KillPoint.after(point.delayFraction() / 2);
            }
        }
        assertThat(killed)
                .as("processes actually killed mid-way")
                .isGreaterThanOrEqualTo(Math.min(50, KILLS - KILLS / 10));
    }

    private static List<KillPoint> killPoints(Random random) {
        List<KillPoint> points = new ArrayList<>();
        for (ImportStage stage : ImportStage.values()) {
            for (int i = 0; i < PAUSES_PER_STAGE; i++) {
                points.add(KillPoint.at(stage));
            }
        }
        while (points.size() < KILLS) {
            points.add(KillPoint.after(random.nextDouble()));
        }
        Collections.shuffle(points, random);
        return points;
    }

    /** Imports {@code version} in a child to completion; the time from its start-up line to the end. */
    private long timeOneImport(Path store, CrashVersion version) throws Exception {
        Process child = start(store, version, "-");
        BufferedReader out = reader(child);
        assertThat(out.readLine()).isEqualTo("started");
        long start = System.nanoTime();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("import finishes").isTrue();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(child.exitValue())
                .as("exit of an undisturbed import; stderr %s", stderr())
                .isZero();
        return Math.max(millis, 1);
    }

    /** Runs the child to {@code point} and kills it there; false when the import finished first. */
    private boolean killImport(Path store, CrashVersion target, KillPoint point, long fullImportMillis, Random random)
            throws Exception {
        Process child =
                start(store, target, point.stage() == null ? "-" : point.stage().name(), 1);
        try {
            BufferedReader out = reader(child);
            assertThat(out.readLine()).as("child start-up; stderr %s", stderr()).isEqualTo("started");
            if (point.stage() != null) {
                String line;
                while ((line = out.readLine()) != null && !line.equals("paused")) {
                    assertThat(line)
                            .as("child output before %s; stderr %s", point, stderr())
                            .isNotEqualTo("done");
                }
                assertThat(line)
                        .as("child reached %s; stderr %s", point, stderr())
                        .isEqualTo("paused");
            } else if (child.waitFor((long) (point.delayFraction() * fullImportMillis), TimeUnit.MILLISECONDS)) {
                return false;
            }
            return true;
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
    }

    private CrashVersion assertOldOrNew(Path store, CrashVersion old, CrashVersion target, KillPoint point)
            throws IOException {
        try (QuestDbStore open = QuestDbStore.open(store)) {
            boolean isOld = old.isIn(open);
            boolean isNew = target.isIn(open);
            assertThat(isOld || isNew)
                    .as(
                            "after a kill %s the series is exactly the old or the new version; found %s",
                            point, open.info(CrashVersion.SERIES))
                    .isTrue();
            assertThat(open.list()).extracting(SeriesInfo::name).containsExactly(CrashVersion.SERIES);
            assertThat(tableDirectories(store))
                    .as("tables on disk after a kill %s", point)
                    .hasSize(1);
            return isOld ? old : target;
        }
    }

    private static List<String> tableDirectories(Path store) throws IOException {
        try (Stream<Path> files = Files.list(store.resolve("db"))) {
            return files.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith("_"))
                    .sorted()
                    .toList();
        }
    }

    private Process start(Path store, CrashVersion version, String pauseAt) throws IOException {
        return start(store, version, pauseAt, 1);
    }

    private Process start(Path store, CrashVersion version, String pauseAt, int occurrence) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(
                        java.toString(),
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-Xshare:auto",
                        "-XX:-UsePerfData",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashImportMain.class.getName(),
                        store.toString(),
                        version.name(),
                        pauseAt,
                        Integer.toString(occurrence))
                .redirectError(dir.resolve("child-stderr.txt").toFile())
                .start();
    }

    private static BufferedReader reader(Process child) {
        return new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    }

    private String stderr() throws IOException {
        Path file = dir.resolve("child-stderr.txt");
        if (!Files.exists(file)) {
            return "(none)";
        }
        String text = Files.readString(file);
        return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
    }
}
