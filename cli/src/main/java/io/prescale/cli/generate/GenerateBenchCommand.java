package io.prescale.cli.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.BenchmarkReport;
import io.prescale.cli.base.SeedOption;
import io.prescale.cli.base.BadInputException;
import io.prescale.cli.base.LeafCommand;
import io.prescale.core.generate.ConditionalVae;
import io.prescale.core.generate.Evaluation;
import io.prescale.core.generate.EvaluationOptions;
import io.prescale.core.generate.EvaluationReport;
import io.prescale.core.generate.LoadModel;
import io.prescale.core.generate.LoadModels;
import io.prescale.core.generate.MinMaxScaler;
import io.prescale.core.generate.ProfileControls;
import io.prescale.core.generate.ProfileGenerator;
import io.prescale.core.generate.VaeOptions;
import io.prescale.core.generate.WindowSet;
import io.prescale.core.series.LoadProfile;
import io.prescale.core.series.ShippedTrace;
import io.prescale.core.series.TraceReadOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code prescale bench generate}: speed (VAE training on 14 days of 5-minute data, sampling 1,000 day-long
 * profiles) and quality (the evaluation protocol on NYC taxi day windows, 48 steps) of the generative models.
 */
@Command(name = "generate", description = "Benchmark VAE/GAN training, sampling and evaluation quality on shipped traces.")
public final class GenerateBenchCommand extends LeafCommand {
    @Option(names = "--models", defaultValue = "vae,gan", split = ",", paramLabel = "M",
            description = "Models for the quality part (default vae,gan; none to skip).")
    List<String> models;

    @Option(names = "--runs", defaultValue = "3", paramLabel = "R", description = "Evaluation runs (default 3).")
    int runs;

    @Option(names = "--discriminator-iterations", defaultValue = "2000", paramLabel = "N")
    int discriminatorIterations;

    @Option(names = "--predictor-iterations", defaultValue = "1000", paramLabel = "N")
    int predictorIterations;

    @Option(names = "--vae-iterations", defaultValue = "3000", paramLabel = "N",
            description = "VAE training iterations of the speed part (default 3000, the VAE default; the speed goal"
                    + " is only judged at the default).")
    int vaeIterations;

    @Mixin
    SeedOption seed;

    @Override
    protected Result execute() throws Exception {
        if (runs < 1 || discriminatorIterations < 1 || predictorIterations < 1 || vaeIterations < 1) {
            throw new BadInputException("--runs", String.valueOf(runs), "--runs, --discriminator-iterations,"
                    + " --predictor-iterations and --vae-iterations must be >= 1, got " + runs + ", "
                    + discriminatorIterations + ", " + predictorIterations + ", " + vaeIterations);
        }
        for (String model : models) {
            if (!model.equals("none")) {
                LoadModels.trainer(model);
            }
        }
        BenchmarkReport report = new BenchmarkReport("generate");
        Path dir = Files.createTempDirectory("prescale-bench-generate");
        speed(report, GenerateInput.read(ShippedTrace.ELB_REQUEST_COUNT.copyTo(dir), TraceReadOptions.defaults()));
        GenerateInput taxi = GenerateInput.read(ShippedTrace.NYC_TAXI.copyTo(dir), TraceReadOptions.defaults());
        EvaluationOptions options = new EvaluationOptions(runs, discriminatorIterations, predictorIterations,
                EvaluationOptions.TIMEGAN_BATCH);
        ObjectNode quality = report.details().putObject("quality");
        for (String model : models) {
            if (model.equals("none")) {
                continue;
            }
            progress("bench generate: evaluating " + model + " on nyc_taxi, window 48 …");
            long started = System.nanoTime();
            EvaluationReport r = Evaluation.evaluate(taxi.rows(), 48, LoadModels.trainer(model), options, seed.seed());
            double seconds = (System.nanoTime() - started) / 1e9;
            report.metric(model + "NycTaxiDiscriminative", r.discriminativeScore());
            report.metric(model + "NycTaxiPredictive", r.predictiveScore());
            report.metric(model + "NycTaxiPredictiveReal", r.predictiveScoreReal());
            report.metric(model + "NycTaxiPredictiveExcess", r.predictiveScore() / r.predictiveScoreReal() - 1);
            report.metric(model + "NycTaxiMemorisationRatio", r.memorisationRatio());
            report.metric(model + "NycTaxiEvaluateSeconds", seconds);
            report.goal(model + "NycTaxiDiscriminative", "<=", 0.05);
            report.goal(model + "NycTaxiPredictiveExcess", "<=", 0.10);
            report.goal(model + "NycTaxiMemorisationRatio", ">=", 0.9);
            quality.set(model, GenerateEvaluateCommand.fields(r));
        }
        return Result.of(report.toFields());
    }

    private void speed(BenchmarkReport report, GenerateInput elb) {
        double[][] rows = java.util.Arrays.copyOf(elb.rows(), Math.min(elb.rows().length, 14 * 288));
        WindowSet windows = WindowSet.slide(rows, 0, rows.length, 288, MinMaxScaler.fit(rows));
        progress("bench generate: VAE on " + rows.length + " rows of 5-minute data, window 288 …");
        long started = System.nanoTime();
        LoadModel vae = ConditionalVae.trainer(VaeOptions.defaults().withIterations(vaeIterations)).train(windows, seed.seed());
        double trainSeconds = (System.nanoTime() - started) / 1e9;
        ProfileGenerator generator = new ProfileGenerator(vae, elb.start(), elb.step(), LoadProfile.Unit.COUNT, 0);
        started = System.nanoTime();
        List<LoadProfile> profiles = generator.sample(1000, ProfileControls.NONE, seed.seed());
        double sampleSeconds = (System.nanoTime() - started) / 1e9;
        report.metric("vaeTrainSeconds", trainSeconds);
        report.metric("sampleSeconds", sampleSeconds);
        report.metric("vaeActiveLatentDims", vae.activeLatentDims().orElse(0));
        if (vaeIterations == VaeOptions.defaults().iterations()) {
            report.goal("vaeTrainSeconds", "<=", 60);
        }
        report.goal("sampleSeconds", "<=", 5);
        ObjectNode details = report.details().putObject("speed");
        details.put("rows", rows.length);
        details.put("trainWindows", windows.size());
        details.put("vaeIterations", vaeIterations);
        details.put("profiles", profiles.size());
    }
}
