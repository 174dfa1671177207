package io.prescale.cli.anomaly;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.BenchmarkReport;
import io.prescale.cli.base.LeafCommand;
import io.prescale.cli.base.SeedOption;
import io.prescale.core.anomaly.AnomalyDetector;
import io.prescale.core.anomaly.AnomalyDetectors;
import io.prescale.core.anomaly.nab.NabCrossValidation;
import io.prescale.core.anomaly.nab.NabEvaluation;
import io.prescale.core.anomaly.nab.NabLabels;
import io.prescale.core.anomaly.nab.NabProfile;
import io.prescale.core.anomaly.nab.NabScoring;
import io.prescale.core.anomaly.nab.NabThresholds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code prescale bench anomaly}: streaming speed on one year of 1-minute data ({@code scoreYearSeconds}, goal
 * ≤ 10 s on 2 cores) and, when the NAB data is present, each detector's NAB scores on it: in-sample (thresholds
 * optimised on all files), at the shipped thresholds, and held out (leave-one-category-out, pooled), the headline
 * (goal for {@code best}: held-out standard ≥ 60; published on the same 36 files: KNN-CAD 54.8, HTM 75.1).
 */
@Command(name = "anomaly", description = "Anomaly detection benchmark: streaming speed and NAB scores.")
public final class AnomalyBenchCommand extends LeafCommand {
    @Option(
            names = "--nab",
            defaultValue = "../shared/data/nab",
            paramLabel = "DIR",
            description = "NAB root with data/ and labels/combined_windows.json (default: ${DEFAULT-VALUE}); "
                    + "the NAB metrics are null when it is absent.")
    Path nab;

    @Option(
            names = "--detectors",
            defaultValue = "iforest,autoencoder,combined,likelihood,knncad,ensemble",
            split = ",",
            paramLabel = "NAMES",
            description = "Detectors to measure (default: ${DEFAULT-VALUE}; context is slow on " + "a year of rows).")
    List<String> detectors;

    @Option(
            names = "--year-rows",
            defaultValue = "525600",
            paramLabel = "N",
            description = "Rows of the speed series (default one year of minutes: ${DEFAULT-VALUE}).")
    int yearRows;

    @Mixin
    SeedOption seed;

    @Override
    protected Result execute() throws Exception {
        for (String name : detectors) {
            new DetectorOptionValue(name).check();
        }
        BenchmarkReport report = new BenchmarkReport("anomaly");
        double[] year = syntheticMinutes(yearRows, seed.seed());
        ObjectNode details = report.details();
        details.put("yearRows", yearRows);
        java.util.Map<String, Double> yearSeconds = new java.util.HashMap<>();
        for (String name : detectors) {
            AnomalyDetector detector = AnomalyDetectors.named(name, seed.seed());
            long start = System.nanoTime();
            detector.scoreStreaming(year);
            double seconds = (System.nanoTime() - start) / 1e9;
            progress(name + ": one year streamed in " + String.format("%.1f", seconds) + " s");
            report.metric(name + "YearSeconds", seconds);
            yearSeconds.put(name, seconds);
        }
        String best = AnomalyDetectors.BEST;
        report.metric("scoreYearSeconds", yearSeconds.getOrDefault(best, Double.NaN));
        nabMetrics(report);
        report.goal("scoreYearSeconds", "<=", 10);
        report.goal("nabHeldOutStandard", ">=", 60);
        details.put("best", best);
        details.put(
                "published",
                "NAB on the same 36 files (benchmarks.md §1.3): HTM 75.1/68.9/78.5, "
                        + "KNN-CAD 54.8/45.1/59.6, Random Cut Forest 51.0/37.2/57.2 (standard/lowFp/lowFn)");
        return Result.of(report.toFields());
    }

    private void nabMetrics(BenchmarkReport report) throws Exception {
        Path labels = nab.resolve("labels/combined_windows.json");
        boolean present = Files.isRegularFile(labels) && Files.isDirectory(nab.resolve("data"));
        for (String name : detectors) {
            NabEvaluation.Report run = null;
            NabCrossValidation.Report cv = null;
            if (present) {
                AnomalyDetector detector = AnomalyDetectors.named(name, seed.seed());
                long start = System.nanoTime();
                NabLabels windows = NabLabels.read(labels);
                List<NabScoring.FileScores> scored =
                        NabEvaluation.score(nab.resolve("data"), windows, detector, this::progress);
                run = NabEvaluation.evaluate(name, scored, NabThresholds.shipped(AnomalyDetectors.resolve(name)), 0);
                cv = NabCrossValidation.byCategory(scored);
                report.metric(name + "NabSeconds", (System.nanoTime() - start) / 1e9);
            }
            for (NabProfile p : NabProfile.values()) {
                String suffix = Character.toUpperCase(p.jsonName().charAt(0))
                        + p.jsonName().substring(1);
                report.metric(
                        name + "Nab" + suffix,
                        run == null ? Double.NaN : run.normalised().get(p));
                Double fixed = run == null ? null : run.fixed().get(p);
                report.metric(name + "NabFixed" + suffix, fixed == null ? Double.NaN : fixed);
                report.metric(
                        name + "NabHeldOut" + suffix,
                        cv == null ? Double.NaN : cv.pooled().get(p));
                if (name.equals(AnomalyDetectors.BEST)) {
                    report.metric(
                            "nab" + suffix,
                            run == null ? Double.NaN : run.normalised().get(p));
                    report.metric(
                            "nabHeldOut" + suffix,
                            cv == null ? Double.NaN : cv.pooled().get(p));
                }
            }
        }
        if (!detectors.contains(AnomalyDetectors.BEST)) {
            for (NabProfile p : NabProfile.values()) {
                String suffix = Character.toUpperCase(p.jsonName().charAt(0))
                        + p.jsonName().substring(1);
                report.metric("nab" + suffix, Double.NaN);
                report.metric("nabHeldOut" + suffix, Double.NaN);
            }
        }
    }

    /** A year of per-minute load: daily and weekly cycles, noise, and a few spikes and level shifts (seeded). */
    static double[] syntheticMinutes(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[rows];
        double level = 100;
        for (int i = 0; i < rows; i++) {
            double day = Math.sin(2 * Math.PI * i / 1440.0);
            double week = Math.sin(2 * Math.PI * i / (1440.0 * 7));
            if (random.nextDouble() < 2e-5) {
                level += (random.nextDouble() - 0.5) * 40;
            }
            double spike = random.nextDouble() < 1e-4 ? 80 : 0;
            x[i] = level + 40 * day + 10 * week + spike + 5 * gaussian(random);
        }
        return x;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** Validates one --detectors entry as bad input. */
    private record DetectorOptionValue(String name) {
        void check() {
            if (!AnomalyDetectors.NAMES.contains(name)) {
                throw new io.prescale.cli.base.BadInputException(
                        "--detectors",
                        name,
                        "unknown detector '" + name + "', expected one of "
                                + String.join(", ", AnomalyDetectors.NAMES));
            }
        }
    }
}
