package io.prescale.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.prescale.core.series.TimeSeries;
import io.prescale.core.testing.SyntheticLoad;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LstmForecasterTest {
    private static final ForecastOptions OPTIONS =
            ForecastOptions.defaults().withHorizon(3).withLstm(LstmOptions.quick());

    @Test
    void trainsReportsLossesBeatsPersistenceAndRoundTrips(@TempDir Path temp) throws Exception {
        TimeSeries series = SyntheticLoad.weekly(1500, 21, 0.02);
        BacktestSpec spec = new BacktestSpec(3, 1300, 10_000);
        BacktestResult lstm = Backtest.run(series, Forecasters.byName("lstm", OPTIONS), spec);
        BacktestResult naive = Backtest.run(series, Forecasters.byName("naive", OPTIONS), spec);
        assertThat(lstm.facts()).containsKeys("trainLoss", "valLoss", "epochs");
        assertThat((Integer) lstm.facts().get("epochs"))
                .isBetween(1, LstmOptions.quick().maxEpochs());
        assertThat(lstm.metrics().mase()).isLessThan(naive.metrics().mase());

        TimeSeries train = series.slice(0, 1300);
        ForecastModel model = Forecasters.byName("lstm", OPTIONS).fit(train);
        double[] levels = {0.05, 0.5, 0.95};
        QuantileForecast forecast = model.forecast(series.slice(0, 1400), 60, levels);
        for (int h = 0; h < 60; h++) {
            assertThat(forecast.value(h, 0)).isLessThanOrEqualTo(forecast.value(h, 1));
            assertThat(forecast.value(h, 1))
                    .isLessThanOrEqualTo(forecast.value(h, 2))
                    .isFinite();
        }
        Path file = temp.resolve("lstm.zip");
        ForecastModelFile.save(model, file, "test", Instant.EPOCH);
        QuantileForecast loaded = ForecastModelFile.load(file).forecast(series.slice(0, 1400), 60, levels);
        assertThat(loaded.quantile(0.5)).containsExactly(forecast.quantile(0.5));
        assertThat(ForecastModelFile.load(file).provenance().fit()).containsKey("valLoss");
    }

    @Test
    void aWarmStartedRefitKeepsLearning() {
        TimeSeries series = SyntheticLoad.weekly(1100, 6, 0);
        ForecastModel first = Forecasters.byName("lstm", OPTIONS).fit(series.slice(0, 1000));
        ForecastModel refit = ((Refittable) first).refit(series);
        assertThat(refit.provenance().fit()).containsEntry("warmStart", true);
        assertThat(refit.forecast(series, 3, new double[] {0.5}).quantile(0.5))
                .isNotEqualTo(first.forecast(series, 3, new double[] {0.5}).quantile(0.5));
        assertThat((Double) refit.provenance().fit().get("trainLoss")).isLessThan(0.5);
    }

    @Test
    void theSameSeedGivesTheSameNetwork() {
        TimeSeries series = SyntheticLoad.weekly(1200, 5, 0);
        double[] a = Forecasters.byName("lstm", OPTIONS.withSeed(4))
                .fit(series)
                .forecast(series, 3, new double[] {0.5})
                .quantile(0.5);
        double[] b = Forecasters.byName("lstm", OPTIONS.withSeed(4))
                .fit(series)
                .forecast(series, 3, new double[] {0.5})
                .quantile(0.5);
        assertThat(b).containsExactly(a);
    }
}
