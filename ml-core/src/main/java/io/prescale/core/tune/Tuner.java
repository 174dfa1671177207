package io.prescale.core.tune;

import io.prescale.core.scale.ScalingPolicy;
import io.prescale.core.series.LoadProfile;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A tuning run: a maximin Latin hypercube over configuration × load and then random search and Bayesian
 * optimisation (as many real load tests each, at the sizing load) calibrate the {@link CapacityModel} with real load
 * tests (the design alone first decides whether the SLO is reachable at all); PPO learns
 * over the training profiles in the {@link TuningEnvironment}; its policy is exported as load bands, compared on the
 * held-out profiles with the per-band grid optimum, and its bands re-measured by real load tests. The budget is
 * split as design = N − validation − 2·search with search = ⌊(N − validation) / 3⌋ (at least 2, and lowered so that the
 * design keeps its minimum of knobs + 2) and validation = bands + 1.
 */
public final class Tuner {
    /** The target utilisation of the hand-written policy's {@code capacityPerInstance} (the backtest's default U). */
    static final double HAND_WRITTEN_UTILISATION = 0.7;

    private final ConfigSpace space;
    private final TuneOptions options;
    private final Clock clock;

    public Tuner(ConfigSpace space, TuneOptions options, Clock clock) {
        this.space = Objects.requireNonNull(space, "space");
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Checks the budget against the space before anything runs.
     *
     * @throws IllegalArgumentException naming the minimum
     */
    public void checkBudget() {
        int minimum = options.minimumBudget(space.knobs().size());
        if (options.budget() < minimum) {
            throw new IllegalArgumentException("budget " + options.budget() + " is below the minimum " + minimum
                    + " for " + space.knobs().size() + " knobs (design ≥ "
                    + TuneOptions.minimumDesign(space.knobs().size())
                    + ", 2 per search, " + (options.bands() + 1) + " validation)");
        }
    }

    /**
     * Runs the whole tuning.
     *
     * @param resumed measurements of an earlier run with the same inputs, reused trial by trial
     * @throws UnreachableSloException when no configuration holds the SLO at the sizing load
     * @throws StagingException when the target dies (every finished measurement has reached the listener)
     */
    public TuneResult run(
            List<LoadProfile> profiles, TrialRunner runner, List<Measurement> resumed, TuneListener listener) {
        checkBudget();
        long started = clock.millis();
        Profiles data = Profiles.of(profiles, options.peakRps(), options.heldOutShare());
        int validation = options.bands() + 1;
        int minimumDesign = TuneOptions.minimumDesign(space.knobs().size());
        int search = Math.max(
                2, Math.min((options.budget() - validation) / 3, (options.budget() - validation - minimumDesign) / 2));
        int design = options.budget() - validation - 2 * search;
        Trials trials = new Trials(runner, resumed, listener, clock, options.budget());
        listener.progress(String.format(
                "tune: %d load tests (%d design, %d random, %d Bayesian, up to %d validation); "
                        + "p99 of the profiles %.1f rps, sizing load %.1f rps",
                options.budget(), design, search, search, validation, data.p99(), data.sizing()));

        List<Measurement> designed = new ArrayList<>();
        double[][] points = LatinHypercube.sample(design, space.knobs().size() + 1, options.seed());
        for (double[] point : points) {
            Configuration config = space.at(Arrays.copyOf(point, space.knobs().size()));
            double load = data.sizing() * (0.1 + 1.4 * point[space.knobs().size()]);
            designed.add(trials.run("design", config, load));
        }
        List<Configuration> grid = space.grid();
        if (GridOptimum.cheapest(space, CapacityModel.fit(space, designed, options.seed()), grid, data.sizing())
                == null) {
            throw unreachable(designed, data.sizing());
        }
        Searches searches = Searches.run(space, grid, trials, data.sizing(), search, options.seed());
        // every real test so far calibrates the model: the searches add tests at the sizing load, where it matters most
        List<Measurement> calibration = trials.all();
        CapacityModel model = CapacityModel.fit(space, calibration, options.seed());
        listener.progress(String.format(
                "capacity model: %s on %d load tests, cross-validated p99 error %.3f (median " + "relative), %d folds",
                model.name(),
                calibration.size(),
                model.validation().best().p99ErrorShare(),
                model.validation().folds()));
        if (GridOptimum.cheapest(space, model, grid, data.sizing()) == null) {
            throw unreachable(calibration, data.sizing());
        }
        ActionSet actions = ActionSet.of(space, model, 4 * data.sizing(), options.maxVariants());
        listener.progress(
                "ppo: " + actions.size() + " actions (" + actions.variants() + " non-dominated variants × counts)");
        Ppo.Result learned = Ppo.train(
                i -> new TuningEnvironment(data.train(), actions, options.environment(), data.sizing()),
                options.ppo().withSeed(options.seed()),
                listener::progress);
        PolicyExport export = PolicyExport.of(space, model, actions, learned.policy(), data, options, grid);
        List<TuneResult.BandValidation> validations = new ArrayList<>();
        int violating = 0;
        for (int b = 0; b < export.configs().size(); b++) {
            Configuration config = export.configs().get(b);
            double load = export.sizingLoads()[b];
            Measurement m = trials.run("validation", config, load);
            Prediction p = model.predict(config, load);
            validations.add(
                    new TuneResult.BandValidation(b, load, config, p.p99Ms(), m.p99Ms(), p.errorRate(), m.errorRate()));
            violating += m.holds(space.slo()) ? 0 : 1;
        }
        Configuration ppoTop = export.configs().get(export.configs().size() - 1);
        Configuration gridTop = export.gridConfigs().get(export.gridConfigs().size() - 1);
        double gridViolation = validations.get(validations.size() - 1).measuredP99Ms()
                        > space.slo().p99Ms()
                ? 1
                : 0;
        if (!gridTop.equals(ppoTop)) {
            Measurement m = trials.run("validation", gridTop, data.sizing());
            gridViolation = m.holds(space.slo()) ? 0 : 1;
        }
        TuneResult.MethodResult ppo = new TuneResult.MethodResult(
                ppoTop,
                space.costPerHour(ppoTop),
                violating / (double) export.configs().size(),
                design + export.configs().size());
        TuneResult.MethodResult gridResult = new TuneResult.MethodResult(
                gridTop, space.costPerHour(gridTop), gridViolation, design + (gridTop.equals(ppoTop) ? 0 : 1));
        TuneResult.HeldOut heldOut = export.heldOut();
        ScalingPolicy policy = export.policy(
                trials.count(), model, learned, heldOut, validations, (clock.millis() - started) / 1000.0, searches);
        PricedPolicy priced = PricedPolicy.of("learned", policy, export.configs(), model, 4 * data.sizing());
        PricedPolicy hand = PricedPolicy.handWritten(
                handWrittenConfig(model, data.sizing()), model, HAND_WRITTEN_UTILISATION, 4 * data.sizing());
        double wall = (clock.millis() - started) / 1000.0;
        return new TuneResult(
                policy,
                ppo,
                gridResult,
                searches.bayes(),
                searches.random(),
                heldOut.ppoPolicyCostPerHour() / heldOut.gridPolicyCostPerHour() - 1,
                heldOut.ppoEpisodeCost() / heldOut.staticEpisodeCost(),
                heldOut,
                model.validation(),
                validations,
                learned.curve(),
                searches.bayesCurve(),
                searches.randomCurve(),
                trials.all(),
                data.sizing(),
                wall,
                priced,
                hand);
    }

    /**
     * The configuration of the hand-written comparison: every knob at the middle of its range (snapped to its levels),
     * the way a team sizes a service without measurements; when the model says that holds no load, the per-instance
     * configuration that holds the most.
     */
    private Configuration handWrittenConfig(CapacityModel model, double sizing) {
        double[] middle = new double[space.knobs().size()];
        Arrays.fill(middle, 0.5);
        Configuration config = space.at(middle);
        if (model.capacity(config.with(space.instancesKnob().name(), 1), 4 * sizing) > 0) {
            return config;
        }
        return space.grid().stream()
                .filter(c -> space.count(c) == space.instancesKnob().min())
                .max(Comparator.comparingDouble(c -> model.capacity(c, 4 * sizing)))
                .orElse(config);
    }

    private UnreachableSloException unreachable(List<Measurement> measured, double load) {
        Measurement closest = measured.stream()
                .filter(m -> Double.isFinite(m.p99Ms()))
                .min(Comparator.comparingDouble(Measurement::p99Ms))
                .orElse(measured.get(0));
        return new UnreachableSloException(
                String.format(
                        "no configuration of the space holds the SLO (p99 ≤ %s ms, "
                                + "errors ≤ %s) at %.1f requests/s; the closest measured was %s at %.1f requests/s with p99 %.1f ms "
                                + "and error rate %.4f",
                        num(space.slo().p99Ms()),
                        num(space.slo().errorRate()),
                        load,
                        closest.config(),
                        closest.loadRps(),
                        closest.p99Ms(),
                        closest.errorRate()),
                closest);
    }

    private static String num(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
