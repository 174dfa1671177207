package io.prescale.cli.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.forecast.ForecastInput;
import io.prescale.cli.base.Json;
import io.prescale.core.forecast.Backtest;
import io.prescale.core.forecast.BacktestResult;
import io.prescale.core.forecast.BacktestSpec;
import io.prescale.core.forecast.ForecastOptions;
import io.prescale.core.forecast.Forecasters;
import io.prescale.core.series.TimeSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Forecasting: backtests models on the shipped NYC taxi trace, 5 steps (2.5 h) ahead from row 8,640
 * (2014-12-28T00:00, the row benchmarks.md §2.2 scores from; it labels the period 2014-12-27), and writes {@code forecast-backtest.json}. Quick: the weekly seasonal naive and Holt-Winters;
 * full: also ARIMA, Prophet-style and auto.
 */
final class ForecastStage implements DemoStage {
    @Override
    public String name() {
        return "forecast";
    }

    @Override
    public ObjectNode run(DemoContext context) throws Exception {
        Path trace = context.get("trace.nyc_taxi", Path.class);
        TimeSeries taxi = ForecastInput.readInput(trace);
        int testFrom = (int) taxi.indexOf(ForecastInput.parseTime("2014-12-28T00:00:00"));
        List<String> models = context.quick() ? List.of("seasonal-naive-weekly", "holt-winters")
                : List.of("seasonal-naive-weekly", "holt-winters", "arima", "prophet", "auto");
        ForecastOptions options = ForecastOptions.defaults().withHorizon(5).withSeed(context.seed());
        ObjectNode summary = Json.object();
        summary.put("series", "nyc_taxi");
        summary.put("horizonSteps", 5);
        summary.put("testFrom", taxi.timeAt(testFrom).toString());
        ArrayNode results = summary.putArray("models");
        for (String model : models) {
            BacktestResult r = Backtest.run(taxi, Forecasters.byName(model, options), new BacktestSpec(5, testFrom, 48));
            context.progress(String.format("forecast %-22s WAPE %.1f %%  MASE %.3f  coverage80 %.2f", model,
                    100 * r.metrics().wape(), r.metrics().mase(), r.metrics().coverage80()));
            ObjectNode node = results.addObject();
            node.put("name", model);
            Json.putNumber(node, "wape", r.metrics().wape(), "no targets");
            Json.putNumber(node, "mase", r.metrics().mase(), "no targets");
            Json.putNumber(node, "coverage80", r.metrics().coverage80(), "no targets");
            node.put("targets", r.metrics().targets());
        }
        Path file = context.outDir().resolve("forecast-backtest.json");
        Files.writeString(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(summary));
        summary.put("file", file.toString());
        return summary;
    }
}
