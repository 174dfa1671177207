package io.prescale.cli.forecast;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.Json;
import io.prescale.cli.base.LeafCommand;
import io.prescale.cli.base.SeedOption;
import io.prescale.cli.base.VersionInfo;
import io.prescale.cli.input.EventsOption;
import io.prescale.cli.input.TraceInput;
import io.prescale.core.forecast.ForecastModel;
import io.prescale.core.forecast.ForecastModelFile;
import io.prescale.core.forecast.ForecastOptions;
import io.prescale.core.forecast.Forecasters;
import io.prescale.core.forecast.LstmOptions;
import io.prescale.core.forecast.ModelProvenance;
import io.prescale.core.series.TimeSeries;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code prescale forecast train}: fits one model on a whole series and saves it. */
@Command(name = "train", description = "Fit a forecasting model on a series and save it.")
public final class ForecastTrainCommand extends LeafCommand {
    @Mixin
    TraceInput input;

    @Option(names = "--model", required = true, paramLabel = "NAME", description = "A model name, e.g. auto.")
    String model;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "The model file to write.")
    Path out;

    @Option(
            names = "--horizon",
            defaultValue = "48",
            paramLabel = "H",
            description = "Steps (or duration) the model is tuned and calibrated for (default: ${DEFAULT-VALUE}).")
    String horizon;

    @Mixin
    EventsOption events;

    @Option(names = "--lstm-quick", description = "A small LSTM (for tests and the quick demo).")
    boolean lstmQuick;

    @Mixin
    SeedOption seed;

    Clock clock = Clock.systemUTC();

    @Override
    protected Result execute() throws Exception {
        String name = ForecastBacktestCommand.modelNames(model).size() == 1 && !model.equals("all")
                ? model.strip()
                : badModel();
        TimeSeries series = input.series();
        ForecastInput.checkSeries(series, "--input", input.file().toString());
        int h = ForecastInput.steps("--horizon", horizon, series.step());
        ForecastOptions options = ForecastOptions.defaults()
                .withHorizon(h)
                .withSeed(seed.seed())
                .withEvents(events.calendar().events())
                .withLstm(lstmQuick ? LstmOptions.quick() : LstmOptions.defaults());
        progress("training " + name + " on " + series.size() + " steps …");
        ForecastModel fitted =
                Forecasters.byName(name, options, events.calendar()).fit(series);
        ForecastModelFile.save(fitted, out, VersionInfo.version(), clock.instant());
        ModelProvenance p = fitted.provenance();
        ObjectNode fields = Json.object();
        fields.put("input", input.file().toString());
        fields.put("model", name);
        fields.put("out", out.toString());
        fields.put("step", series.step().toString());
        fields.put("dataFrom", p.dataFrom().toString());
        fields.put("dataTo", p.dataTo().toString());
        if (p.fallback() == null) {
            fields.putNull("fallback");
        } else {
            fields.put("fallback", p.fallback());
        }
        fields.set("fit", Json.MAPPER.valueToTree(p.fit()));
        return Result.of(fields);
    }

    private String badModel() {
        throw new io.prescale.cli.base.BadInputException(
                "--model",
                model,
                "--model '" + model + "' must be one model name of " + List.copyOf(Forecasters.NAMES));
    }
}
