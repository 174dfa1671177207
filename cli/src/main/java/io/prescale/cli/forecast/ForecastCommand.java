package io.prescale.cli.forecast;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.BadInputException;
import io.prescale.cli.base.Json;
import io.prescale.cli.base.LeafCommand;
import io.prescale.cli.base.SeedOption;
import io.prescale.cli.input.EventsOption;
import io.prescale.cli.input.StoreOption;
import io.prescale.cli.input.TraceInput;
import io.prescale.core.forecast.EventCalendar;
import io.prescale.core.forecast.ForecastModel;
import io.prescale.core.forecast.ForecastModelFile;
import io.prescale.core.forecast.ForecastOptions;
import io.prescale.core.forecast.Forecasters;
import io.prescale.core.forecast.QuantileForecast;
import io.prescale.core.series.TimeSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code prescale forecast (--series NAME | --input FILE) [--model-file MODEL] --horizon D}: the forecast with its
 * quantiles, from a saved model or from {@code --model} fitted on the spot (default auto). {@code --series} names a
 * series in the store ({@code prescale import}).
 */
@Command(
        name = "forecast",
        description = "Forecast a series with quantiles; see also 'backtest' and 'train'.",
        subcommands = {ForecastBacktestCommand.class, ForecastTrainCommand.class})
public final class ForecastCommand extends LeafCommand {
    static final double[] LEVELS = {0.1, 0.5, 0.9, 0.95, 0.99};

    @Option(names = "--series", paramLabel = "NAME", description = "A series in the store (see prescale import).")
    String series;

    @Mixin
    StoreOption store;

    @Mixin
    TraceInput input;

    @Option(names = "--model-file", paramLabel = "MODEL", description = "A model saved by 'forecast train'.")
    Path modelFile;

    @Option(
            names = "--model",
            defaultValue = "auto",
            paramLabel = "NAME",
            description = "Model fitted on the spot when no --model-file is given (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--horizon", paramLabel = "D", description = "Steps or a duration of whole steps, e.g. 1d.")
    String horizon;

    @Mixin
    EventsOption events;

    @Mixin
    SeedOption seed;

    @Mixin
    io.prescale.cli.base.ExcludeAnomaliesOption excludeAnomalies;

    @Override
    protected Result execute() throws Exception {
        if ((series == null) == (!input.given())) {
            throw new BadInputException("--series", series, "give exactly one of --series NAME or --input FILE");
        }
        if (horizon == null) {
            throw new BadInputException("--horizon", null, "--horizon is required (steps or a duration, e.g. 1d)");
        }
        TimeSeries history = input.given() ? input.series() : store.readSeries(series);
        String source = input.given() ? input.file().toString() : series;
        ForecastInput.checkSeries(history, input.given() ? "--input" : "--series", source);
        int h = ForecastInput.steps("--horizon", horizon, history.step());
        ForecastModel fitted = fitted(history, h);
        QuantileForecast forecast = fitted.forecast(history, h, LEVELS);
        ObjectNode fields = Json.object();
        fields.put("series", source);
        fields.put(
                "model",
                fitted.provenance() == null ? model : fitted.provenance().model());
        fields.put("step", history.step().toString());
        fields.put("horizonSteps", h);
        fields.put("origin", forecast.origin().toString());
        ArrayNode levels = fields.putArray("levels");
        for (double level : LEVELS) {
            levels.add(level);
        }
        ArrayNode steps = fields.putArray("forecast");
        for (int k = 0; k < h; k++) {
            ObjectNode row = steps.addObject();
            row.put("time", forecast.timeAt(k).toString());
            for (int q = 0; q < LEVELS.length; q++) {
                Json.putNumber(row, "p" + Math.round(LEVELS[q] * 100), forecast.value(k, q), "not finite");
            }
        }
        return Result.of(fields);
    }

    private ForecastModel fitted(TimeSeries history, int h) throws Exception {
        if (modelFile != null) {
            if (events.file() != null) {
                throw new BadInputException(
                        "--events",
                        events.file().toString(),
                        "--events applies to a model fitted "
                                + "on the spot (--model NAME), not to a saved --model-file");
            }
            if (!Files.isRegularFile(modelFile)) {
                throw new BadInputException(
                        "--model-file",
                        modelFile.toString(),
                        "--model-file '" + modelFile + "' is not a readable file");
            }
            try {
                return ForecastModelFile.load(modelFile);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--model-file", modelFile.toString(), e.getMessage(), e);
            }
        }
        if (!Forecasters.NAMES.contains(model)) {
            throw new BadInputException(
                    "--model", model, "--model '" + model + "' is unknown; expected one of " + Forecasters.NAMES);
        }
        progress("fitting " + model + " …");
        EventCalendar calendar = events.calendar();
        ForecastOptions options =
                ForecastOptions.defaults().withHorizon(h).withSeed(seed.seed()).withEvents(calendar.events());
        return excludeAnomalies
                .apply(Forecasters.byName(model, options, calendar), history, seed.seed())
                .fit(history);
    }
}
