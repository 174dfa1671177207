package io.prescale.cli.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.BadInputException;
import io.prescale.cli.base.Json;
import io.prescale.cli.base.LeafCommand;
import io.prescale.cli.base.SeedOption;
import io.prescale.cli.input.StoreOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code prescale demo}: the main job on the shipped traces, every stage of the pipeline in turn. The stages
 * write into a temporary directory beside {@code --out}, which replaces {@code --out} only when every stage has
 * succeeded: a failed or interrupted run leaves {@code --out} as it was and names the stage that failed.
 */
@Command(name = "demo", description = "Run the whole Prescale pipeline on the shipped real traces.")
public final class DemoCommand extends LeafCommand {
    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "prescale-demo",
            description = "Where the demo writes its files (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--quick", description = "Small data and short training: about two minutes in all.")
    boolean quick;

    @Option(names = "--force", description = "Replace --out even when it exists and is not empty.")
    boolean force;

    @Mixin
    SeedOption seed;

    @Mixin
    StoreOption store;

    /** The stages run, in order ({@link DemoStages#ALL}; tests replace them). */
    List<DemoStage> pipeline = DemoStages.ALL;

    @Override
    protected Result execute() throws Exception {
        Path target = out.toAbsolutePath().normalize();
        checkOut(target);
        StoreOption.open(store.store())
                .close(); // --store is usable (a directory, writable, not in use) before any stage writes
        Files.createDirectories(target.getParent());
        Path work = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + "-");
        Thread cleanup = new Thread(() -> deleteQuietly(work), "demo-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            Result result = runStages(target, work);
            publish(work, target);
            return result;
        } finally {
            deleteQuietly(work);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
        }
    }

    private Result runStages(Path target, Path work) throws Exception {
        DemoContext context = new DemoContext(work, store.store(), quick, seed.seed(), output.stderr());
        ObjectNode fields = Json.object();
        fields.put("quick", quick);
        fields.put("out", target.toString());
        ObjectNode stages = fields.putObject("stages");
        StringBuilder human = new StringBuilder("Prescale demo (" + (quick ? "quick" : "full") + ") → " + out + "\n");
        StageProgress progress = new StageProgress(
                output.stderr(),
                Clock.systemUTC(),
                pipeline.stream().map(DemoStage::name).toList());
        for (int k = 0; k < pipeline.size(); k++) {
            DemoStage stage = pipeline.get(k);
            progress.starting(k);
            Instant started = Instant.now();
            ObjectNode summary;
            try {
                summary = stage.run(context);
            } catch (Exception | LinkageError e) {
                progress.failed(k, String.valueOf(e.getMessage()));
                throw new StageFailedException(stage.name(), e);
            }
            long millis = Duration.between(started, Instant.now()).toMillis();
            summary.put("durationMs", millis);
            stages.set(stage.name(), summary);
            progress.done(k);
            human.append(String.format("  %-12s done in %.1f s%n", stage.name(), millis / 1000.0));
        }
        // the stages wrote paths under the work directory; the user will find them under --out
        ObjectNode published = (ObjectNode) Json.MAPPER.readTree(
                Json.MAPPER.writeValueAsString(fields).replace(work.toString(), target.toString()));
        Files.writeString(
                work.resolve("summary.json"),
                Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(Json.sanitise(published)));
        human.append("  report: ").append(target.resolve("report.html"));
        return new Result(published, human.toString());
    }

    private void checkOut(Path target) throws IOException {
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new BadInputException("--out", out.toString(), "--out '" + out + "' is a file; give a directory");
        }
        if (!force && Files.isDirectory(target)) {
            try (Stream<Path> entries = Files.list(target)) {
                if (entries.findAny().isPresent()) {
                    throw new BadInputException(
                            "--out",
                            out.toString(),
                            "--out " + out + " exists and is not empty; give --force to replace it, or another --out");
                }
            }
        }
    }

    /** Moves the finished work directory to {@code target}, replacing what was there (only with --force). */
    private static void publish(Path work, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + "-old-");
            Files.delete(old);
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        if (Files.getFileStore(work).supportsFileAttributeView(PosixFileAttributeView.class)) {
            // a temporary directory is created private (rwx------); --out is an ordinary directory
            Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
        if (old != null) {
            deleteQuietly(old);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a leftover hidden temp directory is harmless
                }
            });
        } catch (IOException ignored) {
            // best effort, as above
        }
    }

    /** A stage failed: exit 1 with a message naming the stage and its cause. */
    static final class StageFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StageFailedException(String stage, Throwable cause) {
            super("stage " + stage + " failed: " + cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
        }
    }
}
