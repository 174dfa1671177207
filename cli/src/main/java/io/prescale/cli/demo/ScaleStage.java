package io.prescale.cli.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.Json;
import io.prescale.cli.scale.ScalingBacktestJson;
import io.prescale.cli.tune.TuneJson;
import io.prescale.core.scale.ScalingBacktest;
import io.prescale.core.scale.ScalingBacktestOptions;
import io.prescale.core.scale.ScalingBacktestResult;
import io.prescale.core.scale.SeasonalQuantileForecaster;
import io.prescale.core.scale.StrategyResult;
import io.prescale.core.series.TimeSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The predictive controller against reactive, seasonal-offset, forecast-scale-out-only and the oracle on the
 * shipped traces, lead 10 minutes; writes each backtest document to {@code scale/}. Quick mode runs nyc_taxi
 * with prescale, reactive and the oracle only. When the tuning stage left a policy, each trace also drives the learned
 * policy and the hand-written {@code capacityPerInstance} policy with the controller ({@code tunedPolicy}).
 */
final class ScaleStage implements DemoStage {
    /** The scaling backtests run, by trace (series) name, in run order. */
    record Backtests(Map<String, ScalingBacktestResult> results) {
        Backtests {
            results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
        }
    }

    @Override
    public String name() {
        return "scale";
    }

    @Override
    public ObjectNode run(DemoContext context) throws Exception {
        List<String> traces = context.quick()
                ? List.of("nyc_taxi")
                : List.of("nyc_taxi", "elb_request_count_8c0756", "nasa_http_aug95");
        ObjectNode summary = Json.object();
        ArrayNode results = summary.putArray("backtests");
        Path dir = Files.createDirectories(context.outDir().resolve("scale"));
        Map<String, ScalingBacktestResult> backtests = new LinkedHashMap<>();
        for (String trace : traces) {
            TimeSeries history = context.history(trace);
            // quick: the predictive controller against reactive and the oracle only (the ≈15 s budget)
            ScalingBacktestResult result = context.quick()
                    ? ScalingBacktest.run(
                            history,
                            ScalingBacktestOptions.defaults(),
                            SeasonalQuantileForecaster::new,
                            List.of("prescale", "reactive", "oracle"),
                            false)
                    : ScalingBacktest.run(history, ScalingBacktestOptions.defaults(), SeasonalQuantileForecaster::new);
            backtests.put(trace, result);
            Path out = dir.resolve("backtest-" + trace + ".json");
            Files.writeString(
                    out,
                    Json.MAPPER
                            .writerWithDefaultPrettyPrinter()
                            .writeValueAsString(Json.sanitise(ScalingBacktestJson.fields(result, "store:" + trace))));
            context.progress("backtest " + trace + " (lead 10 min):\n" + ScalingBacktestJson.table(result));
            ObjectNode node = results.addObject();
            node.put("trace", trace);
            node.put("file", out.toString());
            context.find(TuneStage.Tuned.class)
                    .ifPresent(tuned -> node.set("tunedPolicy", TuneJson.simulation(tuned.simulate(trace, history))));
            ObjectNode strategies = node.putObject("strategies");
            for (StrategyResult s : result.strategies()) {
                strategies.set(s.name(), ScalingBacktestJson.strategy(s));
            }
        }
        context.put(new Backtests(backtests));
        return summary;
    }
}
