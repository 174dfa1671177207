package io.prescale.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.CliRun;
import io.prescale.cli.base.OutputContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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
    void anUnusableStoreIsBadInputBeforeAnyStageWrites(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Path notADirectory = Files.writeString(dir.resolve("store-is-a-file"), "x");
        CliRun run =
                CliRun.run("demo", "--quick", "--out", out.toString(), "--store", notADirectory.toString(), "--json");
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
        assertThat(run.json().at("/error/option").asText()).isEqualTo("--store");
        assertThat(out).doesNotExist();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("store-is-a-file");
        }
    }

    @Test
    void aFailingStageIsNamedAndLeavesOutAsItWas(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("earlier-run.txt"), "kept");
        DemoStage writesThenFails = new DemoStage() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public ObjectNode run(DemoContext context) throws Exception {
                Files.writeString(context.outDir().resolve("half-written.json"), "{");
                throw new IllegalStateException("disk full");
            }
        };
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        DemoCommand demo = new DemoCommand();
        demo.pipeline = List.of(writesThenFails);
        demo.setOutput(new OutputContext(
                new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8),
                Map.of()));
        int code = new CommandLine(demo)
                .execute(
                        "--out",
                        out.toString(),
                        "--force",
                        "--store",
                        dir.resolve("store").toString(),
                        "--json");
        assertThat(code).isEqualTo(1);
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("stage broken failed", "disk full");
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("broken", "failed");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("earlier-run.txt");
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("out", "store");
        }
    }

    @Test
    void progressSaysStageKOfNWithAnEstimate() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MutableClock clock = new MutableClock();
        StageProgress p = new StageProgress(
                new PrintStream(bytes, true, StandardCharsets.UTF_8), clock, List.of("traces", "generate", "report"));
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
