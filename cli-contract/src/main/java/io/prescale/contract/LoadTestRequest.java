package io.prescale.contract;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code prescaleLoadTest}: an open-model HTTP load test of the staging targets, replaying a load profile or a
 * constant rate ({@code prescale loadtest --target URL,… (--profile FILE | --rate R --duration D) …}). The CLI
 * checks the values (exit 2 names a bad one); this record checks the arguments' names and types.
 *
 * @param targets target URLs, one per instance
 * @param profile a load profile JSON file, or null with {@code rate}
 * @param rate constant requests/s, or null
 * @param duration run length with {@code rate}, or null
 * @param compress divide each profile step's duration by this, or null
 * @param scale multiply the profile's rates, or null
 * @param peakRps scale the profile to this peak, or null
 * @param arrivals {@code poisson} or {@code uniform}, or null
 * @param connections connection limit, or null
 * @param timeout per-request timeout, or null
 * @param warmup unrecorded warm-up, or null
 * @param stopOnErrorRate stop above this failed share, or null
 * @param seed the seed
 */
public record LoadTestRequest(
        List<String> targets,
        String profile,
        Double rate,
        String duration,
        Double compress,
        Double scale,
        Double peakRps,
        String arrivals,
        Long connections,
        String timeout,
        String warmup,
        Double stopOnErrorRate,
        long seed)
        implements StepRequest {
    public static final String STEP = "prescaleLoadTest";
    public static final Set<String> ARGUMENTS = Set.of(
            "target",
            "profile",
            "rate",
            "duration",
            "compress",
            "scale",
            "peakRps",
            "arrivals",
            "connections",
            "timeout",
            "warmup",
            "stopOnErrorRate",
            "seed");

    public LoadTestRequest {
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new StepFailure(STEP + ": argument 'target' is required (one URL per staging instance)");
        }
    }

    public static LoadTestRequest from(Map<String, ?> arguments) {
        StepArguments a = StepArguments.of(STEP, arguments, ARGUMENTS);
        Long seed = a.whole("seed");
        return new LoadTestRequest(
                a.list("target"),
                a.text("profile", null),
                a.number("rate"),
                a.text("duration", null),
                a.number("compress"),
                a.number("scale"),
                a.number("peakRps"),
                a.text("arrivals", null),
                a.whole("connections"),
                a.text("timeout", null),
                a.text("warmup", null),
                a.number("stopOnErrorRate"),
                seed == null ? 1 : seed);
    }

    @Override
    public String step() {
        return STEP;
    }

    @Override
    public List<Invocation> invocations() {
        return List.of(new Invocation(
                "loadtest",
                List.of("loadtest"),
                new Invocation.Options()
                        .add("--target", String.join(",", targets))
                        .add("--profile", profile)
                        .add("--rate", rate)
                        .add("--duration", duration)
                        .add("--compress", compress)
                        .add("--scale", scale)
                        .add("--peak-rps", peakRps)
                        .add("--arrivals", arrivals)
                        .add("--connections", connections)
                        .add("--timeout", timeout)
                        .add("--warmup", warmup)
                        .add("--stop-on-error-rate", stopOnErrorRate)
                        .add("--seed", seed)
                        .words(),
                List.of()));
    }
}
