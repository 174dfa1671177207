package io.prescale.loadtest.staging;

import io.prescale.core.tune.Configuration;
import io.prescale.core.tune.Measurement;
import io.prescale.core.tune.StagingException;
import io.prescale.core.tune.StagingTarget;
import io.prescale.core.tune.TrialRunner;
import io.prescale.loadtest.Arrivals;
import io.prescale.loadtest.LoadGenerator;
import io.prescale.loadtest.LoadTestOptions;
import io.prescale.loadtest.LoadTestResult;
import io.prescale.loadtest.ProfileShaping;
import io.prescale.loadtest.Target;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Real load tests for the tuner: deploys the configuration on a {@link StagingTarget}, replays a constant open-model
 * load (Poisson arrivals, latency from the intended start, so no coordinated omission) against every instance for
 * {@code duration} after {@code warmup}, and checks the instances survived it.
 *
 * @param target where configurations run
 * @param duration measured length of each load test
 * @param warmup unmeasured lead-in at the same rate
 * @param timeout per-request timeout (a request that takes longer counts as an error)
 * @param path the request path
 * @param seed seed of the arrivals (the trial number is added)
 */
public record LoadTestTrials(
        StagingTarget target, Duration duration, Duration warmup, Duration timeout, String path, long seed)
        implements TrialRunner {
    public LoadTestTrials {
        Objects.requireNonNull(target, "target");
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("trial duration must be > 0, got " + duration);
        }
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(timeout, "timeout");
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("trial path must start with '/', got " + path);
        }
    }

    @Override
    public Measurement run(int trial, String phase, Configuration config, double loadRps) {
        StagingTarget.Deployment deployment = target.apply(config);
        List<Target> targets = deployment.addresses().stream()
                .map(url -> Target.parse(url.replaceAll("/+$", "") + path))
                .toList();
        LoadTestOptions options = LoadTestOptions.defaults(targets)
                .withTimeout(timeout)
                .withWarmup(warmup)
                .withConnections(Math.max(16, 32 * targets.size()))
                .withArrivals(Arrivals.POISSON, seed + trial);
        LoadTestResult result;
        try {
            result = LoadGenerator.create(options, line -> {}).run(ProfileShaping.constant(loadRps, duration));
        } catch (IOException e) {
            throw new StagingException(
                    "load test of " + config + " at " + loadRps + " requests/s failed: " + e.getMessage(), e);
        }
        target.verify();
        double errorRate = result.requests() == 0 ? 1 : Math.min(1, result.errorCount() / (double) result.requests());
        return new Measurement(
                trial,
                phase,
                config,
                loadRps,
                result.latencyMs().p99(),
                errorRate,
                result.achievedRps(),
                result.run().durationSeconds());
    }
}
