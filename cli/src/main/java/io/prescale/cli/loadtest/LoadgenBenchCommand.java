package io.prescale.cli.loadtest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.BadInputException;
import io.prescale.cli.base.BenchmarkReport;
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
 * {@code prescale bench loadgen}: the generator's sustainable open-loop rate against wrk's closed-loop throughput.
 * The trivial endpoint ({@code /ping} of the reference service) runs in a separate JVM. Each run: wrk
 * {@code -t1 -c64 -d10s}, then our generator on the same number of connections and one I/O thread, starting at
 * half wrk's rate (halved again, at most 4 times, while even that is too much) and raising it in 10 % steps of
 * 5 s until {@code lateShare} > 1 %; the sustained rate is the achieved rate of the last step that kept it. Median of 3 alternating runs. Needs Debian's {@code wrk}.
 */
@Command(name = "loadgen", description = "Load generator throughput against wrk (needs the wrk package).")
public final class LoadgenBenchCommand extends LeafCommand {
    private static final Pattern WRK_RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
    private static final double LATE_LIMIT = 0.01;

    @Option(names = "--runs", defaultValue = "3", description = "Alternating runs (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--connections", defaultValue = "64", description = "Connections of both tools (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--wrk-duration", defaultValue = "10s", description = "wrk run length (default: ${DEFAULT-VALUE}).")
    Duration wrkDuration;

    @Option(names = "--step", defaultValue = "5s", description = "Length of each rate step (default: ${DEFAULT-VALUE}).")
    Duration step;

    @Option(names = "--max-steps", defaultValue = "14", description = "Most rate steps per run (default: ${DEFAULT-VALUE}).")
    int maxSteps;

    @Option(names = "--server-threads", defaultValue = "4", description = "Worker threads of the endpoint (default: ${DEFAULT-VALUE}).")
    int serverThreads;

