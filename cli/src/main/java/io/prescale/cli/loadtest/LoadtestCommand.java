package io.prescale.cli.loadtest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.BadInputException;
import io.prescale.cli.base.Json;
import io.prescale.cli.base.LeafCommand;
import io.prescale.cli.base.SeedOption;
import io.prescale.core.series.LoadProfile;
import io.prescale.loadtest.Arrivals;
import io.prescale.loadtest.LoadGenerator;
import io.prescale.loadtest.LoadLimits;
import io.prescale.loadtest.LoadTestOptions;
import io.prescale.loadtest.LoadTestResult;
import io.prescale.loadtest.ProfileShaping;
import io.prescale.loadtest.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code prescale loadtest}: replays a constant rate or a load profile open-loop against one or more HTTP
 * targets and reports throughput, lateness, errors by kind and latency without coordinated omission.
 */
@Command(name = "loadtest", description = "Open-model HTTP load test: replay a rate or a load profile against targets.")
public final class LoadtestCommand extends LeafCommand {
    /** Longest run accepted after compression: every run is bounded. */
    static final Duration MAX_RUN = Duration.ofHours(24);

    @Option(
            names = "--target",
            required = true,
            split = ",",
            paramLabel = "URL",
            description = "Target URL(s), one per instance, comma-separated; requests go round-robin.")
    List<String> targets;

    @Option(names = "--rate", paramLabel = "R", description = "Constant arrival rate, requests/s (with --duration).")
    Double rate;

    @Option(names = "--duration", paramLabel = "D", description = "Run length with --rate (e.g. 30s).")
    Duration duration;

    @Option(
            names = "--profile",
            paramLabel = "FILE",
            description = "A load profile JSON file to replay, or the"
                    + " array of profiles that generate sample --out writes (see --profile-index).")
    Path profile;

    @Option(
            names = "--profile-index",
            paramLabel = "N",
            defaultValue = "0",
            description = "Which profile of an array --profile file to replay, from 0 (default: ${DEFAULT-VALUE}).")
    int profileIndex;

    @Option(
            names = "--compress",
            paramLabel = "X",
            defaultValue = "1",
            description = "Divide every profile step's duration by X, rates unchanged (default: ${DEFAULT-VALUE}).")
    double compress;

    @Option(names = "--scale", paramLabel = "Y", description = "Multiply the profile's rates by Y.")
    Double scale;

    @Option(names = "--peak-rps", paramLabel = "R", description = "Scale the profile so its peak is R requests/s.")
    Double peakRps;

    @Option(
            names = "--arrivals",
            paramLabel = "poisson|uniform",
            defaultValue = "poisson",
            description = "Poisson or evenly spaced arrivals (default: ${DEFAULT-VALUE}).")
    String arrivals;

    @Option(
            names = "--connections",
            paramLabel = "N",
            defaultValue = "64",
            description = "Connection limit over all targets (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(
            names = "--io-threads",
            paramLabel = "N",
            description = "I/O threads sharing the arrivals and the connections (default: one per core).")
    Integer ioThreads;

    @Option(
            names = "--timeout",
            paramLabel = "D",
            defaultValue = "10s",
            description = "Per-request timeout from the send (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(
            names = "--warmup",
            paramLabel = "D",
            defaultValue = "0s",
            description = "Unrecorded warm-up at the first rate before measuring (default: ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(
            names = "--stop-on-error-rate",
            paramLabel = "F",
            defaultValue = "1",
            description =
                    "Stop when the share of failed requests exceeds F in (0,1] (default: ${DEFAULT-VALUE}, never).")
    double stopOnErrorRate;

    @Mixin
    SeedOption seed;

    @Override
    protected Result execute() throws Exception {
        LoadTestOptions options = options();
        Shaped shaped = shapedProfile();
        progress(String.format(
                "loadtest: %d requests expected over %.1f s against %d target(s)",
                Math.round(shaped.profile.expectedRequests()),
                shaped.profile.duration().toMillis() / 1000.0,
                options.targets().size()));
        LoadTestResult result = LoadGenerator.create(options, this::progress).run(shaped.profile);
        ObjectNode fields = LoadTestJson.fields(result);
        fields.put("compress", compress);
        fields.put("scale", shaped.scale);
        if (profile != null) {
            fields.put("profile", profile.toString());
        }
        ArrayNode notes = fields.putArray("notes");
        notes(result).forEach(notes::add);
        notes.forEach(note -> progress("loadtest: " + note.asText()));
        return new Result(fields, human(result));
    }

