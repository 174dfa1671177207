package io.prescale.nomad.loop;

import io.prescale.core.forecast.Forecaster;
import io.prescale.core.scale.ScalingController;
import io.prescale.core.scale.SeasonalQuantileForecaster;
import io.prescale.nomad.annotations.Annotations;
import io.prescale.nomad.annotations.Mode;
import java.time.Duration;
import java.util.Objects;

/**
 * How the loop evaluates: the annotation defaults ({@code annotationDefaults}: mode, lead, cooldown, quantile), {@code dryRun} (forces
 * forecast-only), the load grid ({@code step}, {@code history} read back from now), the forecaster and how often
 * it is refitted, the controller's remaining options (hysteresis, staleness, low-load window; lead, cooldown and
 * quantile come from each group), how many groups are evaluated in parallel ({@code parallelism}, CPU-bound), and
 * how many Nomad calls of a cycle may be in flight at once ({@code ioParallelism}: the re-reads and scale calls of
 * different jobs, and discovery's job reads; one job's groups still act one after another).
 */
public record ActuatorOptions(Annotations.Defaults annotationDefaults, boolean dryRun, Duration step, Duration history,
                              Forecaster forecaster, Duration refitEvery, ScalingController.Options controller,
                              int parallelism, int ioParallelism) {
    public ActuatorOptions {
        Objects.requireNonNull(annotationDefaults, "annotationDefaults");
        Objects.requireNonNull(forecaster, "forecaster");
        Objects.requireNonNull(controller, "controller");
        positive(step, "step");
        positive(history, "history");
        positive(refitEvery, "refitEvery");
        if (history.compareTo(step.multipliedBy(4)) < 0) {
            throw new IllegalArgumentException("history must cover at least 4 steps, got " + history + " at " + step);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be ≥ 1, got " + parallelism);
        }
        if (ioParallelism < 1) {
            throw new IllegalArgumentException("ioParallelism must be ≥ 1, got " + ioParallelism);
        }
    }

    /**
     * forecast-only defaults, 5-minute steps, 8 days of history, the seasonal-quantile forecaster refitted every
     * 6 h, the controller's defaults, 2 threads for evaluation and 16 Nomad calls in flight.
     */
    public static ActuatorOptions defaults() {
        return new ActuatorOptions(Annotations.Defaults.defaults(), false, Duration.ofMinutes(5), Duration.ofDays(8),
                new SeasonalQuantileForecaster(), Duration.ofHours(6), ScalingController.Options.defaults(), 2, 16);
    }

    public ActuatorOptions withMode(Mode mode) {
        return new ActuatorOptions(annotationDefaults.withMode(mode), dryRun, step, history, forecaster, refitEvery, controller, parallelism,
                ioParallelism);
    }

    public ActuatorOptions withDryRun(boolean dry) {
        return new ActuatorOptions(annotationDefaults, dry, step, history, forecaster, refitEvery, controller, parallelism,
                ioParallelism);
    }

    public ActuatorOptions withStep(Duration s) {
        return new ActuatorOptions(annotationDefaults, dryRun, s, history, forecaster, refitEvery, controller, parallelism,
                ioParallelism);
    }

    public ActuatorOptions withHistory(Duration h) {
        return new ActuatorOptions(annotationDefaults, dryRun, step, h, forecaster, refitEvery, controller, parallelism,
                ioParallelism);
    }

    public ActuatorOptions withForecaster(Forecaster f) {
        return new ActuatorOptions(annotationDefaults, dryRun, step, history, f, refitEvery, controller, parallelism,
                ioParallelism);
    }

    public ActuatorOptions withRefitEvery(Duration r) {
        return new ActuatorOptions(annotationDefaults, dryRun, step, history, forecaster, r, controller, parallelism,
                ioParallelism);
    }

    public ActuatorOptions withController(ScalingController.Options c) {
        return new ActuatorOptions(annotationDefaults, dryRun, step, history, forecaster, refitEvery, c, parallelism, ioParallelism);
    }

    public ActuatorOptions withParallelism(int p) {
        return new ActuatorOptions(annotationDefaults, dryRun, step, history, forecaster, refitEvery, controller, p, ioParallelism);
    }

    public ActuatorOptions withIoParallelism(int p) {
        return new ActuatorOptions(annotationDefaults, dryRun, step, history, forecaster, refitEvery, controller,
                parallelism, p);
    }

    private static void positive(Duration d, String name) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }
}
