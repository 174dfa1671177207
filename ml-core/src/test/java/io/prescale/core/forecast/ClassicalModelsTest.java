package io.prescale.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prescale.core.series.TimeSeries;
import io.prescale.core.testing.SyntheticLoad;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import smile.timeseries.AR;

class ClassicalModelsTest {
    private static final double[] LEVELS = {0.05, 0.1, 0.5, 0.9, 0.95, 0.99};

    @ParameterizedTest
    @ValueSource(
            strings = {
                "naive",
                "seasonal-naive-daily",
                "seasonal-naive-weekly",
                "holt-winters",
                "arima",
                "prophet",
                "auto"
            })
    void quantilesAreOrderedAndGapsAreSurvived(String name) {
        TimeSeries series = SyntheticLoad.weekly(48 * 21, 11, 0.05);
        ForecastModel model = Forecasters.byName(
                        name, ForecastOptions.defaults().withHorizon(6))
                .fit(series);
        QuantileForecast forecast = model.forecast(series, 60, LEVELS);
        assertThat(forecast.horizon()).isEqualTo(60);
        assertThat(forecast.origin()).isEqualTo(series.end());
        for (int h = 0; h < 60; h++) {
            for (int q = 0; q < LEVELS.length; q++) {
                assertThat(forecast.value(h, q)).isFinite().isGreaterThanOrEqualTo(0);
                if (q > 0) {
                    assertThat(forecast.value(h, q)).isGreaterThanOrEqualTo(forecast.value(h, q - 1));
                }
            }
        }
        assertThat(model.provenance().model()).isEqualTo(name);
        assertThat(model.provenance().dataTo()).isEqualTo(series.end());
    }

    @ParameterizedTest
    @ValueSource(strings = {"holt-winters", "arima", "auto"})
    void beatsTheNaiveBaselinesOnSeasonalLoad(String name) {
        TimeSeries series = SyntheticLoad.weekly(48 * 28, 5, 0.02);
        BacktestSpec spec = new BacktestSpec(1, 48 * 24, 48);
        ForecastOptions options = ForecastOptions.defaults().withHorizon(1);
        double model = Backtest.run(series, Forecasters.byName(name, options), spec)
                .metrics()
                .mase();
        double naive = Backtest.run(series, Forecasters.byName("naive", options), spec)
                .metrics()
                .mase();
        double weekly = Backtest.run(series, Forecasters.byName("seasonal-naive-weekly", options), spec)
                .metrics()
                .mase();
        assertThat(model).isLessThan(0.95 * Math.min(naive, weekly));
    }

    @Test
    void coverageOfTheEightyPercentBandIsHonestOnSyntheticLoad() {
        TimeSeries series = SyntheticLoad.weekly(48 * 28, 8, 0);
        BacktestResult r = Backtest.run(
                series,
                Forecasters.byName("holt-winters", ForecastOptions.defaults().withHorizon(3)),
                new BacktestSpec(3, 48 * 24, 48));
        assertThat(r.metrics().coverage80()).isBetween(0.65, 0.95);
    }

    @ParameterizedTest
    @ValueSource(strings = {"seasonal-naive-weekly", "holt-winters", "arima", "prophet"})
    void shortHistoryFallsBackAndSaysSo(String name) {
        TimeSeries series = SyntheticLoad.weekly(48 * 4, 2, 0);
        ForecastModel model =
                Forecasters.byName(name, ForecastOptions.defaults()).fit(series);
        assertThat(model.provenance().fallback()).isNotBlank();
        assertThat(model.forecast(series, 5, new double[] {0.5}).value(0, 0)).isFinite();
    }

    @Test
    void prophetLearnsEventEffectsFromTheEventsFile() {
        TimeSeries base = SyntheticLoad.weekly(48 * 28, 13, 0);
        double[] v = base.values();
        java.util.List<Event> events = new java.util.ArrayList<>();
        for (int day : new int[] {3, 9, 16, 24}) {
            events.add(new Event("holiday", base.timeAt(day * 48), base.timeAt(day * 48 + 48)));
            for (int i = day * 48; i < day * 48 + 48; i++) {
                v[i] *= 0.4;
            }
        }
        TimeSeries series = base.withValues(v);
        BacktestSpec spec = new BacktestSpec(5, 48 * 23, 48);
        ForecastOptions options = ForecastOptions.defaults().withHorizon(5);
        double without = Backtest.run(series, Forecasters.byName("prophet", options), spec)
                .metrics()
                .mase();
        double with = Backtest.run(series, Forecasters.byName("prophet", options.withEvents(events)), spec)
                .metrics()
                .mase();
        assertThat(with).isLessThan(0.8 * without);
    }

    @Test
    void unknownModelNameIsRejectedNamingTheKnownOnes() {
        assertThatThrownBy(() -> Forecasters.byName("magic", ForecastOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("magic")
                .hasMessageContaining("arima");
    }

    @Test
    void arimaRecursionAgreesWithSmileOnAPureArProcess() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(9);
        double[] z = new double[2000];
        for (int t = 2; t < z.length; t++) {
            z[t] = 3 + 0.5 * z[t - 1] - 0.3 * z[t - 2] + random.nextGaussian();
        }
        AR ar = AR.ols(z, 2);
        Arima.Model model = new Arima.Model(0, 0, ar.ar(), new double[0], ar.intercept());
        double[] ours = model.armaForecast(z, 3);
        assertThat(ours).containsExactly(ar.forecast(3), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Arrays.stream(ours).allMatch(Double::isFinite)).isTrue();
    }

    @Test
    void periodsAreDetectedFromTheAutocorrelation() {
        TimeSeries series = SyntheticLoad.weekly(48 * 21, 1, 0);
        assertThat(Seasonality.detect(Gaps.fill(series.values(), 0), series.step()))
                .containsExactly(48, 336);
    }
}
