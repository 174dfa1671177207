package io.prescale.cli.series;

import io.prescale.cli.base.BadInputException;
import io.prescale.cli.base.BenchmarkReport;
import io.prescale.cli.base.LeafCommand;
import io.prescale.cli.base.SeedOption;
import io.prescale.core.series.Aggregation;
import io.prescale.core.series.LoadProfile;
import io.prescale.core.series.TimeSeries;
import io.prescale.core.series.TraceReadOptions;
import io.prescale.core.series.TraceReadResult;
import io.prescale.core.series.TraceReader;
import io.prescale.core.store.AppendOptions;
import io.prescale.core.store.QuestDbStore;
import io.prescale.core.store.SampleBatch;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code prescale bench store}: a year of one-minute samples (525,600, generated from the seed: daily and
 * weekly cycles with Poisson-like noise, written as a NAB-style CSV) through the reader into embedded QuestDB
 * and back. Metrics: {@code importSamplesPerSecond} (CSV file → committed table, median of 5, store already
 * open), {@code csvParseSamplesPerSecond} (the reader alone, same runs) and {@code aggregatedReadMedianMs} (the
 * year read back at 5-minute steps, median of 20 after 5 warm-ups) and {@code appendSamplesPerSecond} (the same
 * number of samples appended as remote-write batches of {@value #BATCH} samples, {@value #BATCH_SERIES} series of
 * {@value #BATCH_PER_SERIES} consecutive one-second samples each, one idempotent append per series and batch,
 * median of 5 runs into fresh series). Everything runs in a temporary directory that is deleted afterwards.
 */
@Command(name = "store", description = "Benchmark CSV import into the embedded store and aggregated reads.")
public final class StoreBenchCommand extends LeafCommand {
    private static final int RUNS = 5;
    private static final int READ_WARMUPS = 5;
    private static final int READS = 20;
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final int BATCH = 500;
    private static final int BATCH_SERIES = 10;
    private static final int BATCH_PER_SERIES = BATCH / BATCH_SERIES;

    @Option(
            names = "--samples",
            defaultValue = "525600",
            paramLabel = "N",
            description = "One-minute samples to generate (default: ${DEFAULT-VALUE}, a year).")
    int samples;

    @Mixin
    SeedOption seed;

    @Override
    protected Result execute() throws IOException {
        if (samples < 1000) {
            throw new BadInputException(
                    "--samples", Integer.toString(samples), "--samples must be at least 1000, got " + samples);
        }
        Path work = Files.createTempDirectory("prescale-bench-store");
        try {
            Path csv = work.resolve("year.csv");
            writeTrace(csv, samples, seed.seed());
            progress("bench store: " + samples + " samples in " + Files.size(csv) + " bytes of CSV");
            return Result.of(measure(csv, work.resolve("store")).toFields());
        } finally {
            deleteTree(work);
        }
    }

    private BenchmarkReport measure(Path csv, Path storeDir) {
        BenchmarkReport report = new BenchmarkReport("store");
        double[] parseRates = new double[RUNS];
        double[] importRates = new double[RUNS];
        long openNanos;
        try (QuestDbStore store = openTimed(storeDir)) {
            openNanos = lastOpenNanos;
            for (int run = 0; run < RUNS; run++) {
                long t0 = System.nanoTime();
                TraceReadResult read = TraceReader.read(csv, TraceReadOptions.importDefaults());
                long t1 = System.nanoTime();
                store.write("bench", LoadProfile.Unit.COUNT, csv.getFileName().toString(), read.series());
                long t2 = System.nanoTime();
                parseRates[run] = samples / ((t1 - t0) / 1e9);
                importRates[run] = samples / ((t2 - t0) / 1e9);
                progress(String.format(
                        "run %d: parse %.0f samples/s, import %.0f samples/s",
                        run + 1, parseRates[run], importRates[run]));
            }
            double[] readMs = new double[READS];
            Instant end = START.plus(Duration.ofMinutes(samples));
            int expected = 0;
            for (int i = 0; i < READ_WARMUPS + READS; i++) {
                long t0 = System.nanoTime();
                TimeSeries back = store.read("bench", START, end, Duration.ofMinutes(5), Aggregation.MEAN);
                long t1 = System.nanoTime();
                expected = back.size();
                if (i >= READ_WARMUPS) {
                    readMs[i - READ_WARMUPS] = (t1 - t0) / 1e6;
                }
            }
            double[] appendRates = new double[RUNS];
            List<SampleBatch[]> batches = appendBatches(samples, seed.seed());
            for (int run = 0; run < RUNS; run++) {
                long t0 = System.nanoTime();
                for (SampleBatch[] batch : batches) {
                    for (int k = 0; k < BATCH_SERIES; k++) {
                        store.append("append" + run + "_" + k, APPEND, batch[k]);
                    }
                }
                appendRates[run] = (double) batches.size() * BATCH / ((System.nanoTime() - t0) / 1e9);
                progress(String.format("run %d: append %.0f samples/s", run + 1, appendRates[run]));
            }
            report.metric("importSamplesPerSecond", BenchmarkReport.median(importRates));
            report.metric("appendSamplesPerSecond", BenchmarkReport.median(appendRates));
            report.details().put("appendBatchSamples", BATCH);
            report.details().put("appendBatchSeries", BATCH_SERIES);
            report.metric("csvParseSamplesPerSecond", BenchmarkReport.median(parseRates));
            report.metric("aggregatedReadMedianMs", BenchmarkReport.median(readMs));
            report.details().put("samples", samples);
            report.details().put("readSteps", expected);
            report.details().put("storeOpenMs", openNanos / 1e6);
            report.details()
                    .put(
                            "importToParseRatio",
                            BenchmarkReport.median(importRates) / BenchmarkReport.median(parseRates));
        }
        report.goal("importSamplesPerSecond", ">=", 1_000_000);
        report.goal("aggregatedReadMedianMs", "<=", 50);
        report.goal("appendSamplesPerSecond", ">=", 500_000);
        return report;
    }

    private long lastOpenNanos;

    private static final AppendOptions APPEND =
            AppendOptions.defaults().withStep(Duration.ofSeconds(1)).withSource("bench");

    /**
     * {@code samples / BATCH} remote-write batches: per batch, {@value #BATCH_PER_SERIES} consecutive one-second
     * samples of each of {@value #BATCH_SERIES} series, values from the seed.
     */
    static List<SampleBatch[]> appendBatches(int samples, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<SampleBatch[]> batches = new ArrayList<>();
        long start = START.toEpochMilli();
        for (int b = 0; b < samples / BATCH; b++) {
            SampleBatch[] batch = new SampleBatch[BATCH_SERIES];
            for (int k = 0; k < BATCH_SERIES; k++) {
                long[] times = new long[BATCH_PER_SERIES];
                double[] values = new double[BATCH_PER_SERIES];
                for (int i = 0; i < BATCH_PER_SERIES; i++) {
                    times[i] = start + ((long) b * BATCH_PER_SERIES + i) * 1000L;
                    values[i] = 100 + 10 * random.nextGaussian();
                }
                batch[k] = new SampleBatch(times, values);
            }
            batches.add(batch);
        }
        return batches;
    }

    private QuestDbStore openTimed(Path dir) {
        long t0 = System.nanoTime();
        QuestDbStore store = QuestDbStore.open(dir);
        lastOpenNanos = System.nanoTime() - t0;
        return store;
    }

    /** A day/week-cycled request count per minute with multiplicative noise, from the seed. */
    static void writeTrace(Path file, int samples, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        LocalDateTime time = LocalDateTime.ofInstant(START, ZoneOffset.UTC);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("timestamp,value\n");
            for (int i = 0; i < samples; i++) {
                double day = Math.sin(2 * Math.PI * i / 1440.0);
                double week = Math.sin(2 * Math.PI * i / 10080.0);
                double level = 500 + 300 * day + 100 * week;
                long value = Math.max(0, Math.round(level * (1 + 0.1 * random.nextGaussian())));
                out.write(format.format(time.plusMinutes(i)));
                out.write(',');
                out.write(Long.toString(value));
                out.write('\n');
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
