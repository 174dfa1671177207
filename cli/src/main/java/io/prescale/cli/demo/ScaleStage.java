package io.prescale.cli.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.Json;
import io.prescale.cli.scale.BacktestJson;
import io.prescale.cli.scale.ScaleBacktestCommand;
import io.prescale.core.scale.Backtest;
import io.prescale.core.scale.BacktestOptions;
import io.prescale.core.scale.BacktestResult;
import io.prescale.core.scale.SeasonalQuantileForecaster;
import io.prescale.core.scale.StrategyResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The predictive controller against reactive, seasonal-offset, forecast-scale-out-only and the oracle on the
 * shipped traces, lead 10 minutes; writes each backtest document to {@code scale/}. Quick mode runs nyc_taxi
 * with prescale, reactive and the oracle only.
 */
final class ScaleStage implements DemoStage {
    @Override
    public String name() {
        return "scale";
    }

    @Override
    public ObjectNode run(DemoContext context) throws Exception {
        List<String> traces = context.quick() ? List.of("nyc_taxi")
                : List.of("nyc_taxi", "elb_request_count_8c0756", "nasa_http_aug95");
        ObjectNode summary = Json.object();
        ArrayNode results = summary.putArray("backtests");
        Path dir = Files.createDirectories(context.outDir().resolve("scale"));
        for (String trace : traces) {
            Path file = context.get("trace." + trace, Path.class);
            // quick: the predictive controller against reactive and the oracle only (the ≈15 s budget)
            BacktestResult result = context.quick()
                    ? Backtest.run(ScaleBacktestCommand.readInput(file), BacktestOptions.defaults(),
                    SeasonalQuantileForecaster::new, List.of("prescale", "reactive", "oracle"), false)
                    : Backtest.run(ScaleBacktestCommand.readInput(file), BacktestOptions.defaults(),
                    SeasonalQuantileForecaster::new);
            context.put("scale.backtest." + trace, result);
            Path out = dir.resolve("backtest-" + trace + ".json");
            Files.writeString(out, Json.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(Json.sanitise(BacktestJson.fields(result, file.toString()))));
            context.progress("backtest " + trace + " (lead 10 min):\n" + ScaleBacktestCommand.table(result));
            ObjectNode node = results.addObject();
            node.put("trace", trace);
            node.put("file", out.toString());
            ObjectNode strategies = node.putObject("strategies");
            for (StrategyResult s : result.strategies()) {
                ObjectNode row = strategies.putObject(s.name());
                row.put("sloViolationMinutes", s.sloViolationMinutes());
                Json.putNumber(row, "unservedShare", s.unservedShare(), "no demand in the scored range");
                row.put("instanceHours", s.instanceHours());
            }
        }
        return summary;
    }
}
