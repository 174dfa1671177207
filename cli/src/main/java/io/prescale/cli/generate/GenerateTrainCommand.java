package io.prescale.cli.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.BadInputException;
import io.prescale.cli.base.Json;
import io.prescale.cli.base.LeafCommand;
import io.prescale.cli.base.SeedOption;
import io.prescale.cli.base.VersionInfo;
import io.prescale.cli.input.TraceInput;
import io.prescale.core.generate.ConditionalVae;
import io.prescale.core.generate.GanOptions;
import io.prescale.core.generate.LoadModel;
import io.prescale.core.generate.LoadModelTrainer;
import io.prescale.core.generate.MinMaxScaler;
import io.prescale.core.generate.TimeGan;
import io.prescale.core.generate.VaeOptions;
import io.prescale.core.generate.WindowSet;
import io.prescale.core.series.LoadProfile;
import io.prescale.core.series.TraceReadOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code prescale generate train}: trains a VAE or GAN on every stride-1 window of the input and saves it. */
@Command(name = "train", description = "Train a generative model (vae|gan) on windows of a CSV and save it.")
public final class GenerateTrainCommand extends LeafCommand {
    @Mixin
    TraceInput input;

    @Option(names = "--model", required = true, paramLabel = "vae|gan", description = "Model type.")
    String model;

    @Option(names = "--window", required = true, paramLabel = "W", description = "Steps per window (one day).")
    int window;

    @Option(names = "--out", required = true, paramLabel = "MODEL_FILE", description = "Model file to write.")
    Path out;

    @Option(
            names = "--iterations",
            paramLabel = "N",
            description = "Training iterations (VAE default 3000; GAN default 600 per phase).")
    Integer iterations;

    @Mixin
    SeedOption seed;

    @Override
    protected Result execute() throws Exception {
        LoadModelTrainer trainer = trainer(model, iterations);
        LoadProfile.Unit parsedUnit = input.options(TraceReadOptions.defaults()).unit();
        GenerateInput data = GenerateInput.read(input);
        if (window < 2 || window > data.rows().length) {
            throw new BadInputException(
                    "--window",
                    String.valueOf(window),
                    "--window " + window + " does not fit: expected 2.." + data.rows().length + " (the rows of "
                            + input.file() + ")");
        }
        MinMaxScaler scaler;
        try {
            scaler = MinMaxScaler.fit(data.rows());
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--input", input.toString(), "--input '" + input + "': " + e.getMessage(), e);
        }
        WindowSet windows = WindowSet.slide(data.rows(), 0, data.rows().length, window, scaler);
        progress("training " + model + " on " + windows.size() + " windows of " + window + " steps …");
        long started = System.nanoTime();
        LoadModel trained = trainer.train(windows, seed.seed());
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("input", input.file().toAbsolutePath().toString());
        provenance.put("seriesStart", data.start().toString());
        provenance.put("step", data.step().toString());
        provenance.put("unit", parsedUnit.name().toLowerCase(java.util.Locale.ROOT));
        provenance.put("columns", data.columns());
        provenance.put("seed", seed.seed());
        trained.save(out, VersionInfo.version(), Clock.systemUTC(), provenance);
        ObjectNode fields = Json.object();
        fields.put("model", trained.kind());
        fields.put("window", window);
        fields.put("features", trained.features());
        fields.put("trainWindows", windows.size());
        if (trained.activeLatentDims().isPresent()) {
            fields.put("activeLatentDims", trained.activeLatentDims().getAsInt());
        } else {
            fields.putNull("activeLatentDims");
        }
        fields.put("trainSeconds", Math.round(seconds * 100) / 100.0);
        fields.put("out", out.toAbsolutePath().toString());
        return Result.of(fields);
    }

    /** The trainer for {@code --model}, with an optional iteration override. */
    static LoadModelTrainer trainer(String model, Integer iterations) {
        if (iterations != null && iterations < 1) {
            throw new BadInputException(
                    "--iterations", String.valueOf(iterations), "--iterations must be >= 1, got " + iterations);
        }
        return switch (model) {
            case "vae" ->
                ConditionalVae.trainer(
                        iterations == null
                                ? VaeOptions.defaults()
                                : VaeOptions.defaults().withIterations(iterations));
            case "gan" ->
                TimeGan.trainer(
                        iterations == null
                                ? GanOptions.defaults()
                                : GanOptions.defaults().withIterations(iterations));
            default ->
                throw new BadInputException(
                        "--model", model, "--model '" + model + "' is unknown; expected vae or gan");
        };
    }
}
