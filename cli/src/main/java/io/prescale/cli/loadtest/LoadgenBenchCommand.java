package io.prescale.cli.loadtest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.BadInputException;
import io.prescale.cli.base.BenchmarkReport;
import io.prescale.cli.base.Json;
import io.prescale.cli.base.LeafCommand;
import io.prescale.loadtest.Arrivals;
import io.prescale.loadtest.LoadGenerator;
import io.prescale.loadtest.LoadTestOptions;
import io.prescale.loadtest.LoadTestResult;
import io.prescale.loadtest.ProfileShaping;
import io.prescale.loadtest.Target;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code prescale bench loadgen}: the generator's sustainable open-loop rate against wrk's closed-loop throughput,
 * at the same number of threads ({@code wrk -tN} against {@code --io-threads N}, for each N of
 * {@code --io-threads}, by default 1 and the number of cores). The trivial endpoint ({@code /ping} of the reference
 * service) runs in a separate JVM. Each run measures, for each N and back to back: wrk {@code -tN -cC} at its
 * maximum, then our generator on the same C connections and N I/O threads, starting at 60 % of wrk's rate
 * (lowered by a quarter, at most 6 times, while even that is too much) and raising it in 10 % steps until
 * {@code lateShare} > 1 % or a request fails; the sustained rate is the achieved rate of the last step that kept
 * both. Reports the median and the spread (min, max, every run) of sustained ÷ wrk per N. Without wrk the
 * comparison is skipped and the document says why; the generator is still measured, from 1,000 requests/s.
 */
@Command(
        name = "loadgen",
        description = "Load generator throughput against wrk at the same thread count (wrk: Debian package).")
public final class LoadgenBenchCommand extends LeafCommand {
    private static final Pattern WRK_RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
    private static final double LATE_LIMIT = 0.01;
    private static final double START_SHARE = 0.6;
    private static final double START_WITHOUT_WRK = 1000;
    private static final int MAX_LOWERINGS = 6;

    @Option(
            names = "--runs",
            defaultValue = "5",
            description = "Runs; each measures every thread count back to back (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(
            names = "--io-threads",
            split = ",",
            paramLabel = "N[,N…]",
            description =
                    "Thread counts to compare: wrk -tN against --io-threads N (default: 1 and the number of cores).")
    List<Integer> ioThreads;

    @Option(
            names = "--connections",
            defaultValue = "64",
            description = "Connections of both tools (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--wrk-duration", defaultValue = "10s", description = "wrk run length (default: ${DEFAULT-VALUE}).")
    Duration wrkDuration;

    @Option(
            names = "--step",
            defaultValue = "5s",
            description = "Length of each rate step (default: ${DEFAULT-VALUE}).")
    Duration step;

    @Option(
            names = "--max-steps",
            defaultValue = "14",
            description = "Most rate steps per ramp (default: ${DEFAULT-VALUE}).")
    int maxSteps;

    @Option(
            names = "--server-threads",
            defaultValue = "4",
            description = "Worker threads of the endpoint (default: ${DEFAULT-VALUE}).")
    int serverThreads;

    @Option(
            names = "--wrk",
            defaultValue = "wrk",
            paramLabel = "PATH",
            description = "The wrk executable (default: ${DEFAULT-VALUE}).")
    String wrkCommand;

