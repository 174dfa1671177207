package io.prescale.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code prescaleTune}: learns a scaling policy from real load tests of a staging target
 * ({@code prescale tune --space FILE --profiles FILE --target local|nomad:JOB/GROUP --budget N --seed S
 * --out policy.json}). With a {@code nomad:} target the Nomad address goes as {@code --nomad URL} and the ACL
 * token, when a credential is set, as the environment variable {@code NOMAD_TOKEN}.
 *
 * @param space the configuration space YAML
 * @param profiles the load profiles JSON (from {@code prescaleGenerate})
 * @param target {@code local} or {@code nomad:JOB/GROUP}
 * @param budget real load tests allowed, or null for the command's default
 * @param bands load bands of the policy, or null for the command's default
 * @param peakRps scale the profiles so that their 99th percentile is this many requests/s, or null
 * @param trialDuration measured length of each load test (e.g. {@code 4s}), or null
 * @param out the policy file to write
 * @param resume measurements of an interrupted run to continue from, or null
 * @param nomadUrl the Nomad API for a {@code nomad:} target, or null
 * @param nomadCredentialsId credential of the Nomad ACL token, or null
 * @param seed the seed
 */
public record TuneRequest(
        String space,
        String profiles,
        String target,
        Long budget,
        Long bands,
        Double peakRps,
        String trialDuration,
        String out,
        String resume,
        String nomadUrl,
        String nomadCredentialsId,
        long seed)
        implements StepRequest {
    public static final String STEP = "prescaleTune";
    public static final Set<String> ARGUMENTS = Set.of(
            "space",
            "profiles",
            "target",
            "budget",
            "bands",
            "peakRps",
            "trialDuration",
            "out",
            "resume",
            "nomadUrl",
            "nomadCredentialsId",
            "seed");

    public TuneRequest {
        java.util.Objects.requireNonNull(target, "target");
        if (!target.equals("local") && !target.matches("nomad:[^/\\s]+/[^/\\s]+")) {
            throw new StepFailure(STEP + ": argument 'target' must be local or nomad:JOB/GROUP, got '" + target + "'");
        }
    }

    public static TuneRequest from(Map<String, ?> arguments, PrescaleSettings settings) {
        StepArguments a = StepArguments.of(STEP, arguments, ARGUMENTS);
        Long seed = a.whole("seed");
        String target = a.requiredText("target");
        boolean nomad = target.startsWith("nomad:");
        return new TuneRequest(
                a.requiredText("space"),
                a.requiredText("profiles"),
                target,
                a.whole("budget"),
                a.whole("bands"),
                a.number("peakRps"),
                a.text("trialDuration", null),
                a.text("out", "prescale/policy.json"),
                a.text("resume", null),
                nomad ? PrescaleSettings.url(STEP, "nomadUrl", a.text("nomadUrl", settings.nomadUrl())) : null,
                nomad ? a.text("nomadCredentialsId", settings.nomadCredentialsId()) : null,
                seed == null ? 1 : seed);
    }

    @Override
    public String step() {
        return STEP;
    }

    @Override
    public List<Invocation> invocations() {
        List<SecretBinding> secrets = new ArrayList<>();
        if (nomadCredentialsId != null) {
            secrets.add(SecretBinding.environment(nomadCredentialsId, "NOMAD_TOKEN"));
        }
        return List.of(new Invocation(
                "tune",
                List.of("tune"),
                new Invocation.Options()
                        .add("--space", space)
                        .add("--profiles", profiles)
                        .add("--target", target)
                        .add("--nomad", nomadUrl)
                        .add("--budget", budget)
                        .add("--bands", bands)
                        .add("--peak-rps", peakRps)
                        .add("--trial-duration", trialDuration)
                        .add("--seed", seed)
                        .add("--resume", resume)
                        .add("--out", out)
                        .words(),
                secrets));
    }
}