    @Override
    protected Result execute() throws Exception {
        if (runs < 1 || runs > 9 || connections < 1 || connections > 1000 || maxSteps < 1 || maxSteps > 50) {
            throw new BadInputException("--runs", String.valueOf(runs),
                    "--runs must be 1..9, --connections 1..1000 and --max-steps 1..50");
        }
        String wrkVersion = wrkVersion();
        Process server = startEndpoint();
        try {
            String url = awaitUrl(server) + "ping";
            progress("bench loadgen: endpoint " + url + " in a separate JVM; " + wrkVersion);
            return Result.of(measure(url, wrkVersion));
        } finally {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private ObjectNode measure(String url, String wrkVersion) throws Exception {
        double[] wrk = new double[runs];
        double[] sustained = new double[runs];
        double[] ratio = new double[runs];
        double[] late = new double[runs];
        double[] cpuPerRequest = new double[runs];
        double[] atWrkRate = new double[runs];
        double loadBefore = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        BenchmarkReport report = new BenchmarkReport("loadgen");
        ArrayNode runNodes = report.details().putArray("runs");
        for (int i = 0; i < runs; i++) {
            wrk[i] = runWrk(url);
            progress(String.format("bench loadgen: run %d wrk %.0f requests/s", i + 1, wrk[i]));
            ObjectNode runNode = runNodes.addObject();
            runNode.put("wrkRps", wrk[i]);
            LoadTestResult best = ramp(url, wrk[i] / 2, runNode.putArray("steps"));
            sustained[i] = best == null ? 0 : best.achievedRps();
            late[i] = best == null ? Double.NaN : best.lateShare();
            cpuPerRequest[i] = best == null ? Double.NaN : best.generator().cpuMsPerRequest();
            ratio[i] = sustained[i] / wrk[i];
            LoadTestResult probe = step(url, wrk[i], runNode.putObject("atWrkRate"));
            atWrkRate[i] = probe.achievedRps() / wrk[i];
            runNode.put("sustainedRps", sustained[i]);
            runNode.put("throughputRatioVsWrk", ratio[i]);
            progress(String.format("bench loadgen: run %d sustained %.0f requests/s, ratio %.2f", i + 1, sustained[i], ratio[i]));
        }
        report.metric("sustainedRps", BenchmarkReport.median(sustained))
                .metric("wrkRps", BenchmarkReport.median(wrk))
                .metric("throughputRatioVsWrk", BenchmarkReport.median(ratio))
                .metric("lateShare", BenchmarkReport.median(late))
                .metric("generatorCpuMsPerRequest", BenchmarkReport.median(cpuPerRequest))
                .metric("achievedRatioAtWrkRate", BenchmarkReport.median(atWrkRate))
                .goal("throughputRatioVsWrk", ">=", 0.8);
        ObjectNode details = report.details();
        details.put("loadAverageBefore", loadBefore);
        details.put("loadAverageAfter", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
        details.put("achievedRatioAtWrkRate", "one extra step per run at wrk's rate: achieved / wrk, lateness ignored");
        details.put("wrk", wrkVersion + ", -t1 -c" + connections + " -d" + wrkDuration.toSeconds() + "s");
        details.put("generator", "open loop, uniform arrivals, 1 I/O thread, " + connections
                + " connections, +10 % every " + step.toSeconds() + " s until lateShare > 0.01");
        details.put("endpoint", url + " (reference service, separate JVM, " + serverThreads + " worker threads)");
        return report.toFields();
    }

    /** Raises the rate by 10 % per step from {@code start}; returns the last step with lateShare ≤ 1 %. */
    private LoadTestResult ramp(String url, double start, ArrayNode steps) throws IOException {
        LoadTestResult best = null;
        double rate = start;
        int halvings = 0;
        for (int k = 0; k < maxSteps; k++) {
            LoadTestResult result = step(url, rate, steps.addObject());
            boolean kept = result.lateShare() <= LATE_LIMIT && result.errorCount() == 0;
            if (kept) {
                best = result;
                rate *= 1.1;
            } else if (best == null && halvings < 4) {
                // even the starting rate was too much: look lower before raising again
                rate /= 2;
                halvings++;
            } else {
                break;
            }
        }
        return best;
    }

    /** One open-loop step of {@code step} at {@code rate}, after a 1 s warm-up; its figures go into {@code node}. */
    private LoadTestResult step(String url, double rate, ObjectNode node) throws IOException {
        LoadTestOptions options = LoadTestOptions.defaults(List.of(Target.parse(url))).withConnections(connections)
                .withTimeout(Duration.ofSeconds(5)).withWarmup(Duration.ofSeconds(1)).withArrivals(Arrivals.UNIFORM, 1);
        LoadTestResult result = LoadGenerator.create(options, line -> { }).run(ProfileShaping.constant(rate, step));
        node.put("intendedRps", result.intendedRps());
        node.put("achievedRps", result.achievedRps());
        node.put("lateShare", result.lateShare());
        node.put("errors", result.errorCount());
        node.put("p99Ms", result.latencyMs().p99());
        node.put("sendLagP99Ms", result.generator().sendLagP99Ms());
        node.put("dispatchLagP99Ms", result.generator().dispatchLagP99Ms());
        node.put("cpuMsPerRequest", result.generator().cpuMsPerRequest());
        return result;
    }

    private double runWrk(String url) throws IOException, InterruptedException {
        Process wrk = new ProcessBuilder("wrk", "-t1", "-c" + connections, "-d" + wrkDuration.toSeconds() + "s", url)
                .redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!wrk.waitFor(wrkDuration.toSeconds() + 30, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
            throw new IllegalStateException("wrk failed: " + out.strip().replace('\n', ' '));
        }
        Matcher matcher = WRK_RPS.matcher(out);
        if (!matcher.find()) {
            throw new IllegalStateException("wrk printed no Requests/sec: " + out.strip().replace('\n', ' '));
        }
        return Double.parseDouble(matcher.group(1));
    }

    private static String wrkVersion() throws InterruptedException {
        try {
            Process wrk = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            wrk.waitFor(10, TimeUnit.SECONDS);
            return out.lines().findFirst().orElse("wrk").strip();
        } catch (IOException e) {
            throw new IllegalStateException("wrk is not installed, so sustainedRps, wrkRps and throughputRatioVsWrk"
                    + " cannot be measured; install it (Debian: apt-get install -y wrk) and run again");
        }
    }

    private Process startEndpoint() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "io.prescale.cli.Main", "serve-reference", "--port", "0", "--threads", String.valueOf(serverThreads),
                "--queue", "100000", "--json")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static String awaitUrl(Process server) throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8));
        for (String line = err.readLine(); line != null; line = err.readLine()) {
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                Thread drain = new Thread(() -> err.lines().forEach(l -> { }), "endpoint-stderr");
                drain.setDaemon(true);
                drain.start();
                return matcher.group(1);
            }
        }
        throw new IllegalStateException("the endpoint JVM exited before listening (exit " + server.exitValue() + ")");
    }
}
