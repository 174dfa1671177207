package io.prescale.cli.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.BadInputException;
import io.prescale.cli.base.BenchmarkReport;
import io.prescale.cli.base.LeafCommand;
import io.prescale.cli.base.SeedOption;
import io.prescale.core.generate.ConditionalVae;
import io.prescale.core.generate.Evaluation;
import io.prescale.core.generate.EvaluationOptions;
import io.prescale.core.generate.EvaluationProtocol;
import io.prescale.core.generate.EvaluationReport;
import io.prescale.core.generate.LoadModel;
import io.prescale.core.generate.LoadModels;
import io.prescale.core.generate.MinMaxScaler;
import io.prescale.core.generate.ProfileControls;
import io.prescale.core.generate.ProfileGenerator;
import io.prescale.core.generate.SineWindows;
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
 * profiles) and quality of the generative models: NYC taxi day windows (48 steps) under the temporal protocol,
 * with each model's training time, and TimeGAN's Sines under the TimeGAN protocol.
 */
@Command(
        name = "generate",
        description = "Benchmark VAE/GAN training, sampling and evaluation quality on shipped traces.")
public final class GenerateBenchCommand extends LeafCommand {
    @Option(
            names = "--models",
            defaultValue = "vae,gan",
            split = ",",
            paramLabel = "M",
            description = "Models for the quality part (default vae,gan; none to skip).")
    List<String> models;

    @Option(names = "--runs", defaultValue = "3", paramLabel = "R", description = "Evaluation runs (default 3).")
    int runs;

    @Option(names = "--discriminator-iterations", defaultValue = "2000", paramLabel = "N")
    int discriminatorIterations;

    @Option(names = "--predictor-iterations", defaultValue = "1000", paramLabel = "N")
    int predictorIterations;

    @Option(
            names = "--vae-iterations",
            defaultValue = "3000",
            paramLabel = "N",
            description = "VAE training iterations of the speed part (default 3000, the VAE default; the speed goal"
                    + " is only judged at the default).")
    int vaeIterations;

    @Option(
            names = "--datasets",
            defaultValue = "nyc-taxi,sines",
            split = ",",
            paramLabel = "D",
            description = "Quality data sets (default nyc-taxi,sines): nyc-taxi under the temporal protocol, sines"
                    + " (TimeGAN's Sines, 10,000 windows of 24 × 5) under the timegan protocol.")
    List<String> datasets;

    @Mixin
    SeedOption seed;

    @Override
    protected Result execute() throws Exception {
        if (runs < 1 || discriminatorIterations < 1 || predictorIterations < 1 || vaeIterations < 1) {
            throw new BadInputException(
                    "--runs",
                    String.valueOf(runs),
                    "--runs, --discriminator-iterations,"
                            + " --predictor-iterations and --vae-iterations must be >= 1, got " + runs + ", "
                            + discriminatorIterations + ", " + predictorIterations + ", " + vaeIterations);
        }
        for (String model : models) {
            if (!model.equals("none")) {
                try {
                    LoadModels.trainer(model);
                } catch (IllegalArgumentException e) {
                    throw new BadInputException("--models", model, "--models: " + e.getMessage(), e);
                }
            }
        }
        for (String dataset : datasets) {
            if (!dataset.equals("nyc-taxi") && !dataset.equals("sines")) {
                throw new BadInputException(
                        "--datasets", dataset, "--datasets '" + dataset + "' is unknown; expected nyc-taxi or sines");
            }
        }
        BenchmarkReport report = new BenchmarkReport("generate");
        Path dir = Files.createTempDirectory("prescale-bench-generate");
        speed(report, GenerateInput.read(ShippedTrace.ELB_REQUEST_COUNT.copyTo(dir), TraceReadOptions.defaults()));
        GenerateInput taxi = GenerateInput.read(ShippedTrace.NYC_TAXI.copyTo(dir), TraceReadOptions.defaults());
        EvaluationOptions options = new EvaluationOptions(
                runs,
                discriminatorIterations,
                predictorIterations,
                EvaluationOptions.TIMEGAN_BATCH,
                EvaluationProtocol.TEMPORAL);
        ObjectNode quality = report.details().putObject("quality");
        for (String model : models) {
            if (model.equals("none")) {
                continue;
            }
            if (datasets.contains("nyc-taxi")) {
                progress("bench generate: " + model + " on nyc_taxi, window 48, temporal protocol …");
                Evaluation.Split split = Evaluation.split(taxi.rows(), 48, EvaluationProtocol.TEMPORAL, seed.seed());
                quality.set(model, measure(report, model, "NycTaxi", split, options, 0.05));
            }
            if (datasets.contains("sines")) {
                progress("bench generate: " + model + " on TimeGAN's Sines, timegan protocol …");
                double[][][] sines = SineWindows.generate(
                        SineWindows.PAPER_WINDOWS, SineWindows.PAPER_STEPS, SineWindows.PAPER_FEATURES, seed.seed());
                quality.set(
                        model + "Sines",
                        measure(
                                report,
                                model,
                                "Sines",
                                Evaluation.windowsSplit(sines, seed.seed()),
                                options.withProtocol(EvaluationProtocol.TIMEGAN),
                                0.011));
            }
        }
        return Result.of(report.toFields());
    }

