package io.prescale.cli.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.BadInputException;
import io.prescale.cli.base.Json;
import io.prescale.cli.base.LeafCommand;
import io.prescale.cli.base.SeedOption;
import io.prescale.cli.input.TraceInput;
import io.prescale.core.generate.Evaluation;
import io.prescale.core.generate.EvaluationOptions;
import io.prescale.core.generate.EvaluationProtocol;
import io.prescale.core.generate.EvaluationReport;
import io.prescale.core.generate.LoadModelTrainer;
import io.prescale.core.generate.LoadModels;
import io.prescale.core.generate.SineWindows;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code prescale generate evaluate}: the evaluation of {@link Evaluation} under {@code --protocol temporal} (train
 * on the first 80 % of time, score on the rest) or {@code --protocol timegan} (TimeGAN's own protocol), on
 * {@code --input} or on TimeGAN's Sines ({@code --dataset sines}). The seed is written in its place in the document
 * (after {@code runs}), not in the header.
 */
@Command(
        name = "evaluate",
        description = "Score a generative model: --protocol temporal (train on the first 80%% of"
                + " time, score on the rest) or timegan (TimeGAN's protocol).")
public final class GenerateEvaluateCommand extends LeafCommand {
    @Mixin
    TraceInput input;

    @Option(
            names = "--model",
            required = true,
            paramLabel = "vae|gan",
            description = "vae, gan, or a baseline: copy-training, mean-plus-noise.")
    String model;

    @Option(names = "--window", required = true, paramLabel = "W", description = "Steps per window.")
    int window;

    @Option(names = "--runs", defaultValue = "10", paramLabel = "R", description = "Metric runs (default 10).")
    int runs;

    @Option(
            names = "--protocol",
            defaultValue = "temporal",
            paramLabel = "temporal|timegan",
            description = "temporal (default): train on the first 80%% of rows, score on the rest (per-window scaling"
                    + " when the series trends); timegan: TimeGAN's protocol (min-max over all rows, shuffled"
                    + " windows, random splits, TimeGAN's iteration counts).")
    String protocol;

    @Option(
            names = "--dataset",
            paramLabel = "sines",
            description = "Instead of --input: TimeGAN's Sines (10,000 windows, 5 features, --window steps);"
                    + " timegan protocol only.")
    String dataset;

    @Option(
            names = "--discriminator-iterations",
            paramLabel = "N",
            description = "Post-hoc classifier steps (default: temporal 500, to fit 10 runs in minutes on 2 cores;"
                    + " timegan 2000 as TimeGAN).")
    Integer discriminatorIterations;

    @Option(
            names = "--predictor-iterations",
            paramLabel = "N",
            description = "Post-hoc predictor steps (default: temporal 500; timegan 5000 as TimeGAN).")
    Integer predictorIterations;

    @Option(names = "--iterations", paramLabel = "N", description = "Model training iterations (see generate train).")
    Integer iterations;

    @Mixin
    SeedOption seed;

    @Override
    protected Result execute() throws Exception {
        LoadModelTrainer trainer = model.startsWith("copy") || model.startsWith("mean")
                ? LoadModels.trainer(model)
                : GenerateTrainCommand.trainer(model, iterations);
        EvaluationProtocol parsed;
        try {
            parsed = EvaluationProtocol.parse(protocol);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(
                    "--protocol", protocol, "--protocol '" + protocol + "' is unknown; expected temporal or timegan");
        }
        boolean paper = parsed == EvaluationProtocol.TIMEGAN;
        int disc = discriminatorIterations != null
                ? discriminatorIterations
                : paper ? EvaluationOptions.TIMEGAN_DISCRIMINATOR_ITERATIONS : 500;
        int pred = predictorIterations != null
                ? predictorIterations
                : paper ? EvaluationOptions.TIMEGAN_PREDICTOR_ITERATIONS : 500;
        if (runs < 1 || disc < 1 || pred < 1) {
            throw new BadInputException(
                    "--runs",
                    String.valueOf(runs),
                    "--runs, --discriminator-iterations and" + " --predictor-iterations must be >= 1, got " + runs
                            + ", " + disc + ", " + pred);
        }
        EvaluationOptions options = new EvaluationOptions(runs, disc, pred, EvaluationOptions.TIMEGAN_BATCH, parsed);
        if (dataset != null) {
            return Result.of(fields(sines(trainer, options)));
        }
        GenerateInput data = GenerateInput.read(input);
        progress("evaluating " + model + " on " + data.rows().length + " rows, window " + window + ", " + runs
                + " runs, " + parsed.cliName() + " protocol …");
        try {
            return Result.of(fields(Evaluation.evaluate(data.rows(), window, trainer, options, seed.seed())));
        } catch (IllegalArgumentException e) {
            if (String.valueOf(e.getMessage()).startsWith("window of")) {
                throw new BadInputException(
                        "--window", String.valueOf(window), "--window " + window + ": " + e.getMessage(), e);
            }
            throw e;
        }
    }

    private EvaluationReport sines(LoadModelTrainer trainer, EvaluationOptions options) {
        if (!dataset.equals("sines")) {
            throw new BadInputException("--dataset", dataset, "--dataset '" + dataset + "' is unknown; expected sines");
        }
        if (input != null && input.file() != null) {
            throw new BadInputException("--dataset", dataset, "--dataset and --input exclude each other");
        }
        if (options.protocol() != EvaluationProtocol.TIMEGAN) {
            throw new BadInputException(
                    "--protocol",
                    protocol,
                    "--dataset sines holds independent windows, not a" + " series in time: use --protocol timegan");
        }
        if (window < 2 || window > 1000) {
            throw new BadInputException(
                    "--window",
                    String.valueOf(window),
                    "--window " + window + " does not fit: expected 2..1000 (TimeGAN's Sines use 24)");
        }
        double[][][] windows =
                SineWindows.generate(SineWindows.PAPER_WINDOWS, window, SineWindows.PAPER_FEATURES, seed.seed());
        progress("evaluating " + model + " on TimeGAN's Sines (" + windows.length + " windows of " + window
                + " steps), " + options.runs() + " runs, timegan protocol …");
        Evaluation.Split split = Evaluation.windowsSplit(windows, seed.seed());
        return Evaluation.score(trainer.train(split.train(), seed.seed()), split, options, seed.seed());
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
        fields.put("protocol", report.protocol().cliName());
        fields.put("scaling", report.scaling());
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
