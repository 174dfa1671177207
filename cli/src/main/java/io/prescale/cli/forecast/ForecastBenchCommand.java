package io.prescale.cli.forecast;

import io.prescale.cli.base.BenchmarkReport;
import io.prescale.cli.base.LeafCommand;
import io.prescale.cli.base.SeedOption;
import io.prescale.core.forecast.Backtest;
import io.prescale.core.forecast.BacktestResult;
import io.prescale.core.forecast.BacktestSpec;
import io.prescale.core.forecast.ForecastModel;
import io.prescale.core.forecast.ForecastOptions;
import io.prescale.core.forecast.Forecasters;
import io.prescale.core.forecast.LstmOptions;
import io.prescale.core.series.TimeSeries;
import io.prescale.core.series.Timestamps;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code prescale bench forecast}: the speed goals (LSTM fit on nyc_taxi; one-hour forecasts for 10,000
 * seeded variants of the shipped traces, batched over the cores) and auto's accuracy on nyc_taxi 5 steps ahead from
 * row 8,640 (2014-12-28T00:00), the targets of benchmarks.md §2.2.
 */
@Command(
        name = "forecast",
        description = "Forecasting benchmark (lstmFitSeconds, batchForecastSeconds, nyc_taxi auto).")
public final class ForecastBenchCommand extends LeafCommand {
    @Option(
            names = "--variants",
            defaultValue = "10000",
            paramLabel = "N",
            description = "Seeded trace variants to forecast (default: ${DEFAULT-VALUE}).")
    int variants;

    @Option(
            names = "--parts",
            defaultValue = "lstm,batch,accuracy",
            split = ",",
            paramLabel = "LIST",
            description = "Which parts to run: lstm, batch, accuracy (default: ${DEFAULT-VALUE}).")
    List<String> parts;

    @Option(
            names = "--batch-model",
            defaultValue = "auto",
            paramLabel = "NAME",
            description = "Model behind the batch forecasts (default: ${DEFAULT-VALUE}).")
    String batchModel;

    @Mixin
    SeedOption seed;

    @Override
    protected Result execute() {
        if (variants < 1) {
            throw new io.prescale.cli.base.BadInputException(
                    "--variants", String.valueOf(variants), "--variants must be >= 1, got " + variants);
        }
        for (String part : parts) {
            if (!List.of("lstm", "batch", "accuracy").contains(part)) {
                throw new io.prescale.cli.base.BadInputException(
                        "--parts", part, "--parts names unknown part '" + part + "'; expected lstm, batch or accuracy");
            }
        }
        ForecastBacktestCommand.modelNames(batchModel);
        BenchmarkReport report = new BenchmarkReport("forecast");
        TimeSeries taxi = ForecastInput.readShipped("nyc_taxi");
        ForecastOptions options = ForecastOptions.defaults().withHorizon(5).withSeed(seed.seed());
        if (parts.contains("lstm")) {
            lstm(report, taxi, options);
        }
        if (parts.contains("batch")) {
            report.metric("batchForecastSeconds", batchSeconds());
            report.goal("batchForecastSeconds", "<=", 5);
            report.details().put("variants", variants);
            report.details().put("batchModel", batchModel);
        }
        if (parts.contains("accuracy")) {
            accuracy(report, taxi, options);
        }
        return Result.of(report.toFields());
    }

    private void lstm(BenchmarkReport report, TimeSeries taxi, ForecastOptions options) {
        progress("fitting the LSTM on nyc_taxi (" + taxi.size() + " points) …");
        long start = System.nanoTime();
        ForecastModel lstm = Forecasters.byName("lstm", options.withLstm(LstmOptions.defaults()))
                .fit(taxi);
        report.metric("lstmFitSeconds", (System.nanoTime() - start) / 1e9);
        report.details()
                .set(
                        "lstm",
                        io.prescale.cli.base.Json.MAPPER.valueToTree(
                                lstm.provenance().fit()));
        report.goal("lstmFitSeconds", "<=", 60);
    }

    private void accuracy(BenchmarkReport report, TimeSeries taxi, ForecastOptions options) {
        progress("backtesting auto on nyc_taxi …");
        int testFrom = (int) taxi.indexOf(Timestamps.parseInstant("2014-12-28T00:00:00"));
        BacktestResult auto =
                Backtest.run(taxi, Forecasters.byName("auto", options), new BacktestSpec(5, testFrom, 48));
        report.metric("nycTaxiAutoWape", auto.metrics().wape());
        report.metric("nycTaxiAutoMase", auto.metrics().mase());
        report.metric("nycTaxiAutoCoverage80", auto.metrics().coverage80());
        report.goal("nycTaxiAutoWape", "<=", 0.12);
        report.goal("nycTaxiAutoMase", "<=", 1.3);
        report.goal("nycTaxiAutoCoverage80", ">=", 0.75);
        report.goal("nycTaxiAutoCoverage80", "<=", 0.85);
        report.details().put("autoChose", String.valueOf(auto.facts().get("chosen")));
    }

    /** One model per shipped trace (auto, fitted once, not timed); then one hour ahead for every variant. */
    private double batchSeconds() {
        List<String> names = List.of("nyc_taxi", "elb_request_count_8c0756", "nasa_http_aug95");
        TimeSeries[] traces = new TimeSeries[names.size()];
        ForecastModel[] models = new ForecastModel[names.size()];
        int[] hours = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            TimeSeries full = ForecastInput.readShipped(names.get(i));
            int twoWeeks = (int) Math.min(
                    full.size(), Duration.ofDays(14).toNanos() / full.step().toNanos());
            traces[i] = full.slice(full.size() - twoWeeks, full.size());
            hours[i] = (int)
                    Math.max(1, Duration.ofHours(1).toNanos() / full.step().toNanos());
            progress("fitting " + batchModel + " on " + names.get(i) + " for the batch benchmark …");
            models[i] = Forecasters.byName(
                            batchModel, ForecastOptions.defaults().withHorizon(hours[i]))
                    .fit(traces[i]);
        }
        double[] levels = {0.5, 0.9, 0.95, 0.99};
        progress("forecasting one hour ahead for " + variants + " variants …");
        long start = System.nanoTime();
        long finite = IntStream.range(0, variants)
                .parallel()
                .filter(v -> {
                    int k = v % traces.length;
                    TimeSeries variant = variant(traces[k], seed.seed() * 1_000_003L + v);
                    return Double.isFinite(
                            models[k].forecast(variant, hours[k], levels).value(hours[k] - 1, 3));
                })
                .count();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (finite != variants) {
            throw new IllegalStateException((variants - finite) + " variant forecasts were not finite");
        }
        return seconds;
    }

    /** The trace scaled by a seeded factor in [0.5, 2) with 5 % seeded multiplicative noise. */
    static TimeSeries variant(TimeSeries trace, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double factor = 0.5 + 1.5 * random.nextDouble();
        double[] v = trace.values();
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.isFinite(v[i]) ? Math.max(0, v[i] * factor * (1 + 0.05 * random.nextGaussian())) : v[i];
        }
        return trace.withValues(v);
    }
}
