package io.prescale.cli.forecast;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.BadInputException;
import io.prescale.cli.base.Json;
import io.prescale.cli.base.LeafCommand;
import io.prescale.cli.base.SeedOption;
import io.prescale.cli.input.EventsOption;
import io.prescale.cli.input.TraceInput;
import io.prescale.core.forecast.Backtest;
import io.prescale.core.forecast.BacktestResult;
import io.prescale.core.forecast.BacktestSpec;
import io.prescale.core.forecast.EventCalendar;
import io.prescale.core.forecast.ForecastOptions;
import io.prescale.core.forecast.Forecasters;
import io.prescale.core.forecast.LstmOptions;
import io.prescale.core.series.TimeSeries;
import io.prescale.core.series.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code prescale forecast backtest}: the rolling-origin backtest for one or more models. */
@Command(name = "backtest", description = "Rolling-origin backtest of forecasting models on a series.")
public final class ForecastBacktestCommand extends LeafCommand {
    /** What {@code --models} means when it is not given: every model but the LSTM. */
    static final String DEFAULT_MODELS =
            "naive,seasonal-naive-daily,seasonal-naive-weekly,holt-winters,arima,prophet,auto";

    @Mixin
    TraceInput input;

    @Option(
            names = "--horizon",
            required = true,
            paramLabel = "H",
            description = "Steps ahead (e.g. 5) or a duration that is a whole number of steps (e.g. 2h30m).")
    String horizon;

    @Option(
            names = "--refit-every",
            paramLabel = "N",
            description = "Steps or duration between refits (default: one day).")
    String refitEvery;

    @Option(names = "--test-from", paramLabel = "T", description = "First scored timestamp (default: the last 20 %%).")
    String testFrom;

    @Option(
            names = "--models",
            paramLabel = "LIST",
            defaultValue = DEFAULT_MODELS,
            description = "Comma-separated model names, or 'all' (default: ${DEFAULT-VALUE}).")
    String models;

    @Mixin
    EventsOption events;

    @Option(names = "--lstm-quick", description = "A small LSTM (for tests and the quick demo).")
    boolean lstmQuick;

    @Mixin
    SeedOption seed;

    @Mixin
    io.prescale.cli.base.ExcludeAnomaliesOption excludeAnomalies;

    @Override
    protected Result execute() {
        List<String> names = modelNames(models);
        TimeSeries series = input.series();
        ForecastInput.checkSeries(series, "--input", input.file().toString());
        int h = ForecastInput.steps("--horizon", horizon, series.step());
        int refit = refitEvery == null
                ? Math.max(1, (int)
                        (java.time.Duration.ofDays(1).toNanos() / series.step().toNanos()))
                : ForecastInput.steps("--refit-every", refitEvery, series.step());
        int from = testFromIndex(series, h);
        BacktestSpec spec = new BacktestSpec(h, from, refit);
        EventCalendar calendar = events.calendar();
        ForecastOptions options = ForecastOptions.defaults()
                .withHorizon(h)
                .withSeed(seed.seed())
                .withEvents(calendar.events())
                .withLstm(lstmQuick ? LstmOptions.quick() : LstmOptions.defaults());
        ObjectNode fields = Json.object();
        fields.put("input", input.file().toString());
        if (!calendar.isEmpty()) {
            fields.set("events", events.describe(calendar, series));
        }
        fields.put("step", series.step().toString());
        fields.put("horizonSteps", h);
        fields.put("testFrom", series.timeAt(from).toString());
        ArrayNode modelNodes = Json.object().arrayNode();
        ArrayNode failed = Json.object().arrayNode();
        List<BacktestResult> results = new ArrayList<>();
        String best = null;
        for (String name : names) {
            progress("backtest " + name + " …");
            try {
                BacktestResult result = Backtest.run(
                        series,
                        excludeAnomalies.apply(Forecasters.byName(name, options, calendar), series, seed.seed()),
                        spec);
                results.add(result);
                modelNodes.add(ForecastJson.backtestModel(result));
                if (name.equals("auto")) {
                    best = String.valueOf(result.facts().get("chosen"));
                }
            } catch (RuntimeException | LinkageError e) {
                ObjectNode f = failed.addObject();
                f.put("name", name);
                f.put(
                        "error",
                        String.valueOf(e.getMessage())
                                .lines()
                                .findFirst()
                                .orElse(e.getClass().getSimpleName()));
            }
        }
        fields.put("targets", results.isEmpty() ? 0 : results.get(0).metrics().targets());
        fields.put("skippedTargets", results.isEmpty() ? 0 : results.get(0).skippedTargets());
        fields.set("models", modelNodes);
        fields.set("failed", failed);
        if (best == null) {
            best = results.stream()
                    .filter(r -> Double.isFinite(r.metrics().mase()))
                    .min(java.util.Comparator.comparingDouble(r -> r.metrics().mase()))
                    .map(BacktestResult::model)
                    .orElse(null);
        }
        if (best == null) {
            fields.putNull("best");
        } else {
            fields.put("best", best);
        }
        return Result.of(fields);
    }

    static List<String> modelNames(String list) {
        if (list.strip().equals("all")) {
            return Forecasters.NAMES;
        }
        List<String> names = new ArrayList<>();
        for (String name : list.split(",")) {
            String n = name.strip();
            if (!Forecasters.NAMES.contains(n)) {
                throw new BadInputException(
                        "--models",
                        list,
                        "--models names unknown model '" + n + "'; expected 'all' or some of " + Forecasters.NAMES);
            }
            if (!names.contains(n)) {
                names.add(n);
            }
        }
        return names;
    }

    private int testFromIndex(TimeSeries series, int h) {
        int n = series.size();
        if (testFrom == null) {
            int index = (int) Math.floor(0.8 * n);
            if (index < h + 1 || index >= n) {
                throw new BadInputException(
                        "--input",
                        input.file().toString(),
                        "--input has " + n + " steps, too few for a backtest at horizon " + h);
            }
            return index;
        }
        Instant time;
        try {
            time = Timestamps.parseInstant(testFrom.strip());
        } catch (RuntimeException e) {
            throw new BadInputException("--test-from", testFrom, "--test-from '" + testFrom + "' is not a timestamp");
        }
        long index = series.indexOf(time);
        if (!time.equals(series.timeAt((int) Math.max(0, Math.min(index, n)))) && index >= 0 && index < n) {
            index++;
        }
        if (index < h + 1 || index >= n) {
            throw new BadInputException(
                    "--test-from",
                    testFrom,
                    "--test-from '" + testFrom + "' is outside the series (" + series.timeAt(h + 1) + " .. "
                            + series.timeAt(n - 1) + " at horizon " + h + ")");
        }
        return (int) index;
    }
}
