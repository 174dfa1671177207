package io.prescale.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code prescaleGenerate}: trains a load model on the history ({@code prescale generate train}) unless only a
 * trained {@code modelFile} is given, then samples typical and edge-case profiles from it
 * ({@code prescale generate sample}).
 *
 * @param input multi-column CSV to train on, or null to sample from an existing {@code modelFile}
 * @param model {@code vae} or {@code gan}
 * @param window steps per window (required with {@code input})
 * @param iterations training iterations, or null for the command's default
 * @param modelFile the model file trained (or read)
 * @param n typical profiles
 * @param edgeCases edge-case profiles
 * @param edgeDetector the scorer of edge cases, or null for the command's default
 * @param seasonality profile control, or null
 * @param trend profile control, or null
 * @param noise profile control, or null
 * @param peak profile control, or null
 * @param events events to inject, e.g. {@code flash-crowd:3@18h/30m}
 * @param out the profiles file to write (a JSON array of load profiles)
 * @param seed the seed of both runs
 */
public record GenerateRequest(
        String input,
        String model,
        Long window,
        Long iterations,
        String modelFile,
        long n,
        long edgeCases,
        String edgeDetector,
        Double seasonality,
        Double trend,
        Double noise,
        Double peak,
        List<String> events,
        String out,
        long seed)
        implements StepRequest {
    public static final String STEP = "prescaleGenerate";
    public static final Set<String> ARGUMENTS = Set.of(
            "input",
            "model",
            "window",
            "iterations",
            "modelFile",
            "n",
            "edgeCases",
            "edgeDetector",
            "seasonality",
            "trend",
            "noise",
            "peak",
            "events",
            "out",
            "seed");

    public GenerateRequest {
        events = List.copyOf(events);
        if (input != null && window == null) {
            throw new StepFailure(STEP + ": argument 'window' is required with 'input' (steps per window, e.g. one"
                    + " day of steps)");
        }
    }

    public static GenerateRequest from(Map<String, ?> arguments) {
        StepArguments a = StepArguments.of(STEP, arguments, ARGUMENTS);
        String input = a.text("input", null);
        if (input == null && !a.has("modelFile")) {
            throw new StepFailure(STEP + ": give 'input' (history to train on) or 'modelFile' (a trained model)");
        }
        Long n = a.whole("n");
        Long edgeCases = a.whole("edgeCases");
        Long seed = a.whole("seed");
        return new GenerateRequest(
                input,
                a.text("model", "vae"),
                a.whole("window"),
                a.whole("iterations"),
                a.text("modelFile", "prescale/load-model.zip"),
                n == null ? 8 : n,
                edgeCases == null ? 2 : edgeCases,
                a.text("edgeDetector", null),
                a.number("seasonality"),
                a.number("trend"),
                a.number("noise"),
                a.number("peak"),
                a.list("events"),
                a.text("out", "prescale/profiles.json"),
                seed == null ? 1 : seed);
    }

    @Override
    public String step() {
        return STEP;
    }

    @Override
    public List<Invocation> invocations() {
        List<Invocation> runs = new ArrayList<>();
        if (input != null) {
            runs.add(new Invocation(
                    "train",
                    List.of("generate", "train"),
                    new Invocation.Options()
                            .add("--input", input)
                            .add("--model", model)
                            .add("--window", window)
                            .add("--iterations", iterations)
                            .add("--out", modelFile)
                            .add("--seed", seed)
                            .words(),
                    List.of()));
        }
        runs.add(new Invocation(
                "sample",
                List.of("generate", "sample"),
                new Invocation.Options()
                        .add("--model-file", modelFile)
                        .add("--n", n)
                        .add("--edge-cases", edgeCases)
                        .add("--edge-detector", edgeDetector)
                        .add("--seasonality", seasonality)
                        .add("--trend", trend)
                        .add("--noise", noise)
                        .add("--peak", peak)
                        .each("--event", events)
                        .add("--out", out)
                        .add("--seed", seed)
                        .words(),
                List.of()));
        return List.copyOf(runs);
    }
}
