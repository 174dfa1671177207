package io.prescale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prescale.cli.base.OutputContext;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The output contract of DESIGN.md §4, for every leaf command: with {@code --json}, stdout is exactly one JSON
 * document starting with command/schemaVersion/prescaleVersion on success, and the error document with exit
 * code 2 on bad input. Every command registered must have a case here (see {@link #everyLeafCommandHasCases}).
 */
class CommandContractTest {
    @TempDir
    static Path temp;

    /** command → (arguments that succeed, arguments that are bad input). {@code $TMP} is a fresh temp dir. */
    static Map<String, List<List<String>>> cases() {
        Map<String, List<List<String>>> cases = new LinkedHashMap<>();
        cases.put(
                "demo",
                List.of(
                        List.of("demo", "--quick", "--out", "$TMP/demo", "--store", "$TMP/store", "--json"),
                        List.of("demo", "--quick", "--seed", "notanumber", "--json")));
        String csv = StoreFixture.nycTaxiDay().toString();
        String web = StoreFixture.storeWithWebSeries().toString();
        cases.put(
                "import",
                List.of(
                        List.of(
                                "import",
                                "--from",
                                "nab:" + csv,
                                "--series",
                                "taxi",
                                "--store",
                                "$TMP/store",
                                "--json"),
                        List.of(
                                "import",
                                "--from",
                                "csv:$TMP/missing.csv",
                                "--series",
                                "taxi",
                                "--store",
                                "$TMP/store",
                                "--json")));
        cases.put(
                "series list",
                List.of(
                        List.of("series", "list", "--store", web, "--json"),
                        List.of("series", "list", "--store", csv, "--json")));
        cases.put(
                "series show",
                List.of(
                        List.of("series", "show", "--series", "web", "--store", web, "--json"),
                        List.of("series", "show", "--series", "nope", "--store", web, "--json")));
        cases.put(
                "collect",
                List.of(
                        List.of(
                                "collect",
                                "--store",
                                "$TMP/collect",
                                "--remote-write-listen",
                                "127.0.0.1:0",
                                "--select",
                                "web=prescale:request_rate{job=\"web\"}",
                                "--for",
                                "1s",
                                "--json"),
                        List.of(
                                "collect",
                                "--store",
                                "$TMP/collect",
                                "--remote-write-listen",
                                "127.0.0.1:0",
                                "--select",
                                "web=prescale:request_rate{job=",
                                "--for",
                                "1s",
                                "--json")));
        cases.put(
                "bench store",
                List.of(
                        List.of("bench", "store", "--samples", "1000", "--json"),
                        List.of("bench", "store", "--samples", "5", "--json")));
        cases.put(
                "series export",
                List.of(
                        List.of(
                                "series",
                                "export",
                                "--series",
                                "web",
                                "--store",
                                web,
                                "--out",
                                "$TMP/web.csv",
                                "--json"),
                        List.of("series", "export", "--series", "web", "--format", "xml", "--store", web, "--json")));
        cases.put(
                "scale backtest",
                List.of(
                        List.of(
                                "scale",
                                "backtest",
                                "--input",
                                "src/test/resources/scale/nyc_taxi_first_10_days.csv",
                                "--json"),
                        List.of(
                                "scale",
                                "backtest",
                                "--input",
                                "src/test/resources/scale/nyc_taxi_first_10_days.csv",
                                "--lead",
                                "0s",
                                "--json")));
        cases.put(
                "bench controller",
                List.of(
                        List.of("bench", "controller", "--decisions", "2000", "--no-backtest", "--json"),
                        List.of("bench", "controller", "--decisions", "0", "--json")));
        cases.put(
                "loadtest",
                List.of(
                        List.of(
                                "loadtest",
                                "--target",
                                "http://127.0.0.1:9/",
                                "--rate",
                                "5",
                                "--duration",
                                "1s",
                                "--timeout",
                                "500ms",
                                "--json"),
                        List.of(
                                "loadtest",
                                "--target",
                                "http://127.0.0.1:9/",
                                "--rate",
                                "0",
                                "--duration",
                                "1s",
                                "--json")));
        cases.put(
                "serve-reference",
                List.of(
                        List.of("serve-reference", "--port", "0", "--duration", "500ms", "--json"),
                        List.of("serve-reference", "--port", "0", "--cpus", "0", "--duration", "1s", "--json")));
        // A contract smoke of the benchmark (tiny sizes, no figures asserted); without wrk it skips the comparison.
        cases.put(
                "bench loadgen",
                List.of(
                        List.of(
                                "bench",
                                "loadgen",
                                "--runs",
                                "1",
                                "--wrk-duration",
                                "1s",
                                "--step",
                                "1s",
                                "--max-steps",
                                "1",
                                "--connections",
                                "4",
                                "--io-threads",
                                "1,2",
                                "--json"),
                        List.of("bench", "loadgen", "--runs", "0", "--json")));
        String taxi = "src/test/resources/forecast/nyc_taxi_3w.csv";
        cases.put(
                "forecast",
                List.of(
                        List.of("forecast", "--input", taxi, "--model", "holt-winters", "--horizon", "2h", "--json"),
                        List.of("forecast", "--input", taxi, "--horizon", "0", "--json")));
        cases.put(
                "forecast backtest",
                List.of(
                        List.of(
                                "forecast",
                                "backtest",
                                "--input",
                                taxi,
                                "--horizon",
                                "5",
                                "--models",
                                "seasonal-naive-weekly,holt-winters",
                                "--json"),
                        List.of(
                                "forecast",
                                "backtest",
                                "--input",
                                taxi,
                                "--horizon",
                                "5",
                                "--models",
                                "magic",
                                "--json")));
        cases.put(
                "forecast train",
                List.of(
                        List.of(
                                "forecast",
                                "train",
                                "--input",
                                taxi,
                                "--model",
                                "arima",
                                "--out",
                                "$TMP/arima.zip",
                                "--json"),
                        List.of(
                                "forecast",
                                "train",
                                "--input",
                                "src/test/resources/forecast/constant.csv",
                                "--model",
                                "arima",
                                "--out",
                                "$TMP/arima.zip",
                                "--json")));
        cases.put(
                "bench forecast",
                List.of(
                        List.of(
                                "bench",
                                "forecast",
                                "--parts",
                                "batch",
                                "--variants",
                                "3",
                                "--batch-model",
                                "seasonal-naive-daily",
                                "--json"),
                        List.of("bench", "forecast", "--parts", "speed", "--json")));
        String nab = anomalyResource("nab");
        cases.put(
                "anomaly nab",
                List.of(
                        List.of(
                                "anomaly",
                                "nab",
                                "--data",
                                nab + "/data",
                                "--labels",
                                nab + "/combined_windows.json",
                                "--detector",
                                "iforest",
                                "--json"),
                        List.of(
                                "anomaly",
                                "nab",
                                "--data",
                                nab + "/data",
                                "--labels",
                                nab + "/combined_windows.json",
                                "--detector",
                                "nosuch",
                                "--json")));
        String input = nab + "/data/realAWSCloudwatch/iio_us-east-1_i-a2eb1cd9_NetworkIn.csv";
        cases.put(
                "anomaly score",
                List.of(
                        List.of("anomaly", "score", "--input", input, "--detector", "iforest", "--json"),
                        List.of("anomaly", "score", "--input", "$TMP/missing.csv", "--json")));
        cases.put(
                "bench anomaly",
                List.of(
                        List.of(
                                "bench",
                                "anomaly",
                                "--detectors",
                                "iforest",
                                "--year-rows",
                                "2000",
                                "--nab",
                                "$TMP/none",
                                "--json"),
                        List.of("bench", "anomaly", "--detectors", "nosuch", "--json")));
        cases.put(
                "generate train",
                List.of(
                        List.of(
                                "generate",
                                "train",
                                "--input",
                                GENERATE + "daily.csv",
                                "--model",
                                "vae",
                                "--window",
                                "24",
                                "--iterations",
                                "20",
                                "--out",
                                "$TMP/vae.zip",
                                "--json"),
                        List.of(
                                "generate",
                                "train",
                                "--input",
                                GENERATE + "daily.csv",
                                "--model",
                                "vae",
                                "--window",
                                "5000",
                                "--out",
                                "$TMP/vae.zip",
                                "--json")));
        cases.put(
                "generate sample",
                List.of(
                        List.of(
                                "generate",
                                "sample",
                                "--model-file",
                                GENERATE + "vae-small.zip",
                                "--n",
                                "2",
                                "--peak",
                                "2",
                                "--event",
                                "flash-crowd:3@18h/2h",
                                "--edge-cases",
                                "1",
                                "--out",
                                "$TMP/p.json",
                                "--json"),
                        List.of(
                                "generate",
                                "sample",
                                "--model-file",
                                GENERATE + "vae-small.zip",
                                "--noise",
                                "-1",
                                "--out",
                                "$TMP/p.json",
                                "--json")));
        cases.put(
                "generate evaluate",
                List.of(
                        List.of(
                                "generate",
                                "evaluate",
                                "--input",
                                GENERATE + "daily.csv",
                                "--model",
                                "vae",
                                "--window",
                                "24",
                                "--iterations",
                                "20",
                                "--runs",
                                "1",
                                "--discriminator-iterations",
                                "10",
                                "--predictor-iterations",
                                "10",
                                "--json"),
                        List.of(
                                "generate",
                                "evaluate",
                                "--input",
                                GENERATE + "daily.csv",
                                "--model",
                                "vae",
                                "--window",
                                "5000",
                                "--json")));
        cases.put(
                "bench generate",
                List.of(
                        List.of("bench", "generate", "--models", "none", "--vae-iterations", "5", "--json"),
                        List.of("bench", "generate", "--runs", "0", "--json")));
        cases.put(
                "grafana export",
                List.of(
                        List.of("grafana", "export", "--out", "$TMP/grafana", "--json"),
                        List.of(
                                "grafana",
                                "export",
                                "--out",
                                "$TMP/grafana",
                                "--dashboards-path",
                                "relative",
                                "--json")));
        cases.put(
                "grafana publish",
                List.of(
                        List.of(
                                "grafana",
                                "publish",
                                "--url",
                                io.prescale.cli.grafana.FakeGrafana.url(),
                                "--grafana-token-file",
                                io.prescale.cli.grafana.FakeGrafana.tokenFile(),
                                "--json"),
                        List.of("grafana", "publish", "--url", "not a url", "--json")));
        String jobs = "src/test/resources/actuator/jobs.json";
        cases.put(
                "actuator run",
                List.of(
                        List.of(
                                "actuator",
                                "run",
                                "--once",
                                "--jobs-file",
                                jobs,
                                "--store",
                                web,
                                "--step",
                                "1m",
                                "--history",
                                "10m",
                                "--now",
                                "2024-03-01T00:05:00Z",
                                "--json"),
                        List.of("actuator", "run", "--once", "--store", web, "--json")));
        io.prescale.cli.actuator.ActuatorFixture actuator = io.prescale.cli.actuator.ActuatorFixture.get();
        cases.put(
                "policy publish",
                List.of(
                        List.of(
                                "policy",
                                "publish",
                                "--url",
                                actuator.url,
                                "--token-file",
                                actuator.tokenFile.toString(),
                                "--file",
                                actuator.policyFile.toString(),
                                "--json"),
                        List.of(
                                "policy",
                                "publish",
                                "--url",
                                actuator.url,
                                "--token-file",
                                actuator.tokenFile.toString(),
                                "--file",
                                "$TMP/missing.json",
                                "--json")));
        cases.put(
                "policy get",
                List.of(
                        List.of(
                                "policy",
                                "get",
                                "--url",
                                actuator.url,
                                "--token-file",
                                actuator.tokenFile.toString(),
                                "--name",
                                "published",
                                "--json"),
                        List.of("policy", "get", "--url", actuator.url, "--name", "bad name!", "--json")));
        cases.put(
                "actuator fake-nomad",
                List.of(
                        List.of(
                                "actuator",
                                "fake-nomad",
                                "--jobs-file",
                                jobs,
                                "--port",
                                "0",
                                "--duration",
                                "200ms",
                                "--json"),
                        List.of("actuator", "fake-nomad", "--jobs-file", "$TMP/missing.json", "--json")));
        cases.put(
                "bench actuator",
                List.of(
                        List.of(
                                "bench",
                                "actuator",
                                "--groups",
                                "20",
                                "--cycles",
                                "1",
                                "--fault-cycles",
                                "3",
                                "--fault-groups",
                                "2",
                                "--json"),
                        List.of("bench", "actuator", "--groups", "0", "--json")));
        cases.put(
                "tune",
                List.of(
                        List.of(
                                "tune",
                                "--space",
                                TUNE + "tiny-space.yaml",
                                "--profiles",
                                TUNE + "profiles.json",
                                "--budget",
                                "10",
                                "--bands",
                                "1",
                                "--trial-duration",
                                "200ms",
                                "--warmup",
                                "0s",
                                "--ppo-iterations",
                                "1",
                                "--out",
                                "$TMP/policy.json",
                                "--json"),
                        List.of(
                                "tune",
                                "--space",
                                TUNE + "inverted-space.yaml",
                                "--profiles",
                                TUNE + "profiles.json",
                                "--out",
                                "$TMP/policy.json",
                                "--json")));
        cases.put(
                "bench tune",
                List.of(
                        List.of(
                                "bench",
                                "tune",
                                "--space",
                                TUNE + "tiny-space.yaml",
                                "--profiles",
                                TUNE + "profiles.json",
                                "--budget",
                                "10",
                                "--bands",
                                "1",
                                "--peak-rps",
                                "20",
                                "--trial-duration",
                                "200ms",
                                "--ppo-iterations",
                                "1",
                                "--json"),
                        List.of("bench", "tune", "--budget", "0", "--json")));
        return cases;
    }

    /** An anomaly test resource as a file path. */
    static String anomalyResource(String name) {
        try {
            return Path.of(CommandContractTest.class
                            .getResource("/io/prescale/cli/anomaly/" + name)
                            .toURI())
                    .toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Small inputs of the generate commands: 20 synthetic days, hourly, and a tiny VAE trained on them. */
    static final String GENERATE = "src/test/resources/generate/";

    /** A two-knob space, three small profiles and a space with an inverted range, for the tune commands. */
    static final String TUNE = "src/test/resources/tune/";

    static Stream<Arguments> successCases() {
        return cases().entrySet().stream()
                .map(e -> Arguments.of(e.getKey(), e.getValue().get(0)));
    }

    static Stream<Arguments> badInputCases() {
        return cases().entrySet().stream()
                .map(e -> Arguments.of(e.getKey(), e.getValue().get(1)));
    }

    @ParameterizedTest(name = "{0} succeeds with one JSON document")
    @MethodSource("successCases")
    void succeedsWithOneJsonDocument(String command, List<String> args) throws Exception {
        CliRun run = CliRun.run(Map.of("PRESCALE_HOME", temp.resolve("home").toString()), expand(args));
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode document = run.json();
        Iterator<String> names = document.fieldNames();
        assertThat(names.next()).isEqualTo("command");
        assertThat(names.next()).isEqualTo("schemaVersion");
        assertThat(names.next()).isEqualTo("prescaleVersion");
        assertThat(document.get("command").asText()).isEqualTo(command);
        assertThat(document.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(document.has("error")).isFalse();
        if (hasSeedOption(command)) {
            assertThat(document.has("seed"))
                    .as("a stochastic command echoes its seed")
                    .isTrue();
        }
    }

    /** Whether {@code command} (e.g. "forecast backtest") takes {@code --seed}. */
    private static boolean hasSeedOption(String command) {
        OutputContext output = new OutputContext(
                new PrintStream(PrintStream.nullOutputStream()),
                new PrintStream(PrintStream.nullOutputStream()),
                Map.of());
        CommandLine line = Prescale.newCommandLine(output);
        for (String name : command.split(" ")) {
            line = line.getSubcommands().get(name);
        }
        return line.getCommandSpec().findOption("--seed") != null;
    }

    @ParameterizedTest(name = "{0} rejects bad input with exit 2 and the error document")
    @MethodSource("badInputCases")
    void rejectsBadInputWithErrorDocument(String command, List<String> args) throws Exception {
        CliRun run = CliRun.run(Map.of("PRESCALE_HOME", temp.resolve("home").toString()), expand(args));
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
        JsonNode document = run.json();
        assertThat(document.get("command").asText()).isEqualTo(command);
        assertThat(document.at("/error/exitCode").asInt()).isEqualTo(2);
        assertThat(document.at("/error/message").asText()).isNotBlank().doesNotContain("\n");
        assertThat(run.stderr().strip().lines()).last().asString().startsWith("prescale: ");
        assertThat(run.stderr()).doesNotContain("Usage:");
    }

    @Test
    void everyLeafCommandHasCases() {
        OutputContext output = new OutputContext(
                new PrintStream(PrintStream.nullOutputStream()),
                new PrintStream(PrintStream.nullOutputStream()),
                Map.of());
        List<String> leaves = new ArrayList<>();
        collectLeaves(Prescale.newCommandLine(output), leaves);
        assertThat(new TreeSet<>(cases().keySet())).containsAll(leaves);
    }

    @Test
    void unknownOptionIsBadInputNamingIt() {
        CliRun run = CliRun.run("demo", "--no-such-flag", "--json");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.json().at("/error/message").asText()).contains("--no-such-flag");
    }

    @Test
    void everyCommandPrintsItsUsageWithHelp() {
        CliRun run = CliRun.run("forecast", "backtest", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).startsWith("Usage: prescale forecast backtest").contains("--horizon");
    }

    @Test
    void versionNamesVersionAndCommit() {
        CliRun run = CliRun.run("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).startsWith("prescale ").contains("commit");
    }

    private static void collectLeaves(CommandLine command, List<String> leaves) {
        // A command that runs (a LeafCommand) needs cases even when it also has subcommands (`forecast`).
        if (command.getCommand() instanceof io.prescale.cli.base.LeafCommand) {
            leaves.add(command.getCommandSpec().qualifiedName(" ").replaceFirst("^prescale ?", ""));
        }
        for (CommandLine sub : new LinkedHashMap<>(command.getSubcommands()).values()) {
            if (!sub.getCommandSpec().name().equals("help")) {
                collectLeaves(sub, leaves);
            }
        }
    }

    private static String[] expand(List<String> args) throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory(temp, "case");
        return args.stream().map(a -> a.replace("$TMP", dir.toString())).toArray(String[]::new);
    }
}
