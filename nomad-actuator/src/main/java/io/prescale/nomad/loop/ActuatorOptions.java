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
 * quantile come from each group), and how many groups are evaluated in parallel.
 */
public record ActuatorOptions(
        Annotations.Defaults annotationDefaults,
        boolean dryRun,
        Duration step,
        Duration history,
        Forecaster forecaster,
        Duration refitEvery,
        ScalingController.Options controller,
        int parallelism) {
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
    }

    /**
     * forecast-only defaults, 5-minute steps, 8 days of history, the seasonal-quantile forecaster refitted every
     * 6 h, the controller's defaults, 2 threads.
     */
    public static ActuatorOptions defaults() {
        return new ActuatorOptions(
                Annotations.Defaults.defaults(),
                false,
                Duration.ofMinutes(5),
                Duration.ofDays(8),
                new SeasonalQuantileForecaster(),
                Duration.ofHours(6),
                ScalingController.Options.defaults(),
                2);
    }

    public ActuatorOptions withMode(Mode mode) {
        return new ActuatorOptions(
                annotationDefaults.withMode(mode),
                dryRun,
                step,
                history,
                forecaster,
                refitEvery,
                controller,
                parallelism);
    }

    public ActuatorOptions withDryRun(boolean dry) {
        return new ActuatorOptions(
                annotationDefaults, dry, step, history, forecaster, refitEvery, controller, parallelism);
    }

    public ActuatorOptions withStep(Duration s) {
        return new ActuatorOptions(
                annotationDefaults, dryRun, s, history, forecaster, refitEvery, controller, parallelism);
    }

    public ActuatorOptions withHistory(Duration h) {
        return new ActuatorOptions(
                annotationDefaults, dryRun, step, h, forecaster, refitEvery, controller, parallelism);
    }

    public ActuatorOptions withForecaster(Forecaster f) {
        return new ActuatorOptions(annotationDefaults, dryRun, step, history, f, refitEvery, controller, parallelism);
    }

    public ActuatorOptions withRefitEvery(Duration r) {
        return new ActuatorOptions(annotationDefaults, dryRun, step, history, forecaster, r, controller, parallelism);
    }

    public ActuatorOptions withController(ScalingController.Options c) {
        return new ActuatorOptions(annotationDefaults, dryRun, step, history, forecaster, refitEvery, c, parallelism);
    }

    public ActuatorOptions withParallelism(int p) {
        return new ActuatorOptions(annotationDefaults, dryRun, step, history, forecaster, refitEvery, controller, p);
    }

    private static void positive(Duration d, String name) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }
}
