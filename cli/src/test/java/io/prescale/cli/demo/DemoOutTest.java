package io.prescale.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.prescale.cli.CliRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's output directory: refused when not empty, untouched when a stage fails, progress per stage. */
class DemoOutTest {
    @Test
    void refusesANonEmptyOutWithoutForce(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        CliRun run = CliRun.run("demo", "--quick", "--out", out.toString(), "--json");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.json().at("/error/option").asText()).isEqualTo("--out");
        assertThat(run.json().at("/error/message").asText()).contains("--force");
        assertThat(out.resolve("keep.txt")).hasContent("mine");
    }

    @Test
    void aFailingStageIsNamedAndLeavesOutAsItWas(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Path notADirectory = Files.writeString(dir.resolve("store-is-a-file"), "x");
        CliRun run = CliRun.run("demo", "--quick", "--out", out.toString(), "--store", notADirectory.toString(),
                "--json");
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
        assertThat(run.json().at("/error/message").asText()).contains("stage import failed");
        assertThat(out).doesNotExist();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("store-is-a-file");
        }
    }

    @Test
    void progressSaysStageKOfNWithAnEstimate() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MutableClock clock = new MutableClock();
        StageProgress p = new StageProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), clock,
                List.of("traces", "generate", "report"));
        p.starting(0);
        clock.now = clock.now.plusSeconds(10);
        p.done(0);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("stage 1 of 3 traces", "ETA –", "0:10 elapsed", "ETA 1:10");
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