    private LoadTestOptions options() {
        List<Target> parsed = new ArrayList<>();
        for (String url : targets) {
            try {
                parsed.add(Target.parse(url));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--target", url, e.getMessage());
            }
        }
        Arrivals kind;
        try {
            kind = Arrivals.parse(arrivals);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--arrivals", arrivals, e.getMessage());
        }
        requireThat(
                connections >= 1 && connections <= 10_000,
                "--connections",
                String.valueOf(connections),
                "--connections must be in 1..10000, got " + connections);
        requireThat(
                timeout.toMillis() >= 1 && timeout.compareTo(Duration.ofHours(1)) <= 0,
                "--timeout",
                String.valueOf(timeout),
                "--timeout must be between 1 ms and 1 h, got " + timeout);
        requireThat(
                !warmup.isNegative() && warmup.compareTo(MAX_RUN) <= 0,
                "--warmup",
                String.valueOf(warmup),
                "--warmup must be between 0 and 24 h, got " + warmup);
        requireThat(
                stopOnErrorRate > 0 && stopOnErrorRate <= 1,
                "--stop-on-error-rate",
                String.valueOf(stopOnErrorRate),
                "--stop-on-error-rate must be in (0, 1], got " + stopOnErrorRate);
        int threads = ioThreads == null ? LoadTestOptions.defaultIoThreads() : ioThreads;
        requireThat(
                threads >= 1 && threads <= 256,
                "--io-threads",
                String.valueOf(threads),
                "--io-threads must be in 1..256, got " + threads);
        return LoadTestOptions.defaults(parsed)
                .withConnections(connections)
                .withTimeout(timeout)
                .withWarmup(warmup)
                .withStopOnErrorRate(stopOnErrorRate)
                .withArrivals(kind, seed.seed())
                .withIoThreads(threads);
    }

    private record Shaped(LoadProfile profile, double scale) {}

    private Shaped shapedProfile() throws IOException {
        LoadProfile base;
        if (profile == null) {
            requireThat(
                    rate != null && duration != null,
                    "--rate",
                    null,
                    "give either --rate R with --duration D, or --profile FILE");
            requireThat(
                    rate > 0 && Double.isFinite(rate),
                    "--rate",
                    String.valueOf(rate),
                    "--rate must be a number > 0 requests/s, got " + rate);
            requireThat(
                    !duration.isNegative() && !duration.isZero() && duration.compareTo(MAX_RUN) <= 0,
                    "--duration",
                    String.valueOf(duration),
                    "--duration must be between 1 ms and 24 h, got " + duration);
            requireThat(
                    scale == null && peakRps == null && compress == 1,
                    "--scale",
                    null,
                    "--compress, --scale and --peak-rps apply to --profile; with --rate give the rate itself");
            base = ProfileShaping.constant(rate, duration);
        } else {
            requireThat(
                    rate == null && duration == null,
                    "--profile",
                    profile.toString(),
                    "give either --profile FILE or --rate with --duration, not both");
            base = readProfile();
        }
        try {
            LoadProfile shaped = compress == 1 ? base : ProfileShaping.compress(base, compress);
            requireThat(
                    scale == null || peakRps == null,
                    "--scale",
                    String.valueOf(scale),
                    "give --scale or --peak-rps, not both");
            double factor = scale != null ? scale : peakRps != null ? ProfileShaping.scaleForPeak(shaped, peakRps) : 1;
            shaped = factor == 1 ? shaped : ProfileShaping.scale(shaped, factor);
            requireThat(
                    shaped.duration().compareTo(MAX_RUN) <= 0,
                    "--compress",
                    String.valueOf(compress),
                    "the run would last " + shaped.duration() + "; compress it to at most 24 h");
            requireThat(
                    shaped.expectedRequests() > 0,
                    "--profile",
                    String.valueOf(profile),
                    "the profile's rates are all 0; there is nothing to send");
            checkLimits(shaped);
            return new Shaped(shaped, factor);
        } catch (BadInputException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new BadInputException(
                    scale != null ? "--scale" : peakRps != null ? "--peak-rps" : "--compress", null, e.getMessage());
        }
    }

