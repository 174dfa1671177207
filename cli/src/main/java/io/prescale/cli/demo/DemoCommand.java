package io.prescale.cli.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.SeedOption;
import io.prescale.cli.input.StoreOption;
import io.prescale.cli.base.Json;
import io.prescale.cli.base.LeafCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code prescale demo}: the main job on the shipped traces, every stage of the pipeline in turn. */
@Command(name = "demo", description = "Run the whole Prescale pipeline on the shipped real traces.")
public final class DemoCommand extends LeafCommand {
    @Option(names = "--out", paramLabel = "DIR", defaultValue = "prescale-demo",
            description = "Where the demo writes its files (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--quick", description = "Small data and short training: about two minutes in all.")
    boolean quick;

    @Mixin
    SeedOption seed;

    @Mixin
    StoreOption store;

    @Override
    protected Result execute() throws Exception {
        Files.createDirectories(out);
        DemoContext context = new DemoContext(out.toAbsolutePath(), store.store(), quick, seed.seed(), output.stderr());
        ObjectNode fields = Json.object();
        fields.put("quick", quick);
        fields.put("out", out.toAbsolutePath().toString());
        ObjectNode stages = fields.putObject("stages");
        StringBuilder human = new StringBuilder("Prescale demo (" + (quick ? "quick" : "full") + ") → " + out + "\n");
        for (DemoStage stage : DemoStages.ALL) {
            context.progress("stage " + stage.name() + " …");
            Instant started = Instant.now();
            ObjectNode summary = stage.run(context);
            long millis = Duration.between(started, Instant.now()).toMillis();
            summary.put("durationMs", millis);
            stages.set(stage.name(), summary);
            human.append(String.format("  %-12s done in %.1f s%n", stage.name(), millis / 1000.0));
        }
        return new Result(fields, human.toString().stripTrailing());
    }
}