    /** Trains {@code model} on the split, scores it and records the metrics under {@code model + data}. */
    private ObjectNode measure(
            BenchmarkReport report,
            String model,
            String data,
            Evaluation.Split split,
            EvaluationOptions options,
            double discriminativeGoal) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        LoadModel trained = LoadModels.trainer(model).train(split.train(), seed.seed());
        double trainSeconds = (System.nanoTime() - started) / 1e9;
        // PyTorch runs on this thread (one intra-op thread): CPU seconds say what a quiet machine would take
        double trainCpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
        started = System.nanoTime();
        EvaluationReport r = Evaluation.score(trained, split, options, seed.seed());
        double seconds = (System.nanoTime() - started) / 1e9;
        String key = model + data;
        report.metric(key + "Discriminative", r.discriminativeScore());
        report.metric(key + "Predictive", r.predictiveScore());
        report.metric(key + "PredictiveReal", r.predictiveScoreReal());
        report.metric(key + "PredictiveExcess", r.predictiveScore() / r.predictiveScoreReal() - 1);
        report.metric(key + "MemorisationRatio", r.memorisationRatio());
        report.metric(key + "TrainSeconds", trainSeconds);
        report.metric(key + "TrainCpuSeconds", trainCpuSeconds);
        report.metric(key + "EvaluateSeconds", seconds);
        report.goal(key + "Discriminative", "<=", discriminativeGoal);
        if (data.equals("NycTaxi")) {
            report.goal(key + "PredictiveExcess", "<=", 0.10);
            report.goal(key + "MemorisationRatio", ">=", 0.9);
            report.goal(key + "TrainSeconds", "<=", model.equals("gan") ? 300 : 60);
        }
        return GenerateEvaluateCommand.fields(r);
    }

    private void speed(BenchmarkReport report, GenerateInput elb) {
        double[][] rows = java.util.Arrays.copyOf(elb.rows(), Math.min(elb.rows().length, 14 * 288));
        WindowSet windows = WindowSet.slide(rows, 0, rows.length, 288, MinMaxScaler.fit(rows));
        progress("bench generate: VAE on " + rows.length + " rows of 5-minute data, window 288 …");
        long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long started = System.nanoTime();
        LoadModel vae = ConditionalVae.trainer(VaeOptions.defaults().withIterations(vaeIterations))
                .train(windows, seed.seed());
        double trainSeconds = (System.nanoTime() - started) / 1e9;
        double trainCpuSeconds =
                (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1e9;
        ProfileGenerator generator = new ProfileGenerator(vae, elb.start(), elb.step(), LoadProfile.Unit.COUNT, 0);
        started = System.nanoTime();
        List<LoadProfile> profiles = generator.sample(1000, ProfileControls.NONE, seed.seed());
        double sampleSeconds = (System.nanoTime() - started) / 1e9;
        report.metric("vaeTrainSeconds", trainSeconds);
        report.metric("vaeTrainCpuSeconds", trainCpuSeconds);
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
