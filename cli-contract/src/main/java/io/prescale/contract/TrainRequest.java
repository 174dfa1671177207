package io.prescale.contract;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code prescaleTrain}: fits a forecasting model on a series and saves it
 * ({@code prescale forecast train --input FILE --model NAME --out MODEL [--horizon H] [--events FILE] --seed S}).
 *
 * @param input the {@code timestamp,value} CSV
 * @param model a model name ({@code auto}, {@code holt-winters}, {@code arima}, …)
 * @param out the model file to write
 * @param horizon steps or a duration the model is tuned for, or null for the command's default
 * @param events known events file, or null
 * @param seed the seed
 */
public record TrainRequest(String input, String model, String out, String horizon, String events, long seed)
        implements StepRequest {
    public static final String STEP = "prescaleTrain";
    public static final Set<String> ARGUMENTS = Set.of("input", "model", "out", "horizon", "events", "seed");

    public static TrainRequest from(Map<String, ?> arguments) {
        StepArguments a = StepArguments.of(STEP, arguments, ARGUMENTS);
        Long seed = a.whole("seed");
        return new TrainRequest(
                a.requiredText("input"),
                a.text("model", "auto"),
                a.text("out", "prescale/forecast-model.zip"),
                a.text("horizon", null),
                a.text("events", null),
                seed == null ? 1 : seed);
    }

    @Override
    public String step() {
        return STEP;
    }

    @Override
    public List<Invocation> invocations() {
        return List.of(new Invocation(
                "train",
                List.of("forecast", "train"),
                new Invocation.Options()
                        .add("--input", input)
                        .add("--model", model)
                        .add("--out", out)
                        .add("--horizon", horizon)
                        .add("--events", events)
                        .add("--seed", seed)
                        .words(),
                List.of()));
    }
}
