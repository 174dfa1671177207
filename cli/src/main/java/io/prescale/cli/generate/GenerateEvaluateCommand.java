package io.prescale.cli.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.input.TraceInput;
import io.prescale.cli.base.SeedOption;
import io.prescale.cli.base.Json;
import io.prescale.cli.base.LeafCommand;
import io.prescale.core.generate.Evaluation;
import io.prescale.core.generate.EvaluationOptions;
import io.prescale.core.generate.EvaluationReport;
import io.prescale.core.generate.LoadModelTrainer;
import io.prescale.core.generate.LoadModels;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code prescale generate evaluate}: TimeGAN's evaluation protocol with a time-ordered 80/20 split (see
 * {@link Evaluation}). The seed is written in its place in the document (after {@code runs}), not in the header.
 */
@Command(name = "evaluate", description = "Train on the first 80%% of windows, score against the last 20%%.")
public final class GenerateEvaluateCommand extends LeafCommand {
    @Mixin
    TraceInput input;

    @Option(names = "--model", required = true, paramLabel = "vae|gan",
            description = "vae, gan, or a baseline: copy-training, mean-plus-noise.")
    String model;

    @Option(names = "--window", required = true, paramLabel = "W", description = "Steps per window.")
    int window;

    @Option(names = "--runs", defaultValue = "10", paramLabel = "R", description = "Metric runs (default 10).")
    int runs;

    @Option(names = "--discriminator-iterations", defaultValue = "500", paramLabel = "N",
            description = "Post-hoc classifier steps (default 500 to fit 10 runs in minutes on 2 cores; TimeGAN: 2000).")
    int discriminatorIterations;

    @Option(names = "--predictor-iterations", defaultValue = "500", paramLabel = "N",
            description = "Post-hoc predictor steps (default 500; TimeGAN: 5000).")
    int predictorIterations;

    @Option(names = "--iterations", paramLabel = "N", description = "Model training iterations (see generate train).")
    Integer iterations;

    @Mixin
    SeedOption seed;

    @Override
    protected Result execute() throws Exception {
        LoadModelTrainer trainer = model.startsWith("copy") || model.startsWith("mean")
                ? LoadModels.trainer(model) : GenerateTrainCommand.trainer(model, iterations);
        EvaluationOptions options = new EvaluationOptions(runs, discriminatorIterations, predictorIterations,
                EvaluationOptions.TIMEGAN_BATCH);
        GenerateInput data = GenerateInput.read(input);
        progress("evaluating " + model + " on " + data.rows().length + " rows, window " + window + ", " + runs
                + " runs …");
        EvaluationReport report = Evaluation.evaluate(data.rows(), window, trainer, options, seed.seed());
        return Result.of(fields(report));
    }

    /** The report in the documented field order. */
    static ObjectNode fields(EvaluationReport report) {
        ObjectNode fields = Json.object();
        fields.put("model", report.model());
        fields.put("window", report.window());
        fields.put("features", report.features());
        fields.put("trainWindows", report.trainWindows());
        fields.put("testWindows", report.testWindows());
        fields.put("runs", report.runs());
        fields.put("seed", report.seed());
        Json.putNumber(fields, "discriminativeScore", report.discriminativeScore(), "not computed");
        Json.putNumber(fields, "discriminativeScoreStd", report.discriminativeScoreStd(), "not computed");
        Json.putNumber(fields, "predictiveScore", report.predictiveScore(), "not computed");
        Json.putNumber(fields, "predictiveScoreReal", report.predictiveScoreReal(), "not computed");
        Json.putNumber(fields, "acfDistance", report.acfDistance(), "not computed");
        Json.putNumber(fields, "memorisationRatio", report.memorisationRatio(), "not computed");
        if (report.activeLatentDims() == null) {
            fields.putNull("activeLatentDims");
        } else {
            fields.put("activeLatentDims", report.activeLatentDims());
        }
        report.deviations().forEach(fields.putArray("deviations")::add);
        return fields;
    }
}
