package io.prescale.contract;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/** The steps by name: builds the checked request of any step from its named arguments and the site settings. */
public final class StepRequests {
    /** Every step, in pipeline order. */
    public static final List<String> STEPS = List.of(
            CollectRequest.STEP,
            TrainRequest.STEP,
            GenerateRequest.STEP,
            LoadTestRequest.STEP,
            TuneRequest.STEP,
            PublishRequest.STEP);

    /** Every step's argument names. */
    public static final Map<String, java.util.Set<String>> ARGUMENTS = Map.of(
            CollectRequest.STEP,
            CollectRequest.ARGUMENTS,
            TrainRequest.STEP,
            TrainRequest.ARGUMENTS,
            GenerateRequest.STEP,
            GenerateRequest.ARGUMENTS,
            LoadTestRequest.STEP,
            LoadTestRequest.ARGUMENTS,
            TuneRequest.STEP,
            TuneRequest.ARGUMENTS,
            PublishRequest.STEP,
            PublishRequest.ARGUMENTS);

    private StepRequests() {}

    /**
     * Checks only the names of a step's arguments, with {@code extra} names an adapter adds (such as the tool to
     * use), before any value is read.
     *
     * @throws StepFailure naming the first unknown argument and the accepted ones
     */
    public static void checkNames(String step, Map<String, ?> arguments, java.util.Collection<String> extra) {
        java.util.Set<String> accepted = new java.util.TreeSet<>(ARGUMENTS.getOrDefault(step, java.util.Set.of()));
        accepted.addAll(extra);
        StepArguments.of(step, arguments, accepted);
    }

    /**
     * @throws StepFailure for an unknown step, an unknown or missing argument, or a value of the wrong type
     */
    public static StepRequest of(String step, Map<String, ?> arguments, PrescaleSettings settings, Clock clock) {
        return switch (step) {
            case CollectRequest.STEP -> CollectRequest.from(arguments, settings, clock);
            case TrainRequest.STEP -> TrainRequest.from(arguments);
            case GenerateRequest.STEP -> GenerateRequest.from(arguments);
            case LoadTestRequest.STEP -> LoadTestRequest.from(arguments);
            case TuneRequest.STEP -> TuneRequest.from(arguments, settings);
            case PublishRequest.STEP -> PublishRequest.from(arguments, settings);
            default -> throw new StepFailure("no Prescale step named '" + step + "'; expected one of " + STEPS);
        };
    }
}
