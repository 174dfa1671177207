package io.prescale.cli.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.Json;
import io.prescale.cli.forecast.ForecastJson;
import io.prescale.core.forecast.Backtest;
import io.prescale.core.forecast.BacktestResult;
import io.prescale.core.forecast.BacktestSpec;
import io.prescale.core.forecast.ForecastModel;
import io.prescale.core.forecast.ForecastOptions;
import io.prescale.core.forecast.Forecasters;
import io.prescale.core.forecast.QuantileForecast;
import io.prescale.core.series.TimeSeries;
import io.prescale.core.series.Timestamps;
import io.prescale.grafana.report.LoadForecast;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Forecasting: backtests models on the shipped NYC taxi trace, 5 steps (2.5 h) ahead from row 8,640
 * (2014-12-28T00:00, the row benchmarks.md §2.2 scores from; it labels the period 2014-12-27), and writes {@code forecast-backtest.json}. Quick: the weekly seasonal naive and Holt-Winters;
 * full: also ARIMA, Prophet-style and auto. Leaves the day-ahead forecast of the trace's last week
 * ({@link DayAhead}) for the report.
 */
final class ForecastStage implements DemoStage {
    private static final int DAY = 48;

    /**
     * The last week of NYC taxi with its day-ahead Holt-Winters forecast (p10, p50, p90; one fit before the week,
     * one forecast of 48 steps from each midnight of it), and the WAPE of its p50 over that week (NaN when the
     * week holds no load).
     */
    record DayAhead(LoadForecast forecast, double wape) {
        DayAhead {
            Objects.requireNonNull(forecast, "forecast");
        }
    }

    @Override
    public String name() {
        return "forecast";
    }

    @Override
    public ObjectNode run(DemoContext context) throws Exception {
        TimeSeries taxi = context.history("nyc_taxi");
        int testFrom = (int) taxi.indexOf(Timestamps.parseInstant("2014-12-28T00:00:00"));
        List<String> models = context.quick()
                ? List.of("seasonal-naive-weekly", "holt-winters")
                : List.of("seasonal-naive-weekly", "holt-winters", "arima", "prophet", "auto");
        ForecastOptions options = ForecastOptions.defaults().withHorizon(5).withSeed(context.seed());
        ObjectNode summary = Json.object();
        summary.put("series", "nyc_taxi");
        summary.put("horizonSteps", 5);
        summary.put("testFrom", taxi.timeAt(testFrom).toString());
        ArrayNode results = summary.putArray("models");
        for (String model : models) {
            BacktestResult r =
                    Backtest.run(taxi, Forecasters.byName(model, options), new BacktestSpec(5, testFrom, 48));
            context.progress(String.format(
                    "forecast %-22s WAPE %.1f %%  MASE %.3f  coverage80 %.2f",
                    model,
                    100 * r.metrics().wape(),
                    r.metrics().mase(),
                    r.metrics().coverage80()));
            ObjectNode node = ForecastJson.backtestModel(r);
            node.put("targets", r.metrics().targets());
            results.add(node);
        }
        DayAhead dayAhead = dayAhead(taxi, context.seed());
        context.put(dayAhead);
        Json.putNumber(summary, "dayAheadWape", dayAhead.wape(), "no load in the last week");
        Path file = context.outDir().resolve("forecast-backtest.json");
        Files.writeString(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(summary));
        summary.put("file", file.toString());
        return summary;
    }

    /** One Holt-Winters fit before the last week, then one day ahead at each midnight of that week. */
    static DayAhead dayAhead(TimeSeries taxi, long seed) {
        int from = taxi.size() - 7 * DAY;
        ForecastModel model = Forecasters.byName(
                        "holt-winters", ForecastOptions.defaults().withSeed(seed))
                .fit(taxi.slice(0, from));
        double[] p10 = new double[7 * DAY];
        double[] p50 = new double[7 * DAY];
        double[] p90 = new double[7 * DAY];
        double absError = 0;
        double total = 0;
        for (int day = 0; day < 7; day++) {
            int origin = from + day * DAY;
            QuantileForecast f = model.forecast(taxi.slice(0, origin), DAY, new double[] {0.1, 0.5, 0.9});
            for (int h = 0; h < DAY; h++) {
                int i = day * DAY + h;
                p10[i] = f.value(h, 0);
                p50[i] = f.value(h, 1);
                p90[i] = f.value(h, 2);
                double actual = taxi.valueAt(origin + h);
                if (Double.isFinite(actual)) {
                    absError += Math.abs(actual - p50[i]);
                    total += Math.abs(actual);
                }
            }
        }
        TimeSeries week = taxi.slice(from, taxi.size());
        LoadForecast forecast = new LoadForecast(
                taxi.slice(from - 2 * DAY, taxi.size()),
                week.withValues(p10),
                week.withValues(p50),
                week.withValues(p90),
                "taxi passengers per 30 min");
        return new DayAhead(forecast, total > 0 ? absError / total : Double.NaN);
    }
}