    /** {@link LoadLimits}, blamed on the option that set the rate. */
    private void checkLimits(LoadProfile shaped) {
        try {
            LoadLimits.check(shaped, timeout);
        } catch (IllegalArgumentException e) {
            String option = profile == null
                    ? "--rate"
                    : scale != null ? "--scale" : peakRps != null ? "--peak-rps" : "--profile";
            String value = profile == null
                    ? String.valueOf(rate)
                    : scale != null
                            ? String.valueOf(scale)
                            : peakRps != null ? String.valueOf(peakRps) : profile.toString();
            throw new BadInputException(option, value, option + " " + value + ": " + e.getMessage());
        }
    }

    /** Reads --profile: a LoadProfile JSON document, or element --profile-index of an array of them. */
    private LoadProfile readProfile() throws IOException {
        requireThat(
                profileIndex >= 0,
                "--profile-index",
                String.valueOf(profileIndex),
                "--profile-index must be >= 0, got " + profileIndex);
        try {
            if (Files.isRegularFile(profile) && Files.size(profile) > LoadProfile.MAX_FILE_BYTES) {
                LoadProfile.read(profile); // throws, naming the limit
            }
            // bytes decoded leniently: a binary file is then "not a load profile", not an I/O failure
            String text = new String(Files.readAllBytes(profile), StandardCharsets.UTF_8);
            com.fasterxml.jackson.databind.JsonNode tree = readTree(text);
            if (tree != null && tree.isArray()) {
                requireThat(
                        profileIndex < tree.size(),
                        "--profile-index",
                        String.valueOf(profileIndex),
                        "--profile-index " + profileIndex + " is past the end: " + profile + " holds " + tree.size()
                                + " profile(s), numbered from 0");
                return LoadProfile.fromJson(tree.get(profileIndex).toString());
            }
            requireThat(
                    profileIndex == 0,
                    "--profile-index",
                    String.valueOf(profileIndex),
                    "--profile-index " + profileIndex + " needs an array of profiles; " + profile + " holds one");
            return LoadProfile.fromJson(text);
        } catch (NoSuchFileException e) {
            throw new BadInputException("--profile", profile.toString(), "--profile file not found: " + profile);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(
                    "--profile",
                    profile.toString(),
                    "--profile " + profile + " is not a valid load profile: " + e.getMessage());
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            return null; // fromJson names what is wrong
        }
    }

    private static void requireThat(boolean condition, String option, String value, String message) {
        if (!condition) {
            throw new BadInputException(option, value, message);
        }
    }

    static List<String> notes(LoadTestResult result) {
        List<String> notes = new ArrayList<>();
        LoadTestResult.Errors errors = result.errors();
        if (errors.total() > 0) {
            notes.add(String.format(
                    "%d of %d requests failed: connect %d, timeout %d, reset %d, http4xx %d, http5xx %d",
                    errors.total(),
                    result.requests(),
                    errors.connect(),
                    errors.timeout(),
                    errors.reset(),
                    errors.http4xx(),
                    errors.http5xx()));
        }
        if (result.run().stopped()) {
            notes.add("stopped early: " + result.run().stopReason());
        }
        if (result.lateShare() > 0.01) {
            notes.add(String.format(
                    "%.1f %% of requests started late: the target or the generator did not keep up",
                    100 * result.lateShare()));
        }
        return notes;
    }

    private static String human(LoadTestResult result) {
        return String.format(
                "%d requests, intended %.1f/s, achieved %.1f/s, late %.2f %%, errors %d, p50 %s, p99 %s," + " max %s",
                result.requests(),
                result.intendedRps(),
                result.achievedRps(),
                100 * result.lateShare(),
                result.errorCount(),
                ms(result.latencyMs().p50()),
                ms(result.latencyMs().p99()),
                ms(result.latencyMs().max()));
    }

    private static String ms(double value) {
        return Double.isFinite(value) ? String.format("%.1f ms", value) : "n/a (no response)";
    }
}
