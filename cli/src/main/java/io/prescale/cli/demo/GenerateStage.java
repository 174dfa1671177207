package io.prescale.cli.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.Json;
import io.prescale.core.generate.ConditionalVae;
import io.prescale.core.generate.EdgeCases;
import io.prescale.core.generate.Evaluation;
import io.prescale.core.generate.EvaluationOptions;
import io.prescale.core.generate.EvaluationReport;
import io.prescale.core.generate.LoadEvent;
import io.prescale.core.generate.LoadModel;
import io.prescale.core.generate.ProfileControls;
import io.prescale.core.generate.ProfileGenerator;
import io.prescale.core.generate.RobustZScoreDetector;
import io.prescale.core.generate.VaeOptions;
import io.prescale.core.series.LoadProfile;
import io.prescale.core.series.TimeSeries;
import io.prescale.grafana.report.ProfileLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Stage "generate": a small conditional VAE on NYC taxi day windows (the last 28 days in quick mode, 12 weeks
 * otherwise), three profiles under controls and one edge case from the latent tails, written as LoadProfile JSON
 * files, with the evaluation scores the stage can afford (shortened post-hoc training; the deviations say so).
 */
final class GenerateStage implements DemoStage {
    /** The generated profiles (the last the edge case) beside the held-out real days, in requests/s. */
    record Generated(ProfileLibrary library) {
        Generated {
            Objects.requireNonNull(library, "library");
        }
    }

    private static final int DAY = 48;

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public ObjectNode run(DemoContext context) throws Exception {
        TimeSeries taxi = context.history("nyc_taxi");
        int days = context.quick() ? 28 : 84;
        double[][] rows = lastSteps(taxi, days * DAY);
        Evaluation.Split split = Evaluation.split(rows, DAY);
        VaeOptions options = context.quick()
                ? VaeOptions.defaults()
                        .withLatentDims(4)
                        .withHidden(64)
                        .withIterations(120)
                        .withBatchSize(64)
                        .withLearningRate(3e-3)
                : VaeOptions.defaults().withIterations(2000);
        context.progress("generate: VAE on " + split.train().size() + " NYC taxi day windows …");
        LoadModel vae = ConditionalVae.trainer(options).train(split.train(), context.seed());
        Instant start = taxi.start().plus(taxi.step().multipliedBy(taxi.size()));
        // the slice starts at a midnight (a whole number of days before the end), so phase 0 is midnight
        ProfileGenerator generator = new ProfileGenerator(vae, start, taxi.step(), LoadProfile.Unit.COUNT, 0);
        Path dir = Files.createDirectories(context.outDir().resolve("generate"));
        ObjectNode summary = Json.object();
        summary.put("trainWindows", split.train().size());
        summary.put("activeLatentDims", vae.activeLatentDims().orElse(0));
        ArrayNode written = summary.putArray("profiles");
        List<ProfileControls> asks = List.of(
                ProfileControls.NONE,
                new ProfileControls(null, 0.2, null, 2.0, List.of()),
                new ProfileControls(null, null, null, null, List.of(LoadEvent.parse("flash-crowd:3@18h/1h"))));
        List<String> names = List.of("typical", "peak2-trend20", "flash-crowd");
        List<double[]> generated = new ArrayList<>();
        for (int i = 0; i < asks.size(); i++) {
            LoadProfile profile =
                    generator.sample(1, asks.get(i), context.seed() + i).get(0);
            write(written, dir.resolve(names.get(i) + ".json"), profile, null);
            generated.add(profile.values());
        }
        EdgeCases.Scored edge = new EdgeCases(new RobustZScoreDetector(), 5, 16, 0.01)
                .find(generator, 1, ProfileControls.NONE, context.seed())
                .get(0);
        write(written, dir.resolve("edge-case.json"), edge.profile(), edge.score());
        generated.add(edge.profile().values());
        Path picture = dir.resolve("profiles.png");
        context.put(new Generated(ProfilePicture.write(
                picture,
                realDays(rows, taxi),
                generated,
                List.of("typical", "peak 2, trend 0.2", "flash crowd", "edge case"),
                taxi.step())));
        summary.put("picture", picture.toString());
        EvaluationOptions evaluation = context.quick()
                ? EvaluationOptions.defaults()
                        .withRuns(1)
                        .withDiscriminatorIterations(30)
                        .withPredictorIterations(15)
                        .withBatchSize(64)
                : EvaluationOptions.defaults()
                        .withRuns(1)
                        .withDiscriminatorIterations(500)
                        .withPredictorIterations(300);
        EvaluationReport report = Evaluation.score(vae, split, evaluation, context.seed());
        ObjectNode scores = summary.putObject("evaluation");
        Json.putNumber(scores, "discriminativeScore", report.discriminativeScore(), "not computed");
        Json.putNumber(scores, "predictiveScore", report.predictiveScore(), "not computed");
        Json.putNumber(scores, "predictiveScoreReal", report.predictiveScoreReal(), "not computed");
        Json.putNumber(scores, "acfDistance", report.acfDistance(), "not computed");
        Json.putNumber(scores, "memorisationRatio", report.memorisationRatio(), "not computed");
        scores.put(
                "note",
                "post-hoc networks trained for " + evaluation.discriminatorIterations() + "/"
                        + evaluation.predictorIterations() + " iterations, 1 run: a smoke check, not the benchmark");
        context.progress("generate: wrote 4 profiles to " + dir);
        return summary;
    }

    /** The last {@code n} steps of the stored history as one-feature rows; a gap there is an error. */
    private static double[][] lastSteps(TimeSeries series, int n) {
        double[] values = series.values();
        double[][] rows = new double[n][1];
        for (int i = 0; i < n; i++) {
            double v = values[values.length - n + i];
            if (!Double.isFinite(v)) {
                throw new IllegalStateException("nyc_taxi has a gap at " + series.timeAt(values.length - n + i));
            }
            rows[i][0] = v;
        }
        return rows;
    }

    /** The held-out real days (the last 20 %), midnight to midnight, in requests/s. */
    private static List<double[]> realDays(double[][] rows, TimeSeries taxi) {
        List<double[]> days = new ArrayList<>();
        double perSecond = 1e9 / taxi.step().toNanos();
        int from = rows.length - (int) (rows.length * 0.2) / DAY * DAY;
        for (int start = from; start + DAY <= rows.length; start += DAY) {
            double[] day = new double[DAY];
            for (int t = 0; t < DAY; t++) {
                day[t] = rows[start + t][rows[start + t].length - 1] * perSecond;
            }
            days.add(day);
        }
        return days;
    }

    private static void write(ArrayNode written, Path file, LoadProfile profile, Double score) throws Exception {
        profile.write(file);
        ObjectNode node = written.addObject();
        node.put("file", file.toString());
        node.put("peak", profile.peak());
        node.put("mean", profile.expectedRequests() / (profile.duration().toNanos() / 1e9));
        if (score != null) {
            node.put("anomalyScore", score);
        }
    }
}