    @Override
    protected Result execute() throws Exception {
        if (runs < 1 || runs > 9 || connections < 1 || connections > 1000 || maxSteps < 1 || maxSteps > 50) {
            throw new BadInputException(
                    "--runs", String.valueOf(runs), "--runs must be 1..9, --connections 1..1000 and --max-steps 1..50");
        }
        List<Integer> threads = threadCounts();
        String wrkVersion = wrkVersion();
        Process server = startEndpoint();
        try {
            String url = awaitUrl(server) + "ping";
            progress("bench loadgen: endpoint " + url + " in a separate JVM; "
                    + (wrkVersion == null ? "wrk not found, comparison skipped" : wrkVersion));
            return Result.of(measure(url, wrkVersion, threads));
        } finally {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private List<Integer> threadCounts() {
        int cores = Runtime.getRuntime().availableProcessors();
        List<Integer> given = ioThreads == null || ioThreads.isEmpty() ? List.of(1, cores) : ioThreads;
        List<Integer> counts = new ArrayList<>();
        for (int n : given) {
            if (n < 1 || n > 64 || n > connections) {
                throw new BadInputException(
                        "--io-threads",
                        String.valueOf(n),
                        "--io-threads takes thread counts in 1..64, none above --connections (" + connections + ")");
            }
            if (!counts.contains(n)) {
                counts.add(n);
            }
        }
        return counts;
    }

    /** Per thread count: the figures of every run. */
    private static final class Series {
        final int threads;
        final double[] wrk;
        final double[] sustained;
        final double[] ratio;
        final double[] late;
        final double[] cpuPerRequest;
        final double[] bytesPerRequest;
        final double[] parkLoopLate;
        final double[] atWrkRate;
        final ArrayNode runNodes;

        Series(int threads, int runs, ArrayNode runNodes) {
            this.threads = threads;
            this.wrk = new double[runs];
            this.sustained = new double[runs];
            this.ratio = new double[runs];
            this.late = new double[runs];
            this.cpuPerRequest = new double[runs];
            this.bytesPerRequest = new double[runs];
            this.parkLoopLate = new double[runs];
            this.atWrkRate = new double[runs];
            this.runNodes = runNodes;
        }
    }

    private ObjectNode measure(String url, String wrkVersion, List<Integer> threadCounts) throws Exception {
        boolean withWrk = wrkVersion != null;
        double loadBefore = loadAverage();
        BenchmarkReport report = new BenchmarkReport("loadgen");
        ObjectNode details = report.details();
        ArrayNode byThreads = details.putArray("byThreads");
        List<Series> all = new ArrayList<>();
        for (int n : threadCounts) {
            ObjectNode node = byThreads.addObject();
            node.put("ioThreads", n);
            node.put("wrkThreads", n);
            all.add(new Series(n, runs, node.putArray("runs")));
        }
        for (int i = 0; i < runs; i++) {
            for (Series series : all) {
                ObjectNode runNode = series.runNodes.addObject();
                runNode.put("run", i + 1);
                runNode.put("loadAverage", loadAverage());
                double wrk = withWrk ? runWrk(url, series.threads) : Double.NaN;
                series.wrk[i] = wrk;
                Json.putNumber(runNode, "wrkRps", wrk, "wrk is not installed");
                if (withWrk) {
                    progress(String.format(
                            "bench loadgen: run %d, %d thread(s): wrk %.0f requests/s", i + 1, series.threads, wrk));
                }
                double start = withWrk ? wrk * START_SHARE : START_WITHOUT_WRK;
                series.parkLoopLate[i] = parkLoopLateShare(start, series.threads);
                runNode.put("parkLoopLateShare", series.parkLoopLate[i]);
                LoadTestResult best = ramp(url, series.threads, start, runNode.putArray("steps"));
                series.sustained[i] = best == null ? 0 : best.achievedRps();
                series.late[i] = best == null ? Double.NaN : best.lateShare();
                series.cpuPerRequest[i] =
                        best == null ? Double.NaN : best.generator().cpuMsPerRequest();
                series.ratio[i] = series.sustained[i] / wrk;
                if (withWrk) {
                    LoadTestResult probe = step(url, series.threads, wrk, runNode.putObject("atWrkRate"));
                    series.atWrkRate[i] = probe.achievedRps() / wrk;
                    series.bytesPerRequest[i] = probe.generator().allocatedBytesPerRequest();
                } else {
                    series.atWrkRate[i] = Double.NaN;
                    series.bytesPerRequest[i] =
                            best == null ? Double.NaN : best.generator().allocatedBytesPerRequest();
                }
                runNode.put("sustainedRps", series.sustained[i]);
                Json.putNumber(runNode, "throughputRatioVsWrk", series.ratio[i], "wrk is not installed");
                progress(String.format(
                        "bench loadgen: run %d, %d I/O thread(s): sustained %.0f requests/s, ratio %.2f",
                        i + 1, series.threads, series.sustained[i], series.ratio[i]));
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        Series headline =
                all.stream().filter(s -> s.threads == cores).findFirst().orElse(all.get(all.size() - 1));
        report.metric("throughputRatioVsWrk", BenchmarkReport.median(headline.ratio))
                .metric("sustainedRps", BenchmarkReport.median(headline.sustained))
                .metric("wrkRps", BenchmarkReport.median(headline.wrk));
        for (Series series : all) {
            String prefix = "t" + series.threads;
            report.metric(prefix + "ThroughputRatioVsWrk", BenchmarkReport.median(series.ratio))
                    .metric(prefix + "ThroughputRatioMin", min(series.ratio))
                    .metric(prefix + "ThroughputRatioMax", max(series.ratio))
                    .metric(prefix + "SustainedRps", BenchmarkReport.median(series.sustained))
                    .metric(prefix + "WrkRps", BenchmarkReport.median(series.wrk))
                    .metric(prefix + "LateShare", BenchmarkReport.median(series.late))
                    .metric(prefix + "GeneratorCpuMsPerRequest", BenchmarkReport.median(series.cpuPerRequest))
                    .metric(prefix + "AchievedRatioAtWrkRate", BenchmarkReport.median(series.atWrkRate))
                    .metric(prefix + "AllocatedBytesPerRequest", BenchmarkReport.median(series.bytesPerRequest))
                    .metric(prefix + "ParkLoopLateShare", BenchmarkReport.median(series.parkLoopLate));
            ObjectNode node = (ObjectNode) byThreads.get(all.indexOf(series));
            ArrayNode ratios = node.putArray("ratios");
            for (double r : series.ratio) {
                if (Double.isFinite(r)) {
                    ratios.add(r);
                }
            }
        }
        report.goal("throughputRatioVsWrk", ">=", 0.8);
        for (Series series : all) {
            if (series != headline) {
                report.goal("t" + series.threads + "ThroughputRatioVsWrk", ">=", 0.8);
            }
        }
        details.put(
                "headline",
                "throughputRatioVsWrk, sustainedRps and wrkRps are the medians at "
                        + headline.threads
                        + " thread(s) (the number of cores, the generator's default); tN… metrics give"
                        + " the median, min and max over the runs at N threads");
        details.put(
                "parkLoopLateShare",
                "per run, before the ramp: N threads that do nothing but park until each due"
                        + " time of a uniform schedule at the ramp's first rate for one step, and count the wake-ups later than"
                        + " the generator's late threshold; the share the machine itself imposes (no I/O, no HTTP)");
        details.put("loadAverageBefore", loadBefore);
        details.put("loadAverageAfter", loadAverage());
        details.put("cores", cores);
        details.put(
                "achievedRatioAtWrkRate",
                "one extra step per run at wrk's rate: achieved / wrk, lateness ignored;"
                        + " tNAllocatedBytesPerRequest is the generator's allocation per request in that step (its I/O threads,"
                        + " warm-up included)");
        ObjectNode wrkNode = details.putObject("wrk");
        wrkNode.put("installed", withWrk);
        if (withWrk) {
            wrkNode.put("version", wrkVersion);
            wrkNode.put(
                    "command",
                    "wrk -tN -c" + connections + " -d" + wrkDuration.toSeconds() + "s URL (closed loop, its maximum)");
        } else {
            wrkNode.put(
                    "skipped",
                    "the comparison with wrk was skipped: '" + wrkCommand + "' could not be run;"
                            + " install it (Debian: apt-get install -y wrk) to measure wrkRps and throughputRatioVsWrk");
        }
        details.put(
                "generator",
                "open loop, uniform arrivals, --io-threads N, " + connections + " connections, +10 % every "
                        + step.toSeconds() + " s (after 1 s warm-up) until lateShare > 0.01");
        details.put("endpoint", url + " (reference service, separate JVM, " + serverThreads + " worker threads)");
        return report.toFields();
    }

    /** Raises the rate by 10 % per step from {@code start}; returns the last step with lateShare ≤ 1 % and no error. */
    private LoadTestResult ramp(String url, int threads, double start, ArrayNode steps) throws IOException {
        LoadTestResult best = null;
        double rate = start;
        int lowerings = 0;
        for (int k = 0; k < maxSteps; k++) {
            LoadTestResult result = step(url, threads, rate, steps.addObject());
            boolean kept = result.lateShare() <= LATE_LIMIT && result.errorCount() == 0;
            if (kept) {
                best = result;
                rate *= 1.1;
            } else if (best == null && lowerings < MAX_LOWERINGS) {
                // even the starting rate was too much: look lower before raising again
                rate *= 0.75;
                lowerings++;
            } else {
                break;
            }
        }
        return best;
    }

    /** One open-loop step of {@code step} at {@code rate}, after a 1 s warm-up; its figures go into {@code node}. */
    private LoadTestResult step(String url, int threads, double rate, ObjectNode node) throws IOException {
        LoadTestOptions options = LoadTestOptions.defaults(List.of(Target.parse(url)))
                .withConnections(connections)
                .withTimeout(Duration.ofSeconds(5))
                .withWarmup(Duration.ofSeconds(1))
                .withArrivals(Arrivals.UNIFORM, 1)
                .withIoThreads(threads);
        LoadTestResult result = LoadGenerator.create(options, line -> {}).run(ProfileShaping.constant(rate, step));
        node.put("intendedRps", result.intendedRps());
        node.put("achievedRps", result.achievedRps());
        node.put("lateShare", result.lateShare());
        node.put("errors", result.errorCount());
        node.put("p99Ms", result.latencyMs().p99());
        node.put("sendLagP99Ms", result.generator().sendLagP99Ms());
        node.put("dispatchLagP99Ms", result.generator().dispatchLagP99Ms());
        node.put("cpuMsPerRequest", result.generator().cpuMsPerRequest());
        Json.putNumber(
                node,
                "allocatedBytesPerRequest",
                result.generator().allocatedBytesPerRequest(),
                "the JVM does not count allocations per thread");
        return result;
    }

    /**
     * The late share of {@code threads} threads that only park until the due times of a uniform schedule at
     * {@code rate} for one step (thread {@code i} takes due times {@code i}, {@code i + threads}, …), with the
     * generator's late threshold: what the machine's scheduling alone costs, with no I/O at all.
     */
    private double parkLoopLateShare(double rate, int threads) throws InterruptedException {
        long count = Math.max(1, (long) (rate * step.toNanos() / 1e9));
        long gap = (long) (1e9 / rate);
        long threshold = Math.max(1_000_000L, gap / 10);
        long start = System.nanoTime() + 20_000_000L;
        java.util.concurrent.atomic.AtomicLong late = new java.util.concurrent.atomic.AtomicLong();
        List<Thread> parkers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int first = i;
            Thread parker = new Thread(
                    () -> {
                        long mine = 0;
                        for (long k = first; k < count; k += threads) {
                            long due = start + k * gap;
                            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                                java.util.concurrent.locks.LockSupport.parkNanos(wait);
                            }
                            if (System.nanoTime() - due > threshold) {
                                mine++;
                            }
                        }
                        late.addAndGet(mine);
                    },
                    "bench-park-loop-" + i);
            parker.setDaemon(true);
            parkers.add(parker);
            parker.start();
        }
        for (Thread parker : parkers) {
            parker.join();
        }
        return (double) late.get() / count;
    }

    private double runWrk(String url, int threads) throws IOException, InterruptedException {
        Process wrk = new ProcessBuilder(
                        wrkCommand, "-t" + threads, "-c" + connections, "-d" + wrkDuration.toSeconds() + "s", url)
                .redirectErrorStream(true)
                .start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!wrk.waitFor(wrkDuration.toSeconds() + 30, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
            throw new IllegalStateException("wrk failed: " + out.strip().replace('\n', ' '));
        }
        Matcher matcher = WRK_RPS.matcher(out);
        if (!matcher.find()) {
            throw new IllegalStateException(
                    "wrk printed no Requests/sec: " + out.strip().replace('\n', ' '));
        }
        return Double.parseDouble(matcher.group(1));
    }

    /** wrk's version line, or null when it cannot be run (the comparison is then skipped, and the document says so). */
    private String wrkVersion() throws InterruptedException {
        try {
            Process wrk = new ProcessBuilder(wrkCommand, "--version")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            wrk.waitFor(10, TimeUnit.SECONDS);
            return out.lines().findFirst().orElse("wrk").strip();
        } catch (IOException e) {
            return null;
        }
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double min(double[] values) {
        return java.util.Arrays.stream(values).filter(Double::isFinite).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return java.util.Arrays.stream(values).filter(Double::isFinite).max().orElse(Double.NaN);
    }

    private Process startEndpoint() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(
                        java.toString(),
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "io.prescale.cli.Main",
                        "serve-reference",
                        "--port",
                        "0",
                        "--threads",
                        String.valueOf(serverThreads),
                        "--queue",
                        "100000",
                        "--json")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static String awaitUrl(Process server) throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8));
        for (String line = err.readLine(); line != null; line = err.readLine()) {
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                Thread drain = new Thread(() -> err.lines().forEach(l -> {}), "endpoint-stderr");
                drain.setDaemon(true);
                drain.start();
                return matcher.group(1);
            }
        }
        throw new IllegalStateException("the endpoint JVM exited before listening (exit " + server.exitValue() + ")");
    }
}
